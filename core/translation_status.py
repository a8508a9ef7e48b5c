"""Which Dutch pages lack an English version, and which English versions are stale.

The report reads the same records as wagtail-localize's own views, so the two agree:

- *not translated*: no English page, or only the alias wagtail-localize places when it
  copies a parent page (it shows the Dutch text until someone translates it);
- *being translated*: wagtail-localize holds a translation whose strings are not all
  translated yet, or whose English page is not published;
- *out of date*: the Dutch page changed after wagtail-localize last read it (the
  translation editor offers "Sync translated pages"), or, for an English page made by
  hand without wagtail-localize, after the English page last changed;
- *up to date*: everything else.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

MISSING = "missing"
IN_PROGRESS = "in_progress"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"
STATUS_LABELS = {
    MISSING: _("Not translated"),
    IN_PROGRESS: _("Being translated"),
    OUT_OF_DATE: _("Out of date"),
    UP_TO_DATE: _("Up to date"),
}


@dataclass
class TranslationStatus:
    source: Page
    translation: Page | None
    status: str
    record: Translation | None = None
    progress: tuple[int, int] | None = None

    @property
    def label(self):
        return STATUS_LABELS[self.status]


def translation_statuses(target_language="en", source_language=None):
    """One TranslationStatus per page of the source language (Dutch), in tree order."""
    source_locale = Locale.objects.get(language_code=source_language or settings.LANGUAGE_CODE)
    target_locale = Locale.objects.filter(language_code=target_language).first()
    sources = list(Page.objects.filter(locale=source_locale, depth__gt=1).order_by("path"))
    keys = [page.translation_key for page in sources]
    translations, records, progress = {}, {}, {}
    if target_locale:
        translations = {
            page.translation_key: page for page in Page.objects.filter(locale=target_locale, translation_key__in=keys)
        }
        records = {
            record.source.object_id: record
            for record in Translation.objects.filter(
                target_locale=target_locale, source__object_id__in=keys, source__locale=source_locale
            ).select_related("source")
        }
        progress = _progress({record.source_id for record in records.values()}, target_locale)
    return [
        _status(
            source,
            translations.get(source.translation_key),
            records.get(source.translation_key),
            progress,
        )
        for source in sources
    ]


def _progress(source_ids, target_locale):
    """{translation source id: (strings, translated strings)} in one query.

    The same count as wagtail-localize's ``Translation.get_progress``, which asks one query
    per translation: a string counts as translated when it has a translation without error.
    """
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=target_locale.pk,
        has_error=False,
    )
    rows = (
        StringSegment.objects.filter(source_id__in=source_ids)
        .annotate(is_translated=Exists(translated))
        .values("source_id")
        .annotate(total=Count("id"), done=Count("id", filter=Q(is_translated=True)))
    )
    return {row["source_id"]: (row["total"], row["done"]) for row in rows}


def _status(source, translation, record, progress):
    if translation is None or translation.alias_of_id is not None:
        return TranslationStatus(source, None, MISSING, record)
    if record is None:  # an English page made without wagtail-localize
        changed_after = _later(source.latest_revision_created_at, translation.latest_revision_created_at)
        return TranslationStatus(source, translation, OUT_OF_DATE if changed_after else UP_TO_DATE)
    progress = progress.get(record.source_id, (0, 0))
    if progress[1] < progress[0] or not translation.live:
        status = IN_PROGRESS
    elif _later(source.latest_revision_created_at, record.source.last_updated_at):
        status = OUT_OF_DATE
    else:
        status = UP_TO_DATE
    return TranslationStatus(source, translation, status, record, progress)


def _later(changed, than):
    return bool(changed and than and changed > than)
