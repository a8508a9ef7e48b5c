"""Against a real search engine: an OpenSearch 2.19 node the session starts on 127.0.0.1
(``search_engine`` in tests/conftest.py, deploy/search-engine/run), or the engine at
TEST_SEARCH_ENGINE_URL with its backend in TEST_SEARCH_ENGINE (elasticsearch8, elasticsearch9 or
opensearch2). Each test uses its own index prefix and removes its indexes afterwards.

They index real pages and search them through the search page, so they prove what the request
tests (test_elasticsearch_requests.py) can only read: Dutch analysis, synonyms, typo tolerance,
facets from ids, the atomic rebuild and the retry of missed updates.
"""

import io
import threading
import time
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


@pytest.fixture
def cluster(tmp_path):
    """Three OpenSearch nodes on 127.0.0.1 forming one cluster, stopped after the test."""
    from tests.search_engine import SearchEngine

    engine = SearchEngine(tmp_path / "cluster", nodes=3, heap="256m")
    engine.start()
    yield engine
    engine.stop()


def green(backend, nodes):
    health = backend.es.cluster.health(
        wait_for_status="green", wait_for_nodes=str(nodes), params={"timeout": "90s", "request_timeout": 100}
    )
    assert health["status"] == "green" and health["number_of_nodes"] == nodes, health
    return health


@pytest.mark.django_db
def test_a_cluster_answers_and_loses_no_publish_while_a_node_is_down(cluster, settings, site_tree):
    """One replica on three nodes: with one node killed, searches keep answering from the other
    copies, and pages published meanwhile (the writes that time out wait in the retry list) are
    in the index once the node is back."""
    prefix = f"wiel_cluster_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch2",
            "URLS": cluster.urls,
            "INDEX_PREFIX": prefix,
            "TIMEOUT": 5,
            "INDEX_SETTINGS": {"settings": {"index": {"number_of_shards": 3, "number_of_replicas": 1}}},
        },
        "fallback": dict(settings.WAGTAILSEARCH_BACKENDS[settings.DATABASE_SEARCH]),
    }
    settings.SEARCH_BACKEND_PAUSE = 2
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    before = [make_practice(practices, f"Pleegzorg in de wijk {n}") for n in range(5)]
    call_command("update_index", backend_name="default", verbosity=0)
    backend = get_search_backend("default")
    green(backend, 3)

    answered, failed, partial, stop = [], [], [], threading.Event()

    def load():
        # The engine alone (no database fallback, which a real outage would add): every search
        # must come back with every page indexed before the node was lost. A shard copy that
        # failed on the lost node is retried on its replica; where the engine still reports a
        # failed shard, the answer counts as long as it holds every page.
        while not stop.is_set():
            try:
                response = backend.es.search(
                    index=f"{prefix}wagtailcore_page", body={"query": {"match": {"title": "pleegzorg"}}}
                )
            except Exception as error:  # noqa: BLE001 (any failure is what is counted)
                failed.append(repr(error))
            else:
                found = response["hits"]["total"]["value"]
                (answered if found >= len(before) else failed).append(found)
                if response["_shards"]["failed"]:
                    partial.append(found)
            time.sleep(0.02)

    worker = threading.Thread(target=load)
    worker.start()
    try:
        time.sleep(1)
        cluster.kill(2)
        answered_before = len(answered)
        during = [make_practice(practices, f"Pleegzorg tijdens de storing {n}") for n in range(5)]
        time.sleep(3)
        answered_while_down = len(answered) - answered_before
        cluster.start()  # the stopped node comes back with its data and rejoins
        green(backend, 3)
    finally:
        stop.set()
        worker.join()
    call_command("retry_index_updates", verbosity=0)
    backend.get_index_for_model(Page).refresh()
    pages = before + during
    indexed = backend.es.search(
        index=f"{prefix}wagtailcore_page",
        body={"query": {"ids": {"values": [f"{page.pk}" for page in pages]}}, "size": 100, "_source": False},
    )
    missing = {page.pk for page in pages} - {int(hit["_id"]) for hit in indexed["hits"]["hits"]}
    print(
        f"cluster: {len(answered)} searches answered ({len(partial)} reporting a failed shard copy), "
        f"{len(failed)} failed, {len(missing)} documents missing"
    )
    assert answered_while_down > 0 and failed == [] and missing == set()
    assert not PendingIndexUpdate.objects.exists()
    backend.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True, allow_no_indices=True)


@pytest.mark.django_db
def test_the_engine_stems_synonyms_keeps_small_words_in_them_and_weighs_titles(elasticsearch, site_tree):
    """The engine agrees with the database backends: a plural fires its singular's group, a
    synonym with stop words in it works whole, and a title weighs ten times the body."""
    Synonym.objects.create(terms="thuiszitter, schoolverzuim")
    Synonym.objects.create(terms="CJG, centrum voor jeugd en gezin")
    call_command("update_index", backend_name="default", verbosity=0)  # the new synonyms
    backend = get_search_backend("default")
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    make_practice(practices, "Aanpak van schoolverzuim")
    make_practice(practices, "Inloop bij het CJG")
    ArticlePageFactory(parent=site_tree["samen_news"], title="Nieuws uit de wijk", summary="Over schoolverzuim, kort.")
    ArticlePageFactory(
        parent=site_tree["samen_news"],
        title="Over wijkteams",
        summary="Gezinnen, gezinnen, gezinnen: wijkteams werken met gezinnen en voor gezinnen.",
    )
    make_practice(practices, "Gezinnen in de wijk")
    make_practice(practices, "Wijkacademie voor ouders")
    refreshed(backend)
    assert titles(search(q="thuiszitters")) == ["Aanpak van schoolverzuim", "Nieuws uit de wijk"]
    assert titles(search(q="centrum voor jeugd en gezin")) == ["Inloop bij het CJG"]
    ranked = [hit["page"].title for hit in search(q="gezinnen").context["hits"]]
    assert ranked == ["Gezinnen in de wijk", "Over wijkteams"]  # the title first, not the body that repeats it
    assert titles(search(q="wijkacademies")) == ["Wijkacademie voor ouders"]  # -ies made singular


@pytest.mark.django_db
def test_a_configuration_error_is_loud_and_only_an_outage_pauses(
    elasticsearch, search_engine, site_tree, settings, client, caplog
):
    """An index that is not there (a deploy without update_index) is a configuration error: the
    reader still gets the database's answer, but the log says so at error level, /healthz/ names it,
    the deploy check fails, and the engine is not paused as if it were down."""
    from django.core.checks import run_checks

    from search import circuit

    ArticlePageFactory(parent=site_tree["samen_news"], title="Pleegzorg in de regio")
    settings.ELASTICSEARCH_URL = search_engine.urls[0]
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "INDEX_PREFIX": "wiel_never_built_"},
    }
    with caplog.at_level("ERROR", logger="search.circuit"):
        response = client.get("/zoeken/", {"q": "pleegzorg"})
    assert response.status_code == 200 and response.context["degraded"]
    assert titles(response) == ["Pleegzorg in de regio"]  # from the database
    assert any("configuration error" in record.getMessage() for record in caplog.records)
    assert not circuit.paused("default")  # a pause would hide it, and mends nothing
    health = client.get("/healthz/").json()["checks"]["search"]
    assert health == {"status": "error", "error": "SearchEngineRefused"}
    assert "wiel.E010" in [message.id for message in run_checks(include_deployment_checks=True, tags=["search"])]


@pytest.mark.django_db
def test_english_pages_are_searched_with_english_rules_dutch_ones_with_dutch(elasticsearch, site_tree):
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    dutch = make_practice(practices, "Steun voor het gezin")
    translation = dutch.copy_for_translation(english, copy_parents=True)
    translation.title, translation.summary = "Support for the family", "Help from the neighbourhood."
    translation.save_revision().publish()
    refreshed(elasticsearch)
    assert titles(search_in("/en/search/", q="families")) == ["Support for the family"]
    assert titles(search_in("/en/search/", q="neighbourhoods")) == ["Support for the family"]
    assert titles(search(q="gezinnen")) == ["Steun voor het gezin"]


def search_in(path, **params):
    response = Client().get(path, params)
    assert response.status_code == 200 and response.context["degraded"] is False
    return response


@pytest.mark.django_db
def test_a_new_synonym_reaches_the_engine_through_the_job(
    elasticsearch, site_tree, settings, search_engine, django_capture_on_commit_callbacks
):
    from core.jobs import BY_NAME

    settings.ELASTICSEARCH_URL = search_engine.urls[0]
    ArticlePageFactory(parent=site_tree["samen_news"], title="Informele steun in de wijk")
    refreshed(elasticsearch)
    assert titles(search(q="mantelzorg")) == []
    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(terms="mantelzorg, informele steun")
    BY_NAME["refresh_search_vocabulary"].run(io.StringIO())  # the engine's index rebuilt with the new list
    refreshed(get_search_backend("default"))
    assert titles(search(q="mantelzorg")) == ["Informele steun in de wijk"]
