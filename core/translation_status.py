"""Which Dutch pages lack an English version, and which English versions are stale.

A translation is *out of date* when its Dutch source was changed (a newer revision)
after the translation was last changed or synchronised. Syncing in wagtail-localize
saves a new revision of the translation, which makes it current again.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"
STATUS_LABELS = {MISSING: _("Not translated"), OUT_OF_DATE: _("Out of date"), UP_TO_DATE: _("Up to date")}


@dataclass
class TranslationStatus:
    source: Page
    translation: Page | None
    status: str

    @property
    def label(self):
        return STATUS_LABELS[self.status]


def translation_statuses(target_language="en", source_language=None):
    """One TranslationStatus per page of the source language (Dutch), in tree order."""
    source_locale = Locale.objects.get(language_code=source_language or settings.LANGUAGE_CODE)
    target_locale = Locale.objects.filter(language_code=target_language).first()
    sources = list(Page.objects.filter(locale=source_locale, depth__gt=1).order_by("path"))
    translations = {}
    if target_locale:
        translations = {
            page.translation_key: page
            for page in Page.objects.filter(
                locale=target_locale, translation_key__in=[page.translation_key for page in sources]
            )
        }
    result = []
    for source in sources:
        translation = translations.get(source.translation_key)
        if translation is None:
            status = MISSING
        elif (
            source.latest_revision_created_at
            and translation.latest_revision_created_at
            and source.latest_revision_created_at > translation.latest_revision_created_at
        ):
            status = OUT_OF_DATE
        else:
            status = UP_TO_DATE
        result.append(TranslationStatus(source, translation, status))
    return result
