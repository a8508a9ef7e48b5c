"""Wagtail's OpenSearch 2 backend (modelsearch, opensearch-py 2.x) with Wiel's analysis, retries,
failover and ids, as for Elasticsearch 8 and 9 (``search/backends/__init__.py``). Chosen with
``SEARCH_ENGINE=opensearch2``; it also serves OpenSearch 3 clusters (the 2.x client speaks to both)."""

from search.opensearch_client import import_opensearchpy

import_opensearchpy()  # before modelsearch's module imports the client

from modelsearch.backends import opensearch2  # noqa: E402

from . import wiel_backend  # noqa: E402

SearchBackend = wiel_backend(opensearch2, "OpenSearch2")
