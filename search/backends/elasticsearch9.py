"""Wagtail's Elasticsearch 9 backend with Wiel's analysis, retries, failover and ids (``search/backends``)."""

from modelsearch.backends import elasticsearch9

from . import wiel_backend

SearchBackend = wiel_backend(elasticsearch9, "Elasticsearch9")
