"""Against a real search engine: an OpenSearch 2.19 node the session starts on 127.0.0.1
(``search_engine`` in tests/conftest.py, deploy/search-engine/run), or the engine at
TEST_SEARCH_ENGINE_URL with its backend in TEST_SEARCH_ENGINE (elasticsearch8, elasticsearch9 or
opensearch2). Each test uses its own index prefix and removes its indexes afterwards.

They index real pages and search them through the search page, so they prove what the request
tests (test_elasticsearch_requests.py) can only read: Dutch analysis, synonyms, typo tolerance,
facets from ids, the atomic rebuild and the retry of missed updates.
"""

import uuid

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from articles.factories import ArticlePageFactory
from practices.factories import PracticeIndexPageFactory, make_practice
from search.models import PendingIndexUpdate, Synonym

pytestmark = [pytest.mark.slow, pytest.mark.engine]


@pytest.fixture
def elasticsearch(search_engine, settings, db):
    """The engine as Wiel's default search backend, the database backend as its fallback."""
    prefix = f"wiel_test_{uuid.uuid4().hex[:8]}_"
    database = dict(settings.WAGTAILSEARCH_BACKENDS[settings.DATABASE_SEARCH])
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"search.backends.{search_engine.backend}",
            "URLS": search_engine.urls,
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 10,
        },
        "fallback": database,
    }
    settings.DATABASE_SEARCH = "fallback"
    Synonym.objects.create(terms="JIM, Jouw Informele Mentor, informele mentor")
    call_command("update_index", backend_name="default", verbosity=0)  # creates the indexes, with the synonyms
    backend = get_search_backend("default")
    yield backend
    backend.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True, allow_no_indices=True)


def refreshed(backend):
    backend.get_index_for_model(Page).refresh()
    return backend


def search(**params):
    response = Client().get("/zoeken/", params)
    assert response.status_code == 200 and response.context["degraded"] is False
    return response


def titles(response):
    return sorted(hit["page"].title for hit in response.context["hits"])


@pytest.mark.django_db
def test_dutch_analysis_synonyms_and_typos_on_a_live_server(elasticsearch, site_tree):
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    make_practice(practices, "JIM: een mentor uit het eigen netwerk", ["informele-steun"])
    make_practice(practices, "De coördinator van het wijkteam")
    ArticlePageFactory(parent=site_tree["samen_news"], title="Jongere mantelzorgers", summary="Over zorg thuis.")
    refreshed(elasticsearch)
    assert titles(search(q="informele mentor")) == ["JIM: een mentor uit het eigen netwerk"]  # synonym
    assert titles(search(q="coordinator")) == ["De coördinator van het wijkteam"]  # ASCII folding
    assert titles(search(q="jongeren")) == ["Jongere mantelzorgers"]  # Dutch stemming
    typo = search(q="mantelzorgrs")
    assert typo.context["attempt"].how in {"verbeterd", "lijkt"} and titles(typo) == ["Jongere mantelzorgers"]
    kinds = {option.value: option.count for option in typo.context["facets"][0].options}
    assert kinds["artikel"] == 1 and kinds["praktijk"] == 0


@pytest.mark.django_db
def test_rebuilds_swap_an_alias_and_keep_answering(elasticsearch, site_tree):
    ArticlePageFactory(parent=site_tree["samen_news"], title="Pleegzorg in de regio")
    refreshed(elasticsearch)
    alias = elasticsearch.get_index_for_model(Page)
    first = [index.name for index in alias.aliased_indices()]
    call_command("update_index", backend_name="default", verbosity=0)
    second = [index.name for index in alias.aliased_indices()]
    assert alias.is_alias() and first != second and len(second) == 1
    assert titles(search(q="pleegzorg")) == ["Pleegzorg in de regio"]


@pytest.mark.django_db
def test_missed_updates_reach_the_server_when_it_answers_again(elasticsearch, site_tree, settings):
    live = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "default": {**live, "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1},
    }
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    page = make_practice(practices, "Kwartiermakers in de wijk")
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()
    settings.WAGTAILSEARCH_BACKENDS = {**settings.WAGTAILSEARCH_BACKENDS, "default": live}
    call_command("retry_index_updates")
    assert not PendingIndexUpdate.objects.exists()
    refreshed(get_search_backend("default"))
    assert titles(search(q="kwartiermakers")) == ["Kwartiermakers in de wijk"]
