"""Which language a page's text is in, without a query per page.

A page's text is in its locale's language, except for an alias that wagtail-localize keeps in
another locale until someone translates it: that one still carries its source's words. Listings
and pages mark such text with ``lang`` and say which language it is in (``wiel_tags.lang_attr``,
``in_language``), so a screen reader pronounces it right and a reader knows what to expect.
"""

from django.conf import settings
from django.db.models import F, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .http.fragments import cached_fragment
from .http.visibility import locales

IN_LANGUAGE = {"nl": _("in Dutch"), "en": _("in English")}

# An alias in another locale than its source: a copy still in the source's words, no translation.
UNTRANSLATED_ALIAS = Q(alias_of__isnull=False) & ~Q(alias_of__locale_id=F("locale_id"))


def locale_language(locale_id):
    """The language code of a locale, from the locales kept per content version."""
    for locale in locales():
        if locale.pk == locale_id:
            return locale.language_code
    return settings.LANGUAGE_CODE


def page_language(page):
    """The language of ``page``'s locale (its URL, its interface)."""
    return locale_language(page.locale_id)


def _alias_sources():
    """{alias page id: its source's locale id} for aliases in another locale than their source."""
    return dict(Page.objects.filter(UNTRANSLATED_ALIAS).values_list("pk", "alias_of__locale_id"))


def content_language(page):
    """The language ``page``'s text is written in."""
    if getattr(page, "alias_of_id", None) is not None:
        source = cached_fragment(("alias-sources",), _alias_sources).get(page.pk)
        if source is not None:
            return locale_language(source)
    locale_id = getattr(page, "locale_id", None)
    return locale_language(locale_id) if locale_id is not None else get_language()


def is_untranslated(page):
    """Is ``page`` an alias still in another language's words (not a translation of its own)?"""
    return content_language(page) != page_language(page)


def _unless_read(page, language_of):
    """``language_of(page)`` when ``page`` is a page and that is not the language being read, else None."""
    if getattr(page, "locale_id", None) is None:
        return None
    language = language_of(page)
    current = get_language() or settings.LANGUAGE_CODE
    return None if current.startswith(language) else language


def other_language(page):
    """The language of ``page``'s text when it is not the language being read, else None."""
    return _unless_read(page, content_language)


def source_language(page):
    """The language ``page`` was first written in: that of its oldest version.

    What wagtail-localize copies rather than translates (inline rows such as learning networks
    or documents) stays in this language on every version.
    """
    if page_language(page) == settings.LANGUAGE_CODE:
        return settings.LANGUAGE_CODE  # the source language's version is where pages start
    return cached_fragment(
        ("source-language", str(page.translation_key)),
        lambda: locale_language(
            Page.objects.filter(translation_key=page.translation_key)
            .order_by("pk")
            .values_list("locale_id", flat=True)[0]
        ),
    )


def copied_language(page):
    """The language of ``page``'s copied (untranslated) parts when it is not the one being read, else None."""
    return _unless_read(page, source_language)
