"""Deploy checks of the search engine (``manage.py check --deploy``): a configuration error shows
before the first reader meets it, while an engine that is merely down is only a warning (search
falls back to the database, ``search/failover.py``)."""

from django.conf import settings
from django.core.checks import Error, Warning, register
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .circuit import UNAVAILABLE, is_outage, misconfiguration


@register("search", deploy=True)
def search_engine_is_ready(app_configs, **kwargs):
    if not getattr(settings, "ELASTICSEARCH_URL", None):
        return []

    backend = get_search_backend("default")
    index = backend.get_index_for_model(Page)
    try:
        if not index.exists():
            return [
                Error(
                    f"The search engine has no index {index.name!r} for pages.",
                    hint="Run `manage.py update_index` once after deploying (and after editing synonyms).",
                    id="wiel.E010",
                )
            ]
        # Wiel's own analysis, as the index was created with it: the engine must accept it.
        question = {"analyzer": "default_search", "text": "gezinnen"}
        if backend.use_new_elasticsearch_api:
            backend.es.indices.analyze(index=index.name, **question)
        else:
            backend.es.indices.analyze(index=index.name, body=question)
    except UNAVAILABLE as error:
        if is_outage(error):
            return [Warning(f"The search engine does not answer: {error}", id="wiel.W010")]
        return [
            Error(
                f"The search engine refused Wiel's index or analysis: {error}",
                hint="Check SEARCH_ENGINE against the engine's version, then run `manage.py update_index`.",
                id="wiel.E011",
            )
        ]
    return []


HEALTH_TIMEOUT = 0.5  # seconds: /healthz/ must answer fast, also when the engine hangs


def engine_health():
    """``/healthz/``'s report on the engine (core.http.health.register_check): it must answer, and must
    not have refused Wiel's requests as misconfigured within the last day (search/circuit.py)."""
    if not getattr(settings, "ELASTICSEARCH_URL", None):
        return "not configured (database search)"

    client = get_search_backend("default").es
    if hasattr(client, "options"):  # Elasticsearch 8 and 9
        answered = client.options(request_timeout=HEALTH_TIMEOUT, max_retries=0).ping()
    else:  # OpenSearch
        answered = client.ping(request_timeout=HEALTH_TIMEOUT)
    if not answered:
        raise ConnectionError("the search engine did not answer")
    refused = misconfiguration()
    if refused:
        raise SearchEngineRefused(refused)
    return None


class SearchEngineRefused(Exception):
    """The engine answers, but refused a request of Wiel's as misconfigured (the name is what
    ``/healthz/`` shows; the error log says what the engine said)."""
