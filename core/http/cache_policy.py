"""HTTP caching: which answers a cache may keep, for how long, what they vary by, and compression.

:class:`CachePolicyMiddleware` decides for every answer a view did not decide itself:

- **shared**: a GET or HEAD that came without a session cookie, answered 200, set no cookie and
  rendered no CSRF token (a page with a form is personal): ``public, max-age=<browser>,
  s-maxage=<shared caches>``. ``Vary`` loses ``Cookie`` and ``Accept-Language``: the URL carries
  the language (Dutch at the root, English below /en/), the reader's fit question is in the URL
  (the cookie only leads there, practices/question.py), and a request *with* a session cookie is
  never served from a shared cache (the Varnish configuration passes it; the per-site cache
  below skips it), so an editor's own view (the userbar) is never shared.
- **personal**: every other answer of a GET: ``private, no-cache`` (a browser may keep it, and
  asks again with its ETag; ``ConditionalGetMiddleware`` answers 304 when nothing changed).

A view whose answer belongs to one person, found by a token in its address (preferences, data
download, cancel links), says so itself with :func:`personal`: ``private, no-store``, so that no
cache keeps it at all, not even the reader's browser.

:class:`CompressionMiddleware` compresses what Django's gzip middleware compresses, with Brotli
instead when the client accepts it and the answer is shared (a personal answer can hold a CSRF
token, for which Django's gzip adds its BREACH counter-measure).
"""

from functools import wraps

import brotli
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.regex_helper import _lazy_re_compile

SHARED = "wiel_shared"  # set on a request whose answer any cache may keep
NOT_SHARED_VARY = {"cookie", "accept-language"}
ACCEPTS_BROTLI = _lazy_re_compile(r"\bbr\b")


def personal(view):
    """Decorate a view whose answers belong to one person: no cache may keep them (``private,
    no-store``); the page cache and Varnish pass them (deploy/varnish/wiel.vcl)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        response = view(*args, **kwargs)
        add_never_cache_headers(response)
        return response

    return wrapped


def is_shared(request, response):
    """May any cache keep ``response`` and give it to anyone?"""
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page rendered a form's CSRF token
        and not getattr(response, "streaming", False)
    )


class CachePolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return response
        decided = response.has_header("Cache-Control")
        if is_shared(request, response) and (not decided or "public" in response["Cache-Control"]):
            if not decided:
                patch_cache_control(
                    response, public=True, max_age=settings.CACHE_MAX_AGE, s_maxage=settings.CACHE_SHARED_MAX_AGE
                )
            _drop_vary(response)
            setattr(request, SHARED, True)
        elif not decided:
            patch_cache_control(response, private=True, no_cache=True)
        return response


def _drop_vary(response):
    kept = [name.strip() for name in response.get("Vary", "").split(",") if name.strip()]
    kept = [name for name in kept if name.lower() not in NOT_SHARED_VARY]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif response.has_header("Vary"):
        del response["Vary"]


class CompressionMiddleware(GZipMiddleware):
    BROTLI_QUALITY = 5  # fast enough to compress a page per request; close to the best ratio for HTML

    def process_response(self, request, response):
        if (
            not getattr(request, SHARED, False)
            or not ACCEPTS_BROTLI.search(request.headers.get("accept-encoding", ""))
            or response.has_header("Content-Encoding")
            or getattr(response, "streaming", False)
            or len(response.content) < 200
        ):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = brotli.compress(response.content, quality=self.BROTLI_QUALITY)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response["Content-Length"] = str(len(compressed))
        response["Content-Encoding"] = "br"
        _weaken_etag(response)
        return response


def _weaken_etag(response):
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response["ETag"] = "W/" + etag
