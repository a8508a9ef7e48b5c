"""Import ambitions with their indicators and measurements from the JSON format of
docs/ambitions.md ("Import").

Every record is checked before anything is written: the page's own rules, each indicator's
(``Indicator.clean``: units, dates, direction) and each measurement's (``measurements.check_row``:
a number that fits the unit, a date that has passed, a source). Then all records are written in
one transaction, the measurements once their ambition is published; importing the same file
again changes nothing.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from core.importing import NUMBER, TEXT, TEXTS, PlacesImporter, text
from core.models import Theme
from geography.models import YouthRegion

from . import measurements, values
from .models import AmbitionIndexPage, AmbitionPage, Indicator

POINT_SHAPE = {"value": NUMBER, "date": TEXT, "source": TEXT}
MEASUREMENT_SHAPE = {"date": TEXT, "value": NUMBER, "source": TEXT, "note": TEXT}
INDICATOR_SHAPE = {
    "name": TEXT,
    "definition": TEXT,
    "unit": TEXT,
    "direction": TEXT,
    "tolerance": NUMBER,
    "source": TEXT,
    "baseline": POINT_SHAPE,
    "target": POINT_SHAPE,
    "not_measurable_why": TEXT,
    "measurements": [MEASUREMENT_SHAPE],
}
AMBITION_SHAPE = {
    "slug": TEXT,
    "werkplaats": TEXT,
    "language": TEXT,
    "title": TEXT,
    "summary": TEXT,
    "explanation": TEXT,
    "themes": TEXTS,
    "jeugdregios": TEXTS,
    "municipalities": TEXTS,
    "indicators": [INDICATOR_SHAPE],
}
PAGE_FIELDS = ("title", "summary", "explanation")
INDICATOR_FIELDS = (
    "name",
    "definition",
    "unit",
    "direction",
    "tolerance",
    "source",
    "baseline_value",
    "baseline_on",
    "baseline_source",
    "target_value",
    "target_on",
    "not_measurable_why",
)


class AmbitionImporter(PlacesImporter):
    model = AmbitionPage
    index_model = AmbitionIndexPage
    index_titles = {"nl": ("Ambities", "ambities"), "en": ("Ambitions", "ambitions")}
    key = "ambitions"
    shape = AMBITION_SHAPE
    required = ("slug", "title", "indicators")

    def build(self, number, slug, record, locale, werkplaats, errors):
        page = AmbitionPage(
            slug=slug,
            title=text(record.get("title")),
            summary=text(record.get("summary")),
            explanation=text(record.get("explanation")),
        )
        self.check_page(number, slug, page, {"slug", "title", "summary", "explanation"}, errors)
        themes = self.terms(number, slug, record, "themes", Theme, errors)
        regions = []
        for code in record.get("jeugdregios") or []:
            region = YouthRegion.objects.filter(code=code).first()
            if region is None:
                errors.add(number, slug, "jeugdregios", _("no jeugdregio with code %(code)r") % {"code": code})
            regions.append(region)
        places = [
            self.places.find(number, slug, name, "municipalities", errors)
            for name in record.get("municipalities") or []
        ]
        indicators = [
            self.indicator(number, slug, f"indicators[{position}].", item, errors)
            for position, item in enumerate(record.get("indicators") or [])
        ]

        def fill(target):
            for field in PAGE_FIELDS:
                setattr(target, field, getattr(page, field))
            target.themes = themes
            target.youth_regions = [region for region in regions if region]
            target.municipalities = [place for place in places if place]
            existing = list(target.indicators.all()) if target.pk else []
            kept = []
            for position, (indicator, _rows) in enumerate(indicators):
                into = existing[position] if position < len(existing) else Indicator(locale=target.locale)
                for field in INDICATOR_FIELDS:
                    setattr(into, field, getattr(indicator, field))
                into.sort_order = position
                kept.append(into)
            target.indicators = kept

        page.import_measurements = [rows for _indicator, rows in indicators]
        return page, fill

    def number(self, number, slug, value, field, errors):
        if value is None or value == "":
            return None
        try:
            return values.parse_number(value if isinstance(value, str) else repr(value))
        except values.BadValue as problem:
            errors.add(number, slug, field, str(problem))
            return None

    def indicator(self, number, slug, prefix, item, errors):
        baseline, target = item.get("baseline") or {}, item.get("target") or {}
        indicator = Indicator(
            name=text(item.get("name")),
            definition=text(item.get("definition")),
            unit=text(item.get("unit")),
            direction=text(item.get("direction")),
            tolerance=self.number(number, slug, item.get("tolerance"), f"{prefix}tolerance", errors),
            source=text(item.get("source")),
            baseline_value=self.number(number, slug, baseline.get("value"), f"{prefix}baseline.value", errors),
            baseline_source=text(baseline.get("source")),
            target_value=self.number(number, slug, target.get("value"), f"{prefix}target.value", errors),
            not_measurable_why=text(item.get("not_measurable_why")),
        )
        indicator.baseline_on = self.day(number, slug, baseline.get("date"), f"{prefix}baseline.date", errors)
        indicator.target_on = self.day(number, slug, target.get("date"), f"{prefix}target.date", errors)
        names = {field: f"{prefix}{field}" for field in INDICATOR_FIELDS} | {
            "baseline_value": f"{prefix}baseline.value",
            "baseline_on": f"{prefix}baseline.date",
            "baseline_source": f"{prefix}baseline.source",
            "target_value": f"{prefix}target.value",
            "target_on": f"{prefix}target.date",
        }
        try:
            indicator.full_clean(exclude=["page", "locale", "translation_key", "sort_order"])
        except Exception as error:  # a ValidationError: reported per field, as the admin would
            errors.add_validation_error(number, slug, error, names=names)
        rows = []
        for position, raw in enumerate(item.get("measurements") or []):
            where = f"{prefix}measurements[{position}]"
            value = raw.get("value")
            try:
                rows.append(
                    measurements.check_row(
                        indicator,
                        position,
                        text(raw.get("date")),
                        value if isinstance(value, str) else repr(value),
                        text(raw.get("source")),
                        text(raw.get("note")),
                    )
                )
            except (values.BadValue, ValueError) as problem:
                column, _sep, message = str(problem).partition(": ")
                errors.add(number, slug, f"{where}.{column}" if message else where, message or str(problem))
        return indicator, rows

    def day(self, number, slug, value, field, errors):
        if not value:
            return None
        try:
            return measurements.parse_day(text(value))
        except values.BadValue as problem:
            errors.add(number, slug, field, str(problem))
            return None

    def snapshot(self, page):
        return {
            **{field: getattr(page, field) for field in PAGE_FIELDS},
            "themes": sorted(theme.pk for theme in page.themes.all()),
            "youth_regions": sorted(region.pk for region in page.youth_regions.all()),
            "municipalities": sorted(place.pk for place in page.municipalities.all()),
            "indicators": [tuple(getattr(item, field) for field in INDICATOR_FIELDS) for item in page.indicators.all()],
        }


def validate(records):
    importer = AmbitionImporter()
    cleaned, errors = importer.validate(records)
    return importer, cleaned, errors


@transaction.atomic
def import_all(importer, cleaned, publish=True):
    """Write the validated records, then (when published) each indicator's measurements."""
    counts = importer.import_records(cleaned, publish=publish)
    if publish:
        for item in cleaned:
            page = AmbitionPage.objects.get(slug=item["page"].slug, locale=item["locale"])
            for indicator, rows in zip(page.indicators.all(), item["page"].import_measurements, strict=False):
                measurements.save(indicator, rows, None)
    return counts
