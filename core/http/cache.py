"""Cache backends that are a help, never a single point of failure.

Wiel keeps its page cache, its content version, kept search results and rate-limit counters in
Django's cache (Redis when ``CACHE_URL`` is set, files on this host otherwise), and so do Wagtail
and Django themselves. With the plain backends, a Redis that does not answer makes every request a
500, the health check's included. These backends answer for a cache that fails as if it were
empty: a read is a miss, a write is dropped, and after a failure the cache is not asked again for
``PAUSE`` seconds, so a request does not wait for a timeout per read. The failure is logged once a
minute per process.

What must not fail open asks :func:`failing` (the rate limits of the public forms fail closed:
``core/http/ratelimit.py``). ``/healthz/`` reports the cache as failed, with 503 (``core/http/health.py``).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

PAUSE = 5  # seconds the cache is left alone after it failed
LOG_EVERY = 60  # seconds between two log lines about the same failing cache

# What a cache that does not work raises (a ValueError from incr, "no such key", is an answer).
FAILURES = (ConnectionInterrupted, RedisError, OSError, EOFError)


class FailSafeMixin:
    _down_until = 0.0
    _logged_at = float("-inf")

    def _guard(self, operation, failed, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return failed
        try:
            return getattr(super(), operation)(*args, **kwargs)
        except FAILURES as error:  # a cache that fails is a cache that misses
            now = time.monotonic()
            self._down_until = now + PAUSE
            if now - self._logged_at >= LOG_EVERY:
                self._logged_at = now
                logger.error("The cache failed (%s: %s); answering without it", type(error).__name__, error)
            return failed

    def failing(self):
        """Whether the cache failed within the last ``PAUSE`` seconds (in this process)."""
        return time.monotonic() < self._down_until

    def get(self, key, default=None, version=None):
        return self._guard("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self._guard("set", None, key, value, timeout, version, **kwargs)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self._guard("set_many", list(data), data, timeout, version, **kwargs)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        # None, neither True nor False: the caller cannot tell whether the key was there.
        return self._guard("add", None, key, value, timeout, version, **kwargs)

    def incr(self, key, delta=1, version=None, **kwargs):
        return self._guard("incr", None, key, delta, version, **kwargs)

    def decr(self, key, delta=1, version=None, **kwargs):
        return self._guard("decr", None, key, delta, version, **kwargs)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None, **kwargs):
        return self._guard("touch", False, key, timeout, version, **kwargs)

    def delete(self, key, version=None, **kwargs):
        return self._guard("delete", False, key, version, **kwargs)

    def delete_many(self, keys, version=None, **kwargs):
        return self._guard("delete_many", None, keys, version, **kwargs)

    def clear(self):
        return self._guard("clear", None)


class FailSafeRedisCache(FailSafeMixin, RedisCache):
    """django-redis, for ``CACHE_URL``."""


class FailSafeFileCache(FailSafeMixin, FileBasedCache):
    """Files on this host's disk, the embedded default."""


def failing(cache):
    """Whether ``cache`` failed just now (False for a backend that never says)."""
    return bool(getattr(cache, "failing", lambda: False)())
