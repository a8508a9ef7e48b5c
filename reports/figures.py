"""The facts and figures of a werkplaats' year, counted from the site's own records.

``calculate(werkplaats, year)`` returns the snapshot an annual report freezes when it is
published: plain data (numbers, titles, links, dates as text), so the published report never
changes afterwards and can be given out as CSV and JSON. Every figure keeps the records it
counts (the events, the issues, the practices...), shown behind its link; people are never
among them, only counts per event or issue.

What is counted, for the werkplaats and the calendar year:

- events held (started in the year, not cancelled, started by now); the people registered
  (confirmed) and, where the werkplaats recorded it, attended: from the registrations, or from
  the counts kept when they were erased (``events.EventTally``);
- newsletter issues sent (mailings started in the year, of the werkplaats' own newsletters) and
  the readers reached (copies handed over);
- practices published (first published in the year) and reviewed (``last_reviewed`` in the year);
- the learning loop: stories published, proposals made, their actions, those answered and those
  done; left out when the werkplaats has none in the year;
- opportunities that came in, how many reached each stage, and projects that started, with
  their budgets;
- its leernetwerken (as the werkplaats page lists them);
- every indicator of its ambitions as it stood at the end of the year (or today, for the year
  still running): latest figure, target and status (``ambitions.status``).
"""

import datetime
from dataclasses import asdict, dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from ambitions.models import AmbitionPage, indicator_rows
from core.http.visibility import public
from events.models import EventPage, EventTally, Registration
from learning.choices import ActionStatus
from learning.models import FollowUp, ProposalPage, StoryPage
from newsletters.models import Delivery, Mailing
from opportunities.choices import Stage
from opportunities.log import entries
from opportunities.models import OpportunityPage, ProjectPage
from practices.models import PracticePage

VERSION = 1  # of the snapshot's shape


@dataclass
class Record:
    title: str
    url: str
    date: str  # ISO date
    detail: str = ""  # a count or a stage, never a person


@dataclass
class Figure:
    key: str
    value: object  # int, float or None (not recorded)
    unit: str = ""  # "euro" for money; empty for a count
    records: list = field(default_factory=list)


@dataclass
class Section:
    key: str
    figures: list


def year_bounds(year):
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    return start, timezone.make_aware(datetime.datetime(year + 1, 1, 1))


def record(page, day, detail=""):
    return Record(page.title, page.url or "", day.isoformat() if day else "", str(detail))


def events_section(werkplaats, start, end, now):
    held = list(
        public(EventPage.objects.live())
        .filter(werkplaats=werkplaats, start__gte=start, start__lt=min(end, now))
        .exclude(status=EventPage.Status.CANCELLED)
        .order_by("start")
    )
    counts = dict.fromkeys((event.pk for event in held), (0, 0, 0))
    confirmed = Q(status=Registration.Status.CONFIRMED)
    for row in (
        Registration.objects.filter(event__in=held)
        .values("event_id")
        .annotate(
            registered=Count("pk", filter=confirmed),
            recorded=Count("pk", filter=confirmed & Q(attended__isnull=False)),
            attended=Count("pk", filter=confirmed & Q(attended=True)),
        )
    ):
        counts[row["event_id"]] = (row["registered"], row["recorded"], row["attended"])
    for tally in EventTally.objects.filter(event__in=held):
        if counts[tally.event_id] == (0, 0, 0):  # erased: the counts kept instead
            recorded = tally.registered if tally.attended is not None else 0
            counts[tally.event_id] = (tally.registered, recorded, tally.attended or 0)
    registered = sum(count[0] for count in counts.values())
    recorded = [event for event in held if counts[event.pk][1]]
    attended = sum(counts[event.pk][2] for event in recorded) if recorded else None

    def day(event):
        return timezone.localtime(event.start).date()

    return Section(
        "events",
        [
            Figure("events_held", len(held), records=[record(event, day(event)) for event in held]),
            Figure(
                "people_registered",
                registered,
                records=[record(event, day(event), counts[event.pk][0]) for event in held],
            ),
            Figure(
                "people_attended",
                attended,
                records=[record(event, day(event), counts[event.pk][2]) for event in recorded],
            ),
        ],
    )


def newsletters_section(werkplaats, start, end):
    mailings = list(
        Mailing.objects.filter(newsletter__werkplaats=werkplaats, started_at__gte=start, started_at__lt=end)
        .select_related("page")
        .order_by("started_at")
    )
    reached = dict(
        Delivery.objects.filter(mailing__in=mailings, status=Delivery.Status.SENT)
        .values_list("mailing_id")
        .annotate(n=Count("pk"))
        .order_by()
    )

    def day(mailing):
        return timezone.localtime(mailing.started_at).date()

    readers = sum(reached.values())
    return Section(
        "newsletters",
        [
            Figure("issues_sent", len(mailings), records=[record(m.page, day(m)) for m in mailings]),
            Figure(
                "readers_reached", readers, records=[record(m.page, day(m), reached.get(m.pk, 0)) for m in mailings]
            ),
            Figure("readers_per_issue", round(readers / len(mailings)) if mailings else None),
        ],
    )


def practices_section(werkplaats, start, end, year):
    practices = public(PracticePage.objects.live()).filter(werkplaats=werkplaats)
    published = list(practices.filter(first_published_at__gte=start, first_published_at__lt=end).order_by("title"))
    reviewed = list(practices.filter(last_reviewed__year=year).order_by("last_reviewed"))
    return Section(
        "practices",
        [
            Figure(
                "practices_published",
                len(published),
                records=[record(p, timezone.localtime(p.first_published_at).date()) for p in published],
            ),
            Figure("practices_reviewed", len(reviewed), records=[record(p, p.last_reviewed) for p in reviewed]),
        ],
    )


def learning_section(werkplaats, start, end, year):
    stories = list(
        public(StoryPage.objects.live())
        .filter(werkplaats=werkplaats, first_published_at__gte=start, first_published_at__lt=end)
        .order_by("first_published_at")
    )
    proposals = list(
        public(ProposalPage.objects.live()).filter(werkplaats=werkplaats, made_on__year=year).order_by("made_on")
    )
    follow_ups = FollowUp.objects.filter(proposal__translation_key__in=[p.translation_key for p in proposals])
    counts = follow_ups.aggregate(
        actions=Count("pk"),
        answered=Count("pk", filter=Q(answered_at__isnull=False)),
        done=Count("pk", filter=Q(status=ActionStatus.DONE)),
    )
    if not stories and not proposals:
        return None
    per_proposal = dict(follow_ups.values_list("proposal__translation_key").annotate(n=Count("pk")).order_by())
    return Section(
        "learning",
        [
            Figure(
                "stories_published",
                len(stories),
                records=[record(s, timezone.localtime(s.first_published_at).date()) for s in stories],
            ),
            Figure("proposals_made", len(proposals), records=[record(p, p.made_on) for p in proposals]),
            Figure(
                "actions",
                counts["actions"],
                records=[record(p, p.made_on, per_proposal.get(p.translation_key, 0)) for p in proposals],
            ),
            Figure("actions_answered", counts["answered"]),
            Figure("actions_done", counts["done"]),
        ],
    )


def opportunities_section(werkplaats, start, end):
    opportunities = list(
        public(OpportunityPage.objects.live())
        .filter(werkplaats=werkplaats, received_at__gte=start, received_at__lt=end)
        .order_by("received_at")
    )
    found = entries(opportunities)
    projects = list(
        public(ProjectPage.objects.live())
        .filter(werkplaats=werkplaats, starts_on__gte=start.date(), starts_on__lt=end.date())
        .order_by("starts_on")
    )
    budget = sum(project.budget_granted for project in projects)
    figures = [
        Figure(
            f"opportunities_{stage.value}",
            sum(entry.stage.rank >= stage.rank for entry in found),
            records=[
                record(entry.opportunity, timezone.localtime(entry.opportunity.received_at).date(), entry.stage.value)
                for entry in found
                if entry.stage.rank >= stage.rank
            ],
        )
        for stage in Stage
    ]
    figures += [
        Figure("projects_started", len(projects), records=[record(p, p.starts_on) for p in projects]),
        Figure(
            "budget_granted",
            int(budget),
            unit="euro",
            records=[record(p, p.starts_on, int(p.budget_granted)) for p in projects],
        ),
    ]
    return Section("opportunities", figures)


def networks_section(werkplaats):
    networks = list(werkplaats.leernetwerken.all())
    url = werkplaats.url or ""
    return Section(
        "networks",
        [Figure("leernetwerken", len(networks), records=[Record(n.name, url, "", "") for n in networks])],
    )


def ambitions_rows(werkplaats, year, today):
    until = min(datetime.date(year, 12, 31), today)
    ambitions = public(AmbitionPage.objects.live()).filter(locale_id=werkplaats.locale_id, werkplaats=werkplaats)
    rows = []
    for row in indicator_rows(ambitions.order_by("path"), today=until, until=until):
        reading = row.reading
        rows.append(
            {
                "ambition": row.ambition.title,
                "url": row.ambition.url or "",
                "indicator": row.indicator.name,
                "latest": row.indicator.shown(reading.latest.value) if reading.latest else "",
                "latest_on": reading.latest.on.isoformat() if reading.latest else "",
                "target": row.indicator.target_shown if row.indicator.target_on else "",
                "target_on": row.indicator.target_on.isoformat() if row.indicator.target_on else "",
                "status": reading.status.value,
                "why": reading.why,
                # What the report's chart is drawn from (reports.charts), as it stood then.
                "series": {
                    "key": row.indicator.translation_key.hex,
                    "unit": row.indicator.unit,
                    "baseline": point(row.indicator.baseline),
                    "target": point(row.indicator.target),
                    "measurements": [point(m) for m in row.indicator.measurements],
                },
            }
        )
    return rows


def point(found):
    """A baseline, target (status.Point) or measurement as plain data; None when there is none."""
    if found is None:
        return None
    day = getattr(found, "on", None) or found.measured_on
    return {"on": day.isoformat(), "value": str(found.value)}


def calculate(werkplaats, year, now=None):
    """The snapshot of ``werkplaats``' year (plain data, see the module's docstring)."""
    now = now or timezone.now()
    start, end = year_bounds(year)
    sections = [
        events_section(werkplaats, start, end, now),
        newsletters_section(werkplaats, start, end),
        practices_section(werkplaats, start, end, year),
        learning_section(werkplaats, start, end, year),
        opportunities_section(werkplaats, start, end),
        networks_section(werkplaats),
    ]
    return {
        "version": VERSION,
        "year": year,
        "werkplaats": werkplaats.title,
        "calculated_at": now.isoformat(),
        "complete": end <= now,
        "sections": [asdict(section) for section in sections if section is not None],
        "ambitions": ambitions_rows(werkplaats, year, timezone.localtime(now).date()),
    }


def flat(snapshot):
    """{figure key: figure} of a snapshot, in its order."""
    return {figure["key"]: figure for section in snapshot.get("sections", []) for figure in section["figures"]}


def differences(old, new):
    """[(key, old value, new value)] of every figure that differs between two snapshots."""
    before, after = flat(old), flat(new)
    keys = list(dict.fromkeys([*after, *before]))
    return [
        (key, before.get(key, {}).get("value"), after.get(key, {}).get("value"))
        for key in keys
        if before.get(key, {}).get("value") != after.get(key, {}).get("value")
    ]
