"""``/healthz/``: is this web process fit to serve? For load balancers and process managers.

The database and the shared cache must answer (503 otherwise, naming what failed, so the balancer
takes the process out). Every check is bounded: a cache that fails is not waited for
(``core/http/cache.py``), and the search engine is asked with a half-second timeout. Apps add checks
of their own that are reported but never fatal (``register_check``): the search app reports its
engine, since search falls back to the database.
"""

import logging
import time

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _timed(check):
    started = time.perf_counter()
    try:
        status = check()  # None when all is well, or a status of its own ("not configured ...")
    except Exception as error:  # a health check reports every failure, it never raises
        logger.warning("Health check failed: %s: %s", type(error).__name__, error)
        return {"status": "error", "error": type(error).__name__}  # the log has the details
    if status:
        return {"status": status}
    return {"status": "ok", "ms": round((time.perf_counter() - started) * 1000, 1)}


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


class CacheUnavailable(Exception):
    """The shared cache did not keep a value (the site answers without it: core/http/cache.py)."""


def _cache():
    key = "wiel:healthz"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise CacheUnavailable


# Reported, never fatal: {name: check}, added by apps in their AppConfig.ready. A check raises
# on failure, or returns a status of its own (such as "not configured") instead of "ok".
_REPORTED = {}


def register_check(name, check):
    _REPORTED[name] = check


@never_cache
@require_safe
def healthz(request):
    checks = {"database": _timed(_database), "cache": _timed(_cache)}
    for name, check in _REPORTED.items():
        checks[name] = _timed(check)
    healthy = all(checks[name]["status"] == "ok" for name in ("database", "cache"))
    return JsonResponse({"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503)
