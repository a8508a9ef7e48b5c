"""The Wagtail Site of a request, kept in the cache instead of read for every request.

Wagtail looks the site up by host and port with a query per request, and then its root page and
that page's specific version with two more. :class:`CachedSiteMiddleware` hands Wagtail the site
it would find (``Site.find_for_request`` takes what is on the request), with its home page
already loaded, kept under the content version: saving a Site or publishing raises it.
"""

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http.request import split_domain_port
from wagtail.models import Site

from .http.fragments import cached_fragment


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            hostname, _port = split_domain_port(request.get_host())
        except DisallowedHost:  # Django answers 400 further on; nothing is kept for such a host
            return self.get_response(request)
        site = cached_fragment(("site", hostname, request.get_port()), lambda: _site_with_home(request))
        if site is not None:
            request._wagtail_site = site  # what Site.find_for_request would compute and keep there
        return self.get_response(request)


def _site_with_home(request):
    try:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page.specific  # noqa: B018 (loaded now, so that it is kept with the site)
    except DatabaseError:  # the view answers for the database (a health check says 503)
        return None
    return site
