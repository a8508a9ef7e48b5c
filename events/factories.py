import datetime
import zoneinfo

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from .models import EventIndexPage, EventPage

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An on-site afternoon event, by default ``days`` from now (negative: in the past)."""

    class Params:
        days = 10

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    summary = "Een middag over wat werkt."
    start = factory.LazyAttribute(
        lambda obj: datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=obj.days), datetime.time(13, 0), AMSTERDAM
        )
    )
    end = factory.LazyAttribute(lambda obj: obj.start + datetime.timedelta(hours=3))
    mode = "locatie"
    venue_name = "Stadhuis"
    venue_city = "Leiden"

    class Meta:
        model = EventPage
