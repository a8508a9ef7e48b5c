"""Import events from the JSON format of docs/event-import.md (all records or none)."""

import decimal

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from core.importing import STREAM, TEXT, TEXTS, WHOLE, PageImporter, stream_data, text, too_long
from core.models import Leernetwerk, Theme
from practices.models import PracticePage

from .models import EventIndexPage, EventPage, EventPractice, Speaker

SHAPE = {
    "slug": TEXT,
    "werkplaats": TEXT,
    "language": TEXT,
    "title": TEXT,
    "summary": TEXT,
    "start": TEXT,
    "end": TEXT,
    "status": TEXT,
    "mode": TEXT,
    "venue": {"name": TEXT, "address": TEXT, "postcode": TEXT, "city": TEXT},
    "online_platform": TEXT,
    "join_url": TEXT,
    "audience": TEXT,
    "leernetwerk": TEXT,
    "themes": TEXTS,
    "skj": {"points": TEXT, "number": TEXT},
    "price": TEXT,
    "price_note": TEXT,
    "registration": {"capacity": WHOLE, "deadline": TEXT},
    "body": STREAM,
    "programme": STREAM,
    "report": STREAM,
    "speakers": [{"name": TEXT, "role": TEXT, "organisation": TEXT}],
    "practices": TEXTS,
}
VENUE = {"name": "venue_name", "address": "venue_address", "postcode": "venue_postcode", "city": "venue_city"}
TEXT_FIELDS = {"title": "title", "summary": "summary", "online_platform": "online_platform", "join_url": "join_url"}
TEXT_FIELDS |= {"audience": "audience", "price_note": "price_note"}
FIELDS = (
    *TEXT_FIELDS.values(),
    *VENUE.values(),
    "start",
    "end",
    "status",
    "mode",
    "leernetwerk_id",
    "skj_points",
    "skj_number",
    "price",
    "registration_enabled",
    "capacity",
    "registration_deadline",
)
NAMES = {attribute: f"venue.{key}" for key, attribute in VENUE.items()}
NAMES |= {"skj_points": "skj.points", "skj_number": "skj.number", "price": "price"}
NAMES |= {"capacity": "registration.capacity", "registration_deadline": "registration.deadline"}


def moment(value):
    """A date and time from the file: with an offset as given, without one in Dutch time."""
    try:
        parsed = parse_datetime(value)
    except ValueError:
        parsed = None
    if parsed is None:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.get_default_timezone())
    return parsed


class EventImporter(PageImporter):
    model = EventPage
    index_model = EventIndexPage
    index_titles = {"nl": ("Agenda", "agenda"), "en": ("Events", "events")}
    key = "events"
    shape = SHAPE
    required = ("slug", "title", "start", "end")

    def build(self, number, slug, record, locale, werkplaats, errors):
        page = EventPage(
            slug=slug,
            mode=record.get("mode") or EventPage.Mode.ON_SITE,
            status=record.get("status") or EventPage.Status.SCHEDULED,
        )
        for key, attribute in TEXT_FIELDS.items():
            setattr(page, attribute, text(record.get(key)))
        for key, attribute in VENUE.items():
            setattr(page, attribute, text((record.get("venue") or {}).get(key)))
        self.fill_times(number, slug, record, page, errors)
        skj = record.get("skj") or {}
        page.skj_number = text(skj.get("number"))
        page.skj_points = self.parse_decimal(number, slug, skj.get("points"), "skj.points", errors)
        page.price = self.parse_decimal(number, slug, record.get("price"), "price", errors) or decimal.Decimal(0)
        page.leernetwerk_id = self.leernetwerk(number, slug, record, werkplaats, errors)
        unreadable = {key for key in ("start", "end") if getattr(page, key) is None}  # reported above
        self.check_page(number, slug, page, {"slug", *FIELDS} - {"leernetwerk_id", *unreadable}, errors, names=NAMES)
        streams = {field: self.stream(number, slug, record, field, locale, errors) for field in STREAMS}
        themes = self.terms(number, slug, record, "themes", Theme, errors)
        speakers = self.speakers(number, slug, record, errors)
        practices = self.practices(number, slug, record, locale, errors)

        def fill(target):
            for field in FIELDS:
                setattr(target, field, getattr(page, field))
            for field, value in streams.items():
                setattr(target, field, value)
            target.themes = themes
            target.speakers = [
                Speaker(
                    sort_order=speaker.sort_order,
                    name=speaker.name,
                    role=speaker.role,
                    organisation=speaker.organisation,
                )
                for speaker in speakers
            ]
            target.related_practices = [
                EventPractice(sort_order=position, practice=practices[value])
                for position, value in enumerate(record.get("practices") or [])
            ]

        return page, fill

    def fill_times(self, number, slug, record, page, errors):
        """Start, end, and the registration with its capacity and deadline."""
        for key in ("start", "end"):
            if record.get(key):
                setattr(page, key, moment(record[key]))
                if getattr(page, key) is None:
                    errors.add(
                        number,
                        slug,
                        key,
                        _("%(value)s is not a date and time (YYYY-MM-DDTHH:MM)") % {"value": repr(record[key])},
                    )
        registration = record.get("registration")
        page.registration_enabled = registration is not None
        if registration is not None:
            page.capacity = registration.get("capacity")
            if registration.get("deadline"):
                page.registration_deadline = moment(registration["deadline"])
                if page.registration_deadline is None:
                    errors.add(number, slug, "registration.deadline", _("is not a date and time (YYYY-MM-DDTHH:MM)"))

    def leernetwerk(self, number, slug, record, werkplaats, errors):
        """The id of the werkplaats' leernetwerk the record names, or None."""
        if not record.get("leernetwerk"):
            return None
        network = Leernetwerk.objects.filter(page=werkplaats, name=record["leernetwerk"]).first()
        if network is None:
            errors.add(
                number,
                slug,
                "leernetwerk",
                _("no leernetwerk %(name)r in this werkplaats") % {"name": record["leernetwerk"]},
            )
        return network.pk if network else None

    def speakers(self, number, slug, record, errors):
        speakers = []
        for position, item in enumerate(record.get("speakers") or []):
            if not text(item.get("name")).strip():
                errors.missing(number, slug, f"speakers[{position}].name")
            speaker = Speaker(
                sort_order=position, **{key: text(item.get(key)) for key in ("name", "role", "organisation")}
            )
            for field, message in too_long(speaker):
                errors.add(number, slug, f"speakers[{position}].{field}", message)
            speakers.append(speaker)
        return speakers

    def practices(self, number, slug, record, locale, errors):
        """{slug: practice} of the practices the record names, in the record's language."""
        wanted = record.get("practices") or []
        practices = {
            practice.slug: practice for practice in PracticePage.objects.filter(slug__in=wanted, locale=locale)
        }
        for value in wanted:
            if value not in practices:
                errors.add(
                    number, slug, "practices", _("no practice with slug %(slug)r in this language") % {"slug": value}
                )
        return practices

    def parse_decimal(self, number, slug, value, field, errors):
        """A decimal from text or a number (a comma as the decimal sign, as Dutch writes it)."""
        if value in (None, ""):
            return None
        try:
            return decimal.Decimal(str(value).replace(",", "."))
        except decimal.InvalidOperation:
            errors.add(number, slug, field, _("%(value)s is not a number") % {"value": repr(value)})
            return None

    def snapshot(self, page):
        return {
            **{field: getattr(page, field) for field in FIELDS},
            **{field: stream_data(getattr(page, field)) for field in STREAMS},
            "themes": sorted(theme.pk for theme in page.themes.all()),
            "speakers": [(speaker.name, speaker.role, speaker.organisation) for speaker in page.speakers.all()],
            "practices": [link.practice_id for link in page.related_practices.all()],
        }


STREAMS = ("body", "programme", "report")
importer = EventImporter()
validate = importer.validate
import_records = importer.import_records
