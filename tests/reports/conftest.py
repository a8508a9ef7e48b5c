import datetime

import pytest
from django.utils import timezone

from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import Registration
from newsletters.factories import draft_issue, subscribe
from newsletters.models import Delivery, Mailing, NewsletterIndexPage, NewsletterList
from reports.factories import ReportIndexPageFactory

YEAR = 2024


def moment(month, day=1, year=YEAR):
    return timezone.make_aware(datetime.datetime(year, month, day, 14))


def held(parent, title, when, confirmed=0, waiting=0, present=None):
    """A past event with ``confirmed`` registrations (the first ``present`` marked as there)."""
    event = EventPageFactory(parent=parent, title=title, start=when, end=when + datetime.timedelta(hours=2))
    for number in range(confirmed):
        attended = None if present is None else number < present
        Registration.objects.create(
            event=event,
            name=f"P{number}",
            email=f"p{number}@{event.slug}.example",
            status="bevestigd",
            attended=attended,
        )
    for number in range(waiting):
        Registration.objects.create(
            event=event, name=f"W{number}", email=f"w{number}@{event.slug}.example", status="wachtlijst"
        )
    return event


def sent_issue(index, newsletter, title, when, readers):
    issue = draft_issue(index, newsletter, title=title)
    revision = issue.save_revision()
    mailing = Mailing.objects.create(
        page=issue, newsletter=newsletter, revision=revision, status="klaar", send_after=when, started_at=when
    )
    for number in range(readers):
        person = subscribe(f"r{number}@{issue.slug}.example", newsletter)
        Delivery.objects.create(mailing=mailing, subscriber=person, status=Delivery.Status.SENT, sent_at=when)
    Delivery.objects.create(mailing=mailing, subscriber=None, status=Delivery.Status.FAILED)
    return issue


@pytest.fixture
def year_of_groningen(site_tree):
    """Groningen's 2024 on the site: three events held (one cancelled, one in 2023), two newsletter
    issues (60 and 40 readers), and its reports overview."""
    groningen = site_tree["groningen"]
    calendar = EventIndexPageFactory(parent=groningen)
    held(calendar, "Leren van Ervaringen", moment(2, 13), confirmed=30, waiting=4, present=25)
    held(calendar, "Themamiddag", moment(6, 5), confirmed=12)
    cancelled = held(calendar, "Afgelast", moment(7, 1), confirmed=5)
    cancelled.status = "geannuleerd"
    cancelled.save_revision().publish()
    held(calendar, "Vorig jaar", moment(11, 1, year=YEAR - 1), confirmed=50)
    index = NewsletterIndexPage(title="Nieuwsbrieven", slug="nieuwsbrieven")
    site_tree["home"].add_child(instance=index)
    index.save_revision().publish()
    newsletter = NewsletterList.objects.create(name="Groningen", slug="groningen", werkplaats=groningen)
    other = NewsletterList.objects.create(name="SAMEN", slug="samen", werkplaats=site_tree["samen"])
    # A werkplaats' own issues live below the werkplaats (newsletters.models.NewsletterPage).
    sent_issue(groningen, newsletter, "Voorjaar", moment(3, 1), 60)
    sent_issue(groningen, newsletter, "Najaar", moment(10, 1), 40)
    sent_issue(site_tree["samen"], other, "Van een ander", moment(4, 1), 10)
    reports = ReportIndexPageFactory(parent=groningen)
    national = ReportIndexPageFactory(parent=site_tree["home"])
    return {"calendar": calendar, "reports": reports, "national": national, "newsletter": newsletter}
