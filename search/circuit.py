"""A pause after a search backend failed, shared by every worker through the cache.

When Elasticsearch is down or hangs, each request would otherwise wait for its timeout before
falling back. After one failure the backend is skipped for ``SEARCH_BACKEND_PAUSE`` seconds
(setting, default 30): searches go straight to the database backend and index updates straight
to the retry list (``search/retry.py``); then the next caller tries again. The mark lives in
Django's cache, which is shared between workers and hosts in production (``CACHE_URL``).
"""

import elastic_transport
import elasticsearch
from django.conf import settings
from django.core.cache import cache

from .opensearch_client import opensearchpy

# What the engine's client raises when the engine is down, slow (past its timeout) or refuses a
# request: Elasticsearch's, and OpenSearch's (whose TransportError covers both).
UNAVAILABLE = (elastic_transport.TransportError, elasticsearch.ApiError, opensearchpy.TransportError)

KEY = "wiel:search:paused:{alias}"


def paused(alias):
    return bool(cache.get(KEY.format(alias=alias)))


def pause(alias):
    cache.set(KEY.format(alias=alias), True, getattr(settings, "SEARCH_BACKEND_PAUSE", 30))


def resume(alias):
    cache.delete(KEY.format(alias=alias))
