"""Events: ``demo/data/events.json`` through ``import_events``, and demo registrations.

The seeds' meetings are retrospectives with their real dates; facts (dates, places, SKJ points,
who spoke) come from ../shared/seeds and every sentence is ours. The file's upcoming events are
dated from ``dated_from``: loaded later, they move forward by whole weeks (so they keep their
weekday) until they lie as far ahead as they did then, and off a public holiday, so the demo
always has a future. ``registrations.json`` fills their lists: confirmed places and a waiting list.
"""

import datetime

from django.utils import timezone

from demo.utils import data, locale, sections, working_day
from events import importing
from events.models import EventIndexPage, EventPage, Registration


def upcoming(records, dated_from, today):
    """The records with every event after ``dated_from`` moved forward by the whole weeks since then."""
    weeks = max(0, (today - dated_from).days + 6) // 7
    moved = []
    for record in records:
        start = datetime.datetime.fromisoformat(record["start"])
        if start.date() > dated_from:
            shift = datetime.timedelta(weeks=weeks)
            day = working_day(start.date() + shift)
            shift = day - start.date()
            end = datetime.datetime.fromisoformat(record["end"])
            record = {**record, "start": (start + shift).isoformat(), "end": (end + shift).isoformat()}
        moved.append(record)
    return moved


def load(stdout):
    dutch = locale("nl")
    sections(EventIndexPage, "agenda")
    file = data("events.json")
    dated_from = datetime.date.fromisoformat(file["dated_from"])
    records = upcoming(file["events"], dated_from, timezone.localdate())
    # New events only: the demo's dates move with the day it loads, an import would update them.
    new = [record for record in records if not EventPage.objects.filter(slug=record["slug"], locale=dutch).exists()]
    cleaned, errors = importing.validate(new)
    if errors:
        raise ValueError("events.json: " + "; ".join(errors.messages))
    importing.import_records(cleaned)
    for slug, counts in data("registrations.json")["registrations"].items():
        event = EventPage.objects.get(slug=slug, locale=dutch)
        if event.registrations.exists():
            continue
        statuses = [Registration.Status.CONFIRMED] * counts["confirmed"]
        statuses += [Registration.Status.WAITING] * counts["waiting"]
        Registration.objects.bulk_create(
            Registration(
                event=event,
                name=f"Deelnemer {number}",
                email=f"deelnemer{number}@{slug}.example.org",
                organisation="Demo-organisatie",
                status=status,
            )
            for number, status in enumerate(statuses, start=1)
        )
    stdout.write(f"  {len(records)} events")
