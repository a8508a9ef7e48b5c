"""Wagtail's OpenSearch 2 backend (modelsearch, opensearch-py 2.x) with Wiel's analysis, retries,
typo handling and ``ids()``, as for Elasticsearch 8 and 9 (``search/backends/__init__.py``).
Chosen with ``SEARCH_ENGINE=opensearch2``; it also serves OpenSearch 3 clusters (the 2.x client
speaks to both)."""

from search.opensearch_client import import_opensearchpy

import_opensearchpy()  # before modelsearch's module imports the client

from modelsearch.backends import opensearch2  # noqa: E402

from . import (  # noqa: E402
    DutchBackendMixin,
    DutchIndexMixin,
    EnglishMappingMixin,
    FailoverResultsMixin,
    IdsResultsMixin,
    QueryMixin,
    RetryMixin,
)


class OpenSearch2Mapping(EnglishMappingMixin, opensearch2.OpenSearch2Mapping):
    pass


class OpenSearch2Index(DutchIndexMixin, opensearch2.OpenSearch2Index):
    pass


class OpenSearch2SearchQueryCompiler(QueryMixin, opensearch2.OpenSearch2SearchQueryCompiler):
    mapping_class = OpenSearch2Mapping


class OpenSearch2SearchResults(FailoverResultsMixin, IdsResultsMixin, opensearch2.OpenSearch2SearchResults):
    pass


class OpenSearch2SearchBackend(RetryMixin, DutchBackendMixin, opensearch2.OpenSearch2SearchBackend):
    mapping_class = OpenSearch2Mapping
    index_class = OpenSearch2Index
    query_compiler_class = OpenSearch2SearchQueryCompiler
    results_class = OpenSearch2SearchResults


SearchBackend = OpenSearch2SearchBackend
