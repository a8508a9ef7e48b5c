"""Which pages the public may see, with the view restrictions read once per content version.

Wagtail's ``PageQuerySet.public()`` reads every view restriction each time it is called, and a
page with a menu, listings and featured items calls it five times. :func:`public` filters the
same way from the restricted paths kept in the cache (``core.http.fragments``).
"""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, PageViewRestriction

from .fragments import cached_fragment
from .request_memo import remembered


def restricted_paths():
    """The tree paths of the pages with a view restriction (each hides its descendants too).

    Kept under the content version, which every change of a restriction and every move raises.
    """
    return cached_fragment(
        ("restricted-paths",), lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True))
    )


def is_restricted(page):
    """Whether ``page`` lies in a private section (its own restriction or an ancestor's)."""
    return any(page.path.startswith(path) for path in restricted_paths())


def withheld_ids():
    """Pages that are live but not for the public yet, as the apps say through the hook
    ``wiel_withheld_pages`` (a function returning page ids): a newsletter issue before it goes out.
    Kept under the content version, which publishing and sending raise."""
    return cached_fragment(
        ("withheld",), lambda: sorted({pk for withheld in hooks.get_hooks("wiel_withheld_pages") for pk in withheld()})
    )


def public(pages):
    """``pages`` without those in a private section, as ``PageQuerySet.public()``, and without
    those withheld until later (``withheld_ids``)."""
    private = Q()
    for path in restricted_paths():
        private |= Q(path__startswith=path)
    withheld = withheld_ids()
    if withheld:
        private |= Q(pk__in=withheld)
    return pages.exclude(private) if private else pages


def locales():
    """Every locale, in the order they were made (kept under the content version)."""
    return cached_fragment(("locales",), lambda: list(Locale.objects.order_by("pk")))


def active_locale():
    """The locale of the active language, as ``Locale.get_active()`` finds it, without a query."""

    def find():
        by_code = {locale.language_code: locale for locale in locales()}
        for language in (get_language(), settings.LANGUAGE_CODE):
            try:
                locale = by_code.get(get_supported_content_language_variant(language))
            except LookupError:
                continue
            if locale is not None:
                return locale
        return Locale.get_active()  # no such locale (yet): Wagtail's own answer and error

    return remembered(("locale", get_language()), find)
