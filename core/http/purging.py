"""Purging a shared cache (Varnish, a CDN) of every URL a page change affects.

Wagtail's frontend cache purges a published page's own URL. A change shows in more places: the
page in its other language, the overviews above it (in its werkplaats and the national one) with
their feeds and exports, the werkplaats and home pages that list it, and the sitemap. On publish,
unpublish, move and delete, :func:`affected_urls` names them all (before a move or delete too,
while the old place is known), and they are purged in one batch through Wagtail's frontend cache
backends (``WAGTAILFRONTENDCACHE``, set from ``VARNISH_URL``) once the change is committed, so no
request in between can put the old version back. The Varnish configuration
(``deploy/varnish/wiel.vcl``) drops every query-string variant of a purged path too: the
filtered, sorted and paged versions of an overview.
"""

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from ..models import SectionIndexPage

SITE_WIDE_PATHS = ["/sitemap.xml", "/en/sitemap.xml"]


def route_paths(page):
    """The paths below ``page``'s URL that its own routes answer, for those without parameters."""
    paths = ["/"]
    if isinstance(page, RoutablePageMixin):
        for pattern in page.get_subpage_urls():
            if pattern.name and not getattr(pattern.pattern, "converters", {}) and "(?P" not in str(pattern.pattern):
                path = page.reverse_subpage(pattern.name)
                if path:
                    paths.append("/" + path.lstrip("/"))
    return paths


def _page_urls(page):
    url = page.get_full_url()
    if not url:
        return set()
    return {url.rstrip("/") + path if path != "/" else url for path in route_paths(page)}


def affected_urls(page):
    """Every URL whose answer can change when ``page`` changes."""
    page = page.specific
    versions = [page, *page.get_translations().live().specific()]
    urls = set()
    for version in versions:
        urls |= _page_urls(version)
        for ancestor in version.get_ancestors().filter(depth__gt=1).live().specific():
            urls |= _page_urls(ancestor)
            if not isinstance(ancestor, SectionIndexPage):
                continue
            if ancestor.lists_untranslated:  # it shows in the other languages' overviews too
                for other in ancestor.get_translations().live().specific():
                    urls |= _page_urls(other)
            if not ancestor.is_national:
                overviews = type(ancestor).objects.live()
                if not ancestor.lists_untranslated:
                    overviews = overviews.filter(locale_id=ancestor.locale_id)
                for overview in overviews:
                    if overview.is_national:
                        urls |= _page_urls(overview)
        try:
            root = version.get_site()
        except Site.DoesNotExist:  # the site is being replaced (the demo's first load)
            root = None
        if root is not None:
            urls |= {root.root_url + path for path in SITE_WIDE_PATHS}
    return urls


def purging():
    """Is a shared cache configured to purge?"""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_on_commit(urls):
    if not urls or not purging():
        return
    urls = sorted(urls)
    transaction.on_commit(lambda: PurgeBatch(urls).purge())


def page_changed(sender, instance, **kwargs):
    """Published or unpublished: purge where it shows."""
    if purging():
        purge_on_commit(affected_urls(instance))


def page_leaving(sender, instance, **kwargs):
    """About to move or be deleted: note where it shows now; purged with its new place, if any."""
    if isinstance(instance, Page) and instance.live and purging():
        instance._wiel_urls_before = affected_urls(instance)


def page_moved(sender, instance, **kwargs):
    if purging():
        purge_on_commit(getattr(instance, "_wiel_urls_before", set()) | affected_urls(instance))


def page_deleted(sender, instance, **kwargs):
    purge_on_commit(getattr(instance, "_wiel_urls_before", set()))
