"""Fair limits on public forms: per client, counted in the shared cache.

Behind a reverse proxy every request comes from the proxy's address, so the client is read from
``X-Forwarded-For``: with ``TRUSTED_PROXY_COUNT`` proxies in front (nginx, a load balancer: each
appends the address it received the request from), the client is the address the outermost
trusted proxy saw, the ``TRUSTED_PROXY_COUNT``-th entry from the right. Entries further left were
written by the client itself and are not believed. Without proxies (0, the default), the socket's
``REMOTE_ADDR`` is the client.

Counters live in Django's cache, which production shares between workers and hosts
(``CACHE_URL``); ``core.checks`` warns when it does not.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The client's IP address, as the trusted proxies saw it (see the module's docstring)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote  # not through the expected proxies: the socket is all we know
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def too_many(request, scope, limit, window):
    """True once this client has made more than ``limit`` attempts at ``scope`` within ``window`` seconds."""
    key = f"ratelimit:{scope}:{client_address(request)}"
    if cache.add(key, 1, window):
        return False
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        return False
    return attempts > limit
