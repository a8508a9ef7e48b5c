"""Import annual reports from the JSON format of docs/reports.md ("Import"): the editors' parts
(rich text through Wagtail's whitelist) and the reported figures. The counted figures are not in
the file: the site counts them, and freezes them when the report is published.

Every record is checked before anything is written, then all are written in one transaction;
importing the same file again changes nothing.
"""

from django.utils.translation import gettext as _

from ambitions import values
from ambitions.choices import Unit
from core.importing import BOOL, NUMBER, TEXT, WHOLE, PageImporter, as_html, text

from .models import TEXT_FEATURES, AnnualReportPage, ReportedFigure, ReportIndexPage

FIGURE_SHAPE = {"label": TEXT, "value": NUMBER, "unit": TEXT, "approximate": BOOL, "source": TEXT}
REPORT_SHAPE = {
    "slug": TEXT,
    "werkplaats": TEXT,
    "language": TEXT,
    "title": TEXT,
    "summary": TEXT,
    "year": WHOLE,
    "foreword": TEXT,
    "highlights": TEXT,
    "findings": TEXT,
    "challenges": TEXT,
    "reported": [FIGURE_SHAPE],
}
TEXTS = ("foreword", "highlights", "findings", "challenges")
PAGE_FIELDS = ("title", "summary", "year", *TEXTS)
FIGURE_FIELDS = ("label", "value", "unit", "approximate", "source")


class ReportImporter(PageImporter):
    model = AnnualReportPage
    index_model = ReportIndexPage
    index_titles = {"nl": ("Jaarverslagen", "jaarverslagen"), "en": ("Annual reports", "annual-reports")}
    key = "reports"
    shape = REPORT_SHAPE
    required = ("slug", "title", "year", "werkplaats")
    national_allowed = False

    def build(self, number, slug, record, locale, werkplaats, errors):
        page = AnnualReportPage(
            slug=slug,
            title=text(record.get("title")),
            summary=text(record.get("summary")),
            year=record.get("year"),
            **{field: as_html(text(record.get(field)), TEXT_FEATURES) for field in TEXTS},
        )
        self.check_page(number, slug, page, {"slug", "title", "summary", "year"}, errors)
        if werkplaats is not None and record.get("year"):
            same = AnnualReportPage.objects.filter(locale=locale, year=record["year"]).descendant_of(werkplaats)
            if same.exclude(slug=slug).exists():
                errors.add(number, slug, "year", _("This werkplaats has a report of this year already."))
        figures = [
            self.figure(number, slug, position, item, errors)
            for position, item in enumerate(record.get("reported") or [])
        ]

        def fill(target):
            for field in PAGE_FIELDS:
                setattr(target, field, getattr(page, field))
            existing = list(target.reported_figures.all()) if target.pk else []
            kept = []
            for position, figure in enumerate(figures):
                into = existing[position] if position < len(existing) else ReportedFigure(locale=locale)
                for field in FIGURE_FIELDS:
                    setattr(into, field, getattr(figure, field))
                into.sort_order = position
                kept.append(into)
            target.reported_figures = kept

        return page, fill

    def figure(self, number, slug, position, item, errors):
        where = f"reported[{position}]."
        unit = text(item.get("unit")) or Unit.COUNT
        figure = ReportedFigure(
            label=text(item.get("label")),
            unit=unit,
            approximate=bool(item.get("approximate")),
            source=text(item.get("source")),
        )
        raw = item.get("value")
        try:
            figure.value = values.parse_number(raw if isinstance(raw, str) else repr(raw))
        except values.BadValue as problem:
            errors.add(number, slug, f"{where}value", str(problem))
            figure.value = None
        names = {field: f"{where}{field}" for field in FIGURE_FIELDS}
        try:
            figure.full_clean(exclude=["page", "locale", "translation_key", "sort_order"])
        except Exception as error:  # a ValidationError: reported per field, as the admin would
            errors.add_validation_error(number, slug, error, names=names)
        return figure

    def snapshot(self, page):
        return {
            **{field: getattr(page, field) for field in PAGE_FIELDS},
            "reported": [tuple(getattr(f, field) for field in FIGURE_FIELDS) for f in page.reported_figures.all()],
        }
