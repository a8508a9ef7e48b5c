"""What Wiel hands Elasticsearch, read from the real backend objects without a server; the same
classes meet a live engine in test_engine.py."""

import pytest
from modelsearch.backends.elasticsearchbase import ElasticsearchAtomicIndexRebuilder
from wagtail.models import Page
from wagtail.search.query import Fuzzy

from articles.models import ArticlePage
from events.models import EventPage
from practices.models import PracticePage
from search.backends import elasticsearch8, elasticsearch9
from search.query import searchable_pages


def find(tree, key):
    """Every value under ``key`` anywhere in a nested request body."""
    if isinstance(tree, dict):
        for name, value in tree.items():
            if name == key:
                yield value
            yield from find(value, key)
    elif isinstance(tree, list):
        for item in tree:
            yield from find(item, key)


def field_names(model, backend):
    return set(backend.mapping_class(model).get_mapping()["properties"])


@pytest.mark.django_db
def test_every_searched_and_faceted_field_is_mapped(es_backend):
    practice = field_names(PracticePage, es_backend)
    assert {"practices_practicepage__document_text", "practices_practicepage__aim"} <= practice
    assert {"practices_practicepage__evidence_level_filter", "practices_practicepage__werkplaats_id_filter"} <= practice
    assert "practices_practicepage__themes" in practice
    assert {"events_eventpage__start_filter", "events_eventpage__end_filter"} <= field_names(EventPage, es_backend)
    assert "articles_articlepage__date_filter" in field_names(ArticlePage, es_backend)
    page = field_names(Page, es_backend)
    assert {"content_type_id_filter", "locale_id_filter", "live_filter", "id_filter"} <= page


@pytest.mark.django_db
def test_the_search_request_with_filters(es_backend, site_tree):
    pages = searchable_pages().filter(pk__in=[3, 5, 8])  # the facets' filter arrives as ids
    body = es_backend.search("informele mentor", pages)._get_es_body()
    filters = str(body["query"])
    assert "live_filter" in filters and "locale_id_filter" in filters and "content_type_id_filter" in filters
    assert {"id_filter": [3, 5, 8]} in list(find(body, "terms"))
    assert "informele mentor" in str(list(find(body, "query")))


@pytest.mark.django_db
def test_typo_tolerant_queries_skip_the_synonym_graph(es_backend, site_tree):
    body = es_backend.search(Fuzzy("buurtgezinen"), searchable_pages()).query_compiler.get_query()
    matches = list(find(body, "multi_match")) + [next(iter(m.values())) for m in find(body, "match") if len(m) == 1]
    fuzzy = [match for match in matches if isinstance(match, dict) and match.get("fuzziness") == "AUTO"]
    assert fuzzy and all(match["analyzer"] == "default" and match["query"] == "buurtgezinen" for match in fuzzy)


@pytest.mark.django_db
@pytest.mark.parametrize("module", [elasticsearch8, elasticsearch9])
def test_rebuilds_build_a_new_dutch_index_behind_the_alias(module, synonyms):
    backend = module.SearchBackend({"URLS": ["http://127.0.0.1:9"], "INDEX_PREFIX": "wiel_", "TIMEOUT": 1})
    assert backend.rebuilder_class is ElasticsearchAtomicIndexRebuilder
    alias = backend.get_index_for_model(Page)
    rebuilder = backend.rebuilder_class(alias)
    assert rebuilder.alias.name == "wiel_wagtailcore_page"
    assert rebuilder.index.name.startswith("wiel_wagtailcore_page_") and rebuilder.index.name != alias.name
    assert isinstance(rebuilder.index, module.SearchBackend.index_class)  # created with the Dutch analysis
