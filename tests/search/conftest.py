import pytest

from search.backends import elasticsearch8
from search.models import Synonym


@pytest.fixture
def synonyms(db):
    Synonym.objects.create(terms="JIM, Jouw Informele Mentor, informele mentor")
    Synonym.objects.create(terms="OJG, ondersteuner jeugd en gezin")
    Synonym.objects.create(terms="thuiszitter, thuiszittende leerling")


@pytest.fixture
def es_backend(synonyms):
    """Wagtail's Elasticsearch 8 backend as configured for Wiel; creating it opens no connection."""
    return elasticsearch8.SearchBackend({"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "wiel_", "TIMEOUT": 1})
