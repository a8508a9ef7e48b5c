"""Wagtail's Elasticsearch 8 backend with Wiel's analysis, retries, failover and ids (``search/backends``)."""

from modelsearch.backends import elasticsearch8

from . import wiel_backend

SearchBackend = wiel_backend(elasticsearch8, "Elasticsearch8")
