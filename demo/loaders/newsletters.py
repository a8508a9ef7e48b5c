"""Newsletters (``demo/data/newsletters.json``): the lists, sent issues of SAMEN and Groningen, one
scheduled; and the readers of ``subscribers.json``.

The sent issues are history: their mailing and deliveries are recorded as sent on their date,
so nothing goes out when the demo loads. The scheduled issue goes out when its time comes,
through the worker `make run` starts (to the console in development).
"""

import datetime
import random

from django.utils import timezone
from wagtail.models import Site

from articles.models import ArticlePage
from core.models import Theme, WerkplaatsPage
from demo.utils import data, locale, rich, season, section, working_day
from events.models import EventPage
from geography.models import Province, YouthRegion
from newsletters.blocks import IssueBodyBlock
from newsletters.forms import CONSENT_TEXT
from newsletters.models import (
    Delivery,
    Mailing,
    NewsletterIndexPage,
    NewsletterList,
    NewsletterPage,
    Subscriber,
    Subscription,
)
from practices.models import PracticePage


def load(stdout):
    home = Site.objects.get(is_default_site=True).root_page
    section(home, NewsletterIndexPage, "nieuwsbrieven")
    file = data("newsletters.json")
    for newsletter in file["lists"]:
        NewsletterList.objects.get_or_create(slug=newsletter["slug"], defaults=newsletter)
    werkplaatsen = {werkplaats.slug: werkplaats for werkplaats in WerkplaatsPage.objects.filter(locale=locale("nl"))}
    for werkplaats in werkplaatsen.values():
        newsletter, created = NewsletterList.objects.get_or_create(
            slug=werkplaats.slug,
            defaults={
                "name": file["werkplaats_list_name"].format(short_name=werkplaats.short_name),
                "name_en": file["werkplaats_list_name_en"].format(short_name=werkplaats.short_name),
                "werkplaats": werkplaats,
            },
        )
        if created:
            newsletter.provinces.set(werkplaats.provinces.all())
    subscribers = _subscribers(data("subscribers.json"), min(issue["sent"] for issue in file["issues"]))
    for issue in file["issues"]:
        _sent_issue(werkplaatsen[issue["werkplaats"]], issue)
    _scheduled_issue(werkplaatsen[file["scheduled"]["werkplaats"]], file["scheduled"])
    stdout.write(
        f"  {NewsletterList.objects.count()} newsletters, {subscribers} subscribers, "
        f"{NewsletterPage.objects.count()} issues"
    )


def _subscribers(plan, first_sent):
    """Readers with varied interests, each confirmed on one to three lists (``subscribers.json``)."""
    if Subscriber.objects.filter(email__endswith="@example.org").exists():
        return Subscriber.objects.count()
    rng = random.Random(plan["seed"])  # noqa: S311 (repeatable demo data, not security)
    themes, provinces, regions = (
        list(Theme.objects.all()),
        list(Province.objects.all()),
        list(YouthRegion.objects.all()),
    )
    lists = list(NewsletterList.objects.all())
    weights = [4 if newsletter.slug in plan["popular_lists"] else 1 for newsletter in lists]
    first_issue = _at_nine(datetime.date.fromisoformat(first_sent))
    for number in range(1, plan["count"] + 1):
        name = f"{rng.choice(plan['first_names'])} {rng.choice(plan['last_names'])}" if rng.random() < 0.8 else ""
        joined = first_issue - datetime.timedelta(days=rng.randint(30, 500))  # readers before the first issue
        subscriber = Subscriber.objects.create(
            email=f"lezer{number:03d}@example.org", name=name, consent_text=str(CONSENT_TEXT), consent_at=joined
        )
        subscriber.themes.set(rng.sample(themes, rng.randint(0, min(3, len(themes)))))
        subscriber.provinces.set(rng.sample(provinces, rng.randint(0, min(2, len(provinces)))))
        subscriber.youth_regions.set(rng.sample(regions, rng.randint(0, min(1, len(regions)))))
        chosen = {newsletter.pk: newsletter for newsletter in rng.choices(lists, weights, k=rng.randint(1, 3))}
        for newsletter in chosen.values():
            Subscription.objects.create(
                subscriber=subscriber,
                newsletter=newsletter,
                status=Subscription.Status.CONFIRMED,
                confirmed_at=joined + datetime.timedelta(minutes=rng.randint(2, 600)),
            )
    return plan["count"]


def _at_nine(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


def _body(werkplaats, text):
    """Sections that pick the werkplaats' own practices, events and articles, and one text."""
    stream = IssueBodyBlock()
    body = []
    for kind, model, heading in (
        ("practices", PracticePage, "Praktijkvoorbeelden"),
        ("events", EventPage, "Agenda"),
        ("articles", ArticlePage, "Nieuws"),
    ):
        pages = list(model.objects.live().filter(werkplaats=werkplaats).order_by("pk").values_list("pk", flat=True)[:2])
        if pages:
            body.append((kind, stream.child_blocks[kind].to_python({"heading": heading, "intro": "", "pages": pages})))
    text = {"heading": text["heading"], "text": rich(text["text"])}
    body.append(("text", stream.child_blocks["text"].to_python(text)))
    return body


def _issue(werkplaats, record, send_at=None):
    existing = NewsletterPage.objects.filter(slug=record["slug"]).first()
    if existing:
        return existing, None
    issue = NewsletterPage(
        title=record["title"],
        slug=record["slug"],
        summary=record["summary"],
        intro=rich(*record["intro"]),
        body=_body(werkplaats, record["text"]),
        newsletter=NewsletterList.objects.get(slug=werkplaats.slug),
        send_at=send_at,
        live=False,
    )
    werkplaats.add_child(instance=issue)
    return issue, issue.save_revision(log_action=False)


def _sent_issue(werkplaats, record):
    issue, revision = _issue(werkplaats, record)
    if revision is None:
        return
    sent = _at_nine(datetime.date.fromisoformat(record["sent"]))
    mailing = Mailing.objects.create(
        page=issue,
        newsletter=issue.newsletter,
        revision=revision,
        status=Mailing.Status.DONE,
        send_after=sent,
        started_at=sent,
        finished_at=sent + datetime.timedelta(minutes=3),
    )
    readers = Subscription.objects.filter(
        newsletter=issue.newsletter, status=Subscription.Status.CONFIRMED
    ).values_list("subscriber_id", flat=True)
    deliveries = [
        Delivery(mailing=mailing, subscriber_id=reader, status=Delivery.Status.SENT, attempts=1, sent_at=sent)
        for reader in readers
    ]
    if deliveries:  # history has its rough edges: one address no longer existed
        deliveries[-1].status, deliveries[-1].sent_at = Delivery.Status.FAILED, None
        deliveries[-1].last_error = "SMTPRecipientsRefused: 550 5.1.1 mailbox unavailable"
    Delivery.objects.bulk_create(deliveries)
    # Publishing now finds the mailing already sent, so nothing goes out again.
    revision.publish(log_action=False)


def _scheduled_issue(werkplaats, record):
    day = working_day(timezone.localdate() + datetime.timedelta(days=record["days_ahead"]))
    send_at = _at_nine(day)
    record = {**record, "title": record["title"].format(season=season(day))}
    issue, revision = _issue(werkplaats, record, send_at)
    if revision is not None:
        revision.publish(log_action=False)  # schedules the mailing for its send time
