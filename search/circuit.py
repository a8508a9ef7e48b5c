"""A pause after a search backend failed, shared by every worker through the cache, and a loud
report when it refused a request because it is configured wrongly.

When Elasticsearch is down or hangs, each request would otherwise wait for its timeout before
falling back. After one failure the backend is skipped for ``SEARCH_BACKEND_PAUSE`` seconds
(setting, default 30): searches go straight to the database backend and index updates straight
to the retry list (``search/retry.py``); then the next caller tries again. The mark lives in
Django's cache, which is shared between workers and hosts in production (``CACHE_URL``).
"""

import logging

import elastic_transport
import elasticsearch
from django.conf import settings
from django.core.cache import cache

from .opensearch_client import opensearchpy

# What the engine's client raises when the engine is down, slow (past its timeout) or refuses a
# request: Elasticsearch's, and OpenSearch's (whose TransportError covers both).
UNAVAILABLE = (elastic_transport.TransportError, elasticsearch.ApiError, opensearchpy.TransportError)

KEY = "wiel:search:paused:{alias}"
MISCONFIGURED = "wiel:search:misconfigured"
MISCONFIGURED_SECONDS = 24 * 3600  # shown by /healthz/ until a day passes without the error

logger = logging.getLogger(__name__)


def is_outage(error):
    """Whether the engine is down, slow or overloaded (no answer, a timeout, a 5xx or a 429): what
    a pause and the database bridge. Any other refusal (a 4xx: a bad mapping or setting, a missing
    index, a wrong key) is a configuration error, which no pause mends."""
    if isinstance(error, opensearchpy.ConnectionError) or (
        isinstance(error, elastic_transport.TransportError) and not isinstance(error, elasticsearch.ApiError)
    ):
        return True
    status = getattr(error, "status_code", None)
    return not isinstance(status, int) or status >= 500 or status == 429


def report_misconfiguration(alias, error):
    """Fail loudly: an error in the log with what the engine said, and a mark /healthz/ shows."""
    logger.error("Search engine %r refused a request: a configuration error, not an outage: %s", alias, error)
    cache.set(MISCONFIGURED, f"{type(error).__name__}: {str(error)[:300]}", MISCONFIGURED_SECONDS)


def misconfiguration():
    """What the engine last refused as a configuration error (within a day), or None."""
    return cache.get(MISCONFIGURED)


def failed(alias, error):
    """After ``error`` from the engine: pause it if it is down, report it loudly if it refused."""
    if is_outage(error):
        pause(alias)
        logger.warning("Search engine %r unavailable (%s); answering from the database", alias, error)
    else:
        report_misconfiguration(alias, error)


def paused(alias):
    return bool(cache.get(KEY.format(alias=alias)))


def pause(alias):
    cache.set(KEY.format(alias=alias), True, getattr(settings, "SEARCH_BACKEND_PAUSE", 30))


def resume(alias):
    cache.delete(KEY.format(alias=alias))
