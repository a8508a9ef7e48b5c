"""Demo newsletters: the lists, about 200 subscribers, sent issues of SAMEN and Groningen, one scheduled.

The sent issues are history: their mailing and deliveries are recorded as sent on their date,
so nothing goes out when the demo loads. The scheduled issue goes out when its time comes,
through the worker `make run` starts (to the console in development).
"""

import datetime
import random

from django.utils import timezone
from wagtail.models import Site

from articles.models import ArticlePage
from core.models import Province, Theme, WerkplaatsPage, YouthRegion
from demo.utils import create_child, locale, rich, season, translate, working_day
from events.models import EventPage
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

SUBSCRIBERS = 200
FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Chaima",
    "Daan",
    "Eline",
    "Fleur",
    "Gijs",
    "Hanna",
    "Ilias",
    "Joke",
    "Kees",
    "Lotte",
    "Mehmet",
    "Noor",
    "Olga",
    "Pieter",
    "Rosa",
    "Sanne",
    "Tijmen",
    "Yara",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Bos",
    "Kaya",
    "El Amrani",
    "Hoekstra",
    "Postma",
    "van Dijk",
    "Wijnands",
    "Dekker",
]

ISSUES = [
    {
        "werkplaats": "samen",
        "slug": "nieuwsbrief-samen-voorjaar",
        "title": "SAMEN in het voorjaar: leren van de praktijk in Zuid-Holland",
        "summary": "Wat gemeenten, onderzoekers en jongeren dit voorjaar samen uitzochten.",
        "intro": rich(
            "In deze editie leest u hoe professionals in Midden-Holland, Haaglanden en Holland Rijnland hun "
            "eigen werk onder de loep nemen, en welke bijeenkomsten eraan komen.",
        ),
        "text": (
            "Van de werkplaats",
            "Onze onderzoekers schuiven aan bij wijkteams. Zo komt kennis uit de praktijk terug in het onderzoek, "
            "en omgekeerd.",
        ),
        "sent": datetime.date(2026, 4, 14),
    },
    {
        "werkplaats": "samen",
        "slug": "nieuwsbrief-samen-najaar",
        "title": "SAMEN in het najaar: wat werkt bij jeugdhulp dichtbij huis",
        "summary": "Nieuwe praktijkvoorbeelden en terugblikken op de regiobijeenkomsten.",
        "intro": rich("Het najaar stond in het teken van ouders en jongeren die meedenken over hulp in de buurt."),
        "text": (
            "Meedenken?",
            "Wilt u uw ervaring delen in een volgende editie? Mail de redactie; we nemen contact met u op.",
        ),
        "sent": datetime.date(2026, 10, 13),
    },
    {
        "werkplaats": "groningen",
        "slug": "nieuwsbrief-groningen-zomer",
        "title": "Transformatie Jeugd Groningen: de zomereditie",
        "summary": "Verhalen uit Groninger gemeenten over samenwerken rond gezinnen.",
        "intro": rich("Deze zomer spraken we met professionals die gezinnen met meerdere vragen tegelijk helpen."),
        "text": (
            "Uit het onderzoek",
            "Een eerste analyse laat zien dat vaste contactpersonen het verschil maken voor gezinnen. "
            "In de volgende editie meer.",
        ),
        "sent": datetime.date(2026, 7, 7),
    },
]

# The next issue is always ahead of the day the demo is loaded; its title names the season it goes out in.
SCHEDULED = {
    "werkplaats": "groningen",
    "slug": "nieuwsbrief-groningen-volgende",
    "title": "Transformatie Jeugd Groningen: de {season}editie",
    "summary": "Vooruitblik op de komende maanden en de leernetwerken.",
    "intro": rich("We blikken vooruit op de leernetwerken en bijeenkomsten van de komende maanden."),
    "text": ("Meedenken?", "Wilt u uw ervaring delen in een volgende editie? Mail de redactie."),
    "days_ahead": 10,
}


def load(stdout):
    home = Site.objects.get(is_default_site=True).root_page
    page = create_child(
        home,
        NewsletterIndexPage(
            title="Nieuwsbrieven",
            slug="nieuwsbrieven",
            show_in_menus=True,
            summary="Kies de nieuwsbrieven, thema's en regio's die u wilt volgen. U kunt zich altijd afmelden.",
        ),
    )
    translate(page, "en", slug="newsletters", title="Newsletters", summary="Choose the newsletters you want to follow.")
    NewsletterList.objects.get_or_create(
        slug="landelijk", defaults={"name": "Wiel landelijk", "description": "Het beste uit alle werkplaatsen."}
    )
    werkplaatsen = {werkplaats.slug: werkplaats for werkplaats in WerkplaatsPage.objects.filter(locale=locale("nl"))}
    for werkplaats in werkplaatsen.values():
        newsletter, created = NewsletterList.objects.get_or_create(
            slug=werkplaats.slug,
            defaults={"name": f"Nieuwsbrief {werkplaats.short_name}", "werkplaats": werkplaats},
        )
        if created:
            newsletter.provinces.set(werkplaats.provinces.all())
    subscribers = _subscribers()
    for data in ISSUES:
        _sent_issue(werkplaatsen[data["werkplaats"]], data)
    _scheduled_issue(werkplaatsen[SCHEDULED["werkplaats"]], SCHEDULED)
    stdout.write(
        f"  {NewsletterList.objects.count()} newsletters, {subscribers} subscribers, "
        f"{NewsletterPage.objects.count()} issues"
    )


def _subscribers():
    """About 200 readers with varied interests, each confirmed on one to three lists."""
    if Subscriber.objects.filter(email__endswith="@example.org").exists():
        return Subscriber.objects.count()
    rng = random.Random(2026)  # noqa: S311 (repeatable demo data, not security)
    themes, provinces, regions = (
        list(Theme.objects.all()),
        list(Province.objects.all()),
        list(YouthRegion.objects.all()),
    )
    lists = list(NewsletterList.objects.all())
    weights = [4 if newsletter.slug in ("landelijk", "samen", "groningen") else 1 for newsletter in lists]
    first_issue = timezone.make_aware(datetime.datetime.combine(min(i["sent"] for i in ISSUES), datetime.time(9, 0)))
    for number in range(1, SUBSCRIBERS + 1):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}" if rng.random() < 0.8 else ""
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
    return SUBSCRIBERS


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
    heading, paragraph = text
    body.append(("text", stream.child_blocks["text"].to_python({"heading": heading, "text": rich(paragraph)})))
    return body


def _issue(werkplaats, data, send_at=None):
    existing = NewsletterPage.objects.filter(slug=data["slug"]).first()
    if existing:
        return existing, None
    issue = NewsletterPage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        intro=data["intro"],
        body=_body(werkplaats, data["text"]),
        newsletter=NewsletterList.objects.get(slug=werkplaats.slug),
        send_at=send_at,
        live=False,
    )
    werkplaats.add_child(instance=issue)
    return issue, issue.save_revision(log_action=False)


def _sent_issue(werkplaats, data):
    issue, revision = _issue(werkplaats, data)
    if revision is None:
        return
    sent = timezone.make_aware(datetime.datetime.combine(data["sent"], datetime.time(9, 0)))
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


def _scheduled_issue(werkplaats, data):
    day = working_day(timezone.localdate() + datetime.timedelta(days=data["days_ahead"]))
    send_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))
    data = {**data, "title": data["title"].format(season=season(day))}
    issue, revision = _issue(werkplaats, data, send_at)
    if revision is not None:
        revision.publish(log_action=False)  # schedules the mailing for its send time
