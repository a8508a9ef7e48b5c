"""Fair limits on public forms: per client, counted in the shared cache.

Behind a reverse proxy every request comes from the proxy's address, so the client is read from
``X-Forwarded-For``: with ``TRUSTED_PROXY_COUNT`` proxies in front (nginx, a load balancer: each
appends the address it received the request from), the client is the address the outermost
trusted proxy saw, the ``TRUSTED_PROXY_COUNT``-th entry from the right. Entries further left were
written by the client itself and are not believed. Without proxies (0, the default), the socket's
``REMOTE_ADDR`` is the client.

Counters live in Django's cache, which production shares between workers and hosts
(``CACHE_URL``); ``core.checks`` warns when it does not. When that cache fails (``core/http/cache.py``),
nothing can be counted: a form fails *closed* (it asks to try again in a minute and saves
nothing), a read fails *open*.
"""

import enum
import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from .cache import failing


class Limit(enum.Enum):
    """What the rate limit says of a request; true when the request must be turned away."""

    ALLOWED = "allowed"
    TOO_MANY = "too many"
    UNCOUNTED = "uncounted"  # the shared cache failed, so attempts cannot be counted

    def __bool__(self):
        return self is not Limit.ALLOWED

    @property
    def message(self):
        if self is Limit.UNCOUNTED:
            return _("The site cannot take this form just now, and nothing was saved. Please try again in a minute.")
        return _("Too many attempts from your connection. Please try again in a few minutes.")


def client_address(request):
    """The client's IP address, as the trusted proxies saw it (see the module's docstring)."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        return remote  # not through the expected proxies: the socket is all we know
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def too_many(request, scope, limit, window, fail_open=False):
    """Whether this client has made more than ``limit`` attempts at ``scope`` within ``window``
    seconds: a :class:`Limit`, true when the request must be turned away. A form fails closed
    when the cache cannot count (UNCOUNTED); a read passes ``fail_open=True``."""
    key = f"ratelimit:{scope}:{client_address(request)}"
    try:
        attempts = 1 if cache.add(key, 1, window) else cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        attempts = 1
    if attempts is None or failing(cache):
        return Limit.ALLOWED if fail_open else Limit.UNCOUNTED
    return Limit.TOO_MANY if attempts > limit else Limit.ALLOWED
