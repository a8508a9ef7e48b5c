"""The per-site page cache of the embedded default: anonymous pages from the cache, before Django.

What ``core/http/cache_policy.py`` marks as shared is kept in Django's cache (local memory by default,
Redis when ``CACHE_URL`` is set, so every process shares it) under the request's host, path and
query, the encoding the client accepts, and the content version (``core/http/fragments.py``). A
publish, unpublish, move or delete raises the content version, so every cached page is stale at
once, in every process. A hit is answered here, before the rest of the middleware, the URL
resolver and the view; a matching ``If-None-Match`` gets 304.

Requests that can never be served a shared copy pass: anything but GET and HEAD, a request with
a session cookie (an editor sees the userbar), and a request that an app answers personally
from a cookie of its own (``register_bypass``: the fit check redirects a reader whose cookie holds
a question to the URL with that question, unless the URL asks one already).
Turn it off with ``WIEL_PAGE_CACHE=0`` where Varnish or a CDN caches in front.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified

from .cache_policy import SHARED
from .fragments import content_version

NOT_KEPT = {"content-length", "x-cache", "set-cookie"}
BYPASSES = set()  # (cookie, parameter): see register_bypass


def register_bypass(cookie, unless_param):
    """Pass requests that carry ``cookie`` but no ``unless_param`` in the query string: an app
    answers those from the cookie, for one reader. Called from the app's AppConfig.ready."""
    BYPASSES.add((cookie, unless_param))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.may_serve(request) or content_version() is None:  # (None: the cache fails)
            return self.get_response(request)
        key = self.key(request)
        stored = cache.get(key)
        if stored is not None:
            return self.answer(request, stored)
        response = self.get_response(request)
        if getattr(request, SHARED, False) and response.status_code == 200 and not response.streaming:
            headers = {name: value for name, value in response.items() if name.lower() not in NOT_KEPT}
            cache.set(key, (headers, response.content), settings.CACHE_SHARED_MAX_AGE)
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def may_serve(request):
        if not settings.PAGE_CACHE or request.method not in ("GET", "HEAD"):
            return False
        if request.path.startswith((settings.STATIC_URL, settings.MEDIA_URL, "/admin/")):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        return not any(cookie in request.COOKIES and param not in request.GET for cookie, param in BYPASSES)

    @staticmethod
    def key(request):
        accepts = request.headers.get("accept-encoding", "")
        encoding = "br" if "br" in accepts else "gzip" if "gzip" in accepts else "identity"
        address = f"{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"wiel:page:{content_version()}:{request.method == 'HEAD'}:{encoding}:{digest}"

    @staticmethod
    def answer(request, stored):
        headers, content = stored
        if headers.get("ETag") and request.headers.get("if-none-match") == headers["ETag"]:
            response = HttpResponseNotModified()
            for name in ("ETag", "Cache-Control", "Vary"):
                if name in headers:
                    response[name] = headers[name]
        else:
            response = HttpResponse(content, content_type=headers.get("Content-Type"))
            for name, value in headers.items():
                response[name] = value
            response["Content-Length"] = str(len(content))
        response["X-Cache"] = "hit"
        return response
