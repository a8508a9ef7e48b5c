"""Publishing while Elasticsearch is down: the page is published, the update is kept and sent
when Elasticsearch answers again. The Elasticsearch backend is Wiel's real one, pointed at a
port where nothing listens."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from practices.factories import PracticeIndexPageFactory, make_practice
from search.models import PendingIndexUpdate

DOWN = {"BACKEND": "search.backends.elasticsearch8", "URLS": ["http://127.0.0.1:9"], "TIMEOUT": 1}


@pytest.fixture
def elasticsearch_down(settings):
    database = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    settings.WAGTAILSEARCH_BACKENDS = {"default": DOWN, "fallback": database}
    return database


@pytest.mark.django_db
def test_publishing_while_elasticsearch_is_down_succeeds_and_is_retried(site_tree, settings, elasticsearch_down):
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    page = make_practice(practices, "Kwartiermakers in de wijk")
    assert page.live
    pending = PendingIndexUpdate.objects.get(object_id=str(page.pk))
    assert pending.action == "add" and pending.attempts >= 1 and pending.last_error
    response = Client().get("/zoeken/", {"q": "kwartiermakers"})  # the fallback has it already
    assert response.context["degraded"] and [hit["page"].pk for hit in response.context["hits"]] == [page.pk]

    tried = sum(PendingIndexUpdate.objects.values_list("attempts", flat=True))
    with pytest.raises(CommandError, match="still pending"):
        call_command("retry_index_updates")  # still down: all kept, and it stops after one refusal
    assert sum(PendingIndexUpdate.objects.values_list("attempts", flat=True)) == tried + 1

    # Elasticsearch is back. (Here the database backend stands in for it under the same alias;
    # tests/search/test_engine.py does the same against a live engine.)
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**elasticsearch_down, "AUTO_UPDATE": False}}
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    backend.delete(page.specific)
    assert list(backend.search("kwartiermakers", type(page.specific))) == []
    call_command("retry_index_updates")
    assert not PendingIndexUpdate.objects.exists()
    assert [found.pk for found in backend.search("kwartiermakers", type(page.specific))] == [page.pk]


@pytest.mark.django_db
def test_the_latest_wish_wins_and_a_success_clears_it(site_tree, elasticsearch_down, settings):
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    page = make_practice(practices, "Aanpak tijdens storing")
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk)).exists()
    pk = page.pk
    page.delete()  # removing while down: the latest wish is a delete
    assert PendingIndexUpdate.objects.get(object_id=str(pk)).action == "delete"

    from search.retry import forget

    forget(type(page)(pk=pk))  # what the backend does after an update that Elasticsearch accepted
    assert not PendingIndexUpdate.objects.filter(object_id=str(pk)).exists()


@pytest.mark.django_db
def test_the_retry_keeps_a_newer_failure_that_arrived_while_it_ran(site_tree, elasticsearch_down):
    from unittest import mock

    from search import retry

    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    page = make_practice(practices, "Aanpak die twee keer wijzigt")
    PendingIndexUpdate.objects.exclude(object_id=str(page.pk)).delete()  # only the practice's wish

    class ElasticsearchBackAgain:
        """Takes the update; meanwhile an editor saves again and that save's update is refused."""

        sent = []

        def add(self, obj):
            self.sent.append(obj.pk)
            retry.remember(obj, PendingIndexUpdate.ADD, "refused during the retry")

    with mock.patch.object(retry, "get_search_backend", return_value=ElasticsearchBackAgain()):
        done, pending, refused = retry.retry()
    assert ElasticsearchBackAgain.sent == [page.pk] and done == 1 and not refused
    assert pending == 1  # the newer wish is still there for the next run
    assert PendingIndexUpdate.objects.get(object_id=str(page.pk)).last_error == "refused during the retry"


def test_only_an_outage_pauses_the_engine_a_refusal_is_a_configuration_error():
    from elastic_transport import ApiResponseMeta, ConnectionTimeout, HttpHeaders, NodeConfig
    from elasticsearch import ApiError

    from search.circuit import is_outage
    from search.opensearch_client import opensearchpy

    def api_error(status):
        meta = ApiResponseMeta(status, "1.1", HttpHeaders(), 0.01, NodeConfig("http", "127.0.0.1", 9200))
        return ApiError("refused", meta, {})

    assert is_outage(opensearchpy.ConnectionError("N/A", "refused", None))
    assert is_outage(opensearchpy.ConnectionTimeout("TIMEOUT", "slow", None))
    assert is_outage(opensearchpy.TransportError(503, "unavailable", {}))
    assert is_outage(opensearchpy.TransportError(429, "too many requests", {}))
    assert not is_outage(opensearchpy.RequestError(400, "mapper_parsing_exception", {}))
    assert not is_outage(opensearchpy.NotFoundError(404, "index_not_found_exception", {}))
    assert not is_outage(opensearchpy.AuthenticationException(401, "security_exception", {}))
    assert is_outage(ConnectionTimeout("timed out"))
    assert is_outage(api_error(502)) and not is_outage(api_error(400))
