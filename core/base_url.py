"""Absolute links from the one base URL (``WIEL_BASE_URL``), whatever host a request came by.

Links that leave the page (canonical and hreflang, sitemap, feeds, the API, the PDF, calendar
files, e-mails) must name the site's public address, not the address a request happened to use
(an internal host behind the proxy, or none at all in the newsletter worker). The default Wagtail
Site follows the setting (:func:`sync_default_site`), so Wagtail's own ``full_url`` agrees.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute(path):
    """``path`` (``/...``, or already absolute) as a URL on the site's base URL."""
    if urlsplit(path).scheme:
        return path
    return settings.WIEL_BASE_URL + "/" + path.lstrip("/")


def site_address():
    """(hostname, port) of the base URL, as a Wagtail Site records them."""
    parts = urlsplit(settings.WIEL_BASE_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site():
    """Give the default Wagtail Site the base URL's host and port. Returns whether it changed."""
    from wagtail.models import Site  # noqa: PLC0415 (the settings read this module before the apps are loaded)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == site_address():
        return False
    site.hostname, site.port = site_address()
    site.save()
    return True
