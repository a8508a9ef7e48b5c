"""Which pages the public may see, with the view restrictions read once per request.

Wagtail's ``PageQuerySet.public()`` reads every view restriction each time it is called, and a
page with a menu, listings and featured items calls it five times. :func:`public` filters the
same way from one read per request (``core.request_memo``).
"""

from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Locale, PageViewRestriction

from .request_memo import remembered


def restricted_paths():
    """The tree paths of the pages with a view restriction (each hides its descendants too)."""
    return remembered(
        "restricted-paths", lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def public(pages):
    """``pages`` without those in a private section, as ``PageQuerySet.public()``."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages


def active_locale():
    """The locale of the active language (``Locale.get_active()``), read once per request."""
    return remembered(("locale", get_language()), Locale.get_active)
