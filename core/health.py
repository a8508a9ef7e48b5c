"""``/healthz/``: is this web process fit to serve? For load balancers and process managers.

The database and the shared cache must answer (503 otherwise, so the balancer takes the process
out); Elasticsearch is reported but never fatal, since search falls back to the database.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _timed(check):
    started = time.perf_counter()
    try:
        check()
    except Exception as error:  # a health check reports every failure, it never raises
        logger.warning("Health check failed: %s: %s", type(error).__name__, error)
        return {"status": "error", "error": type(error).__name__}
    return {"status": "ok", "ms": round((time.perf_counter() - started) * 1000, 1)}


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    key = "wiel:healthz"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not keep a value")


def _search():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("default")
    if not backend.es.ping():
        raise ConnectionError("Elasticsearch did not answer")


@never_cache
@require_safe
def healthz(request):
    checks = {"database": _timed(_database), "cache": _timed(_cache)}
    if getattr(settings, "ELASTICSEARCH_URL", None):
        checks["search"] = _timed(_search)
    else:
        checks["search"] = {"status": "not configured (database search)"}
    healthy = all(checks[name]["status"] == "ok" for name in ("database", "cache"))
    return JsonResponse({"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503)
