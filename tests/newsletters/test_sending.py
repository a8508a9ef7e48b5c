"""Sending an issue: exactly once per confirmed reader over real SMTP, the message itself, retries,
permanent failures, suppression, scheduling, the throttle, and the figures."""

import asyncio
import datetime
import email
import email.policy
import re
from unittest import mock

import pytest
from anymail.signals import AnymailTrackingEvent, tracking
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.factories import ArticlePageFactory
from newsletters.factories import draft_issue, subscribe
from newsletters.figures import with_figures
from newsletters.models import Delivery, Mailing, Subscription, Suppression
from newsletters.sending import (
    LeaseLost,
    Sender,
    Throttle,
    backoff,
    batch_size,
    lease_problem,
    prepare,
    send_mailing,
    take_lease,
)


def publish(issue, capture):
    with capture(execute=True):
        issue.save_revision().publish()
    issue.refresh_from_db()
    return issue


def due_mailing(issue, **fields):
    """A mailing of ``issue``'s current revision, due now; ``fields`` set its state (started, leased...)."""
    return Mailing.objects.create(
        page=issue, newsletter=issue.newsletter, revision=issue.save_revision(), send_after=timezone.now(), **fields
    )


@pytest.fixture
def issue(newsletters, site_tree, readers):
    themed = ArticlePageFactory(parent=site_tree["samen_news"], title="Over informele steun")
    themed.themes.add(newsletters["theme"])
    themed.save_revision().publish()
    return draft_issue(site_tree["samen"], newsletters["samen"], articles=[site_tree["article"], themed])


@pytest.mark.django_db
def test_publishing_sends_once_to_every_confirmed_reader(issue, readers, mailbox, django_capture_on_commit_callbacks):
    publish(issue, django_capture_on_commit_callbacks)
    received = sorted(message["To"] for message in mailbox.messages)
    assert received == ["anna@example.org", "bram@example.org", "chaima@example.org"]  # not pending, not gone
    mailing = Mailing.objects.get(page=issue)
    assert mailing.status == "klaar" and mailing.started_at and mailing.finished_at
    assert set(mailing.deliveries.values_list("status", flat=True)) == {"verzonden"}
    # Republishing (a typo fixed in the web version) sends nothing again.
    publish(issue, django_capture_on_commit_callbacks)
    assert len(mailbox.messages) == 3 and Mailing.objects.count() == 1


@pytest.mark.django_db
def test_the_message_parts_headers_and_personal_links(
    issue, readers, mailbox, settings, django_capture_on_commit_callbacks
):
    settings.WIEL_BASE_URL = "https://wiel.example"
    publish(issue, django_capture_on_commit_callbacks)
    message = mailbox.to("anna@example.org")[0]
    assert message["Subject"] == "SAMEN in de winter"
    unsubscribe = re.fullmatch(
        r"<(https://wiel\.example/nieuwsbrief/afmelden/[\w-]+/)>", message["List-Unsubscribe"].strip()
    )
    assert unsubscribe and message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"].startswith("Nieuwsbrief SAMEN <samen.")
    assert message["Message-ID"].startswith(f"<issue-{issue.pk}.delivery-")
    assert message.get_content_type() == "multipart/alternative"
    text, html = (part.get_payload(decode=True).decode() for part in message.get_payload())
    assert [part.get_content_type() for part in message.get_payload()] == ["text/plain", "text/html"]
    for body in (text, html):
        assert "Beste Anna de Vries," in body and "Terugblik symposium" in body and "Over informele steun" in body
        assert "Van de redactie" in body
    assert "Fijne feestdagen & tot ziens." in text and "<p>" not in text
    assert 'role="presentation"' in html and 'style="' in html and "prefers-color-scheme: dark" in html
    assert '<meta name="color-scheme" content="light dark">' in html
    assert "Beste lezer," in mailbox.to("chaima@example.org")[0].get_payload()[0].get_payload(decode=True).decode()
    # The preference link opens this reader's own preference centre.
    preferences = re.search(r"https://wiel\.example(/\S+/voorkeuren/[\w-]+/)", text).group(1)
    page = Client().get(preferences)
    assert page.status_code == 200 and "anna@example.org" in page.content.decode()
    # The mail program's one-click POST (RFC 8058) leaves the list, with no cookie or CSRF token.
    path = unsubscribe.group(1).removeprefix("https://wiel.example")
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert Subscription.objects.get(subscriber=readers["anna"]).status == "afgemeld"


@pytest.mark.django_db
def test_personalised_issue_shows_each_reader_only_their_themes_and_regions(
    issue, readers, site_tree, mailbox, django_capture_on_commit_callbacks
):
    from geography.models import Province

    limburg = Province.objects.get(name="Limburg")
    groningen = Province.objects.get(name="Groningen")
    samen = site_tree["samen"]
    samen.provinces.set([limburg])
    samen.save_revision().publish()
    readers["bram"].provinces.set([groningen])  # far from SAMEN's Limburg
    issue.personalise = True
    publish(issue, django_capture_on_commit_callbacks)

    def text(address):
        return mailbox.to(address)[0].get_payload()[0].get_payload(decode=True).decode()

    anna, bram, chaima = text("anna@example.org"), text("bram@example.org"), text("chaima@example.org")
    assert "Over informele steun" in anna and "Terugblik symposium" not in anna  # her theme only
    assert "Over informele steun" not in bram and "Terugblik symposium" not in bram  # not his region
    assert "Over informele steun" in chaima and "Terugblik symposium" in chaima  # no interests: everything
    assert all("Van de redactie" in body for body in (anna, bram, chaima))  # text goes to everyone


@pytest.mark.django_db
def test_a_scheduled_issue_waits_for_its_time(issue, mailbox, django_capture_on_commit_callbacks):
    issue.send_at = timezone.now() + datetime.timedelta(days=2)
    publish(issue, django_capture_on_commit_callbacks)
    mailing = Mailing.objects.get(page=issue)
    assert mailing.status == "gepland" and mailbox.messages == []
    call_command("send_newsletters", "--now", verbosity=0)
    assert mailbox.messages == [] and Client().get(issue.url).status_code == 404  # not public before it is sent
    Mailing.objects.filter(pk=mailing.pk).update(send_after=timezone.now() - datetime.timedelta(minutes=1))
    call_command("send_newsletters", "--now", verbosity=0)
    assert len(mailbox.messages) == 3 and Client().get(issue.url).status_code == 200


@pytest.mark.django_db
def test_temporary_errors_retry_with_backoff_permanent_ones_fail(
    issue, readers, mailbox, refusing, settings, django_capture_on_commit_callbacks
):
    handler = refusing(
        {"bram@example.org": "451 4.3.0 Try again later", "chaima@example.org": "550 5.1.1 No such user"}
    )
    settings.NEWSLETTER_RETRY_BASE_SECONDS = 60
    before = timezone.now()
    publish(issue, django_capture_on_commit_callbacks)
    statuses = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert statuses == {"anna@example.org": "verzonden", "bram@example.org": "wacht", "chaima@example.org": "mislukt"}
    assert Suppression.objects.get(email="chaima@example.org").reason == "bounced"  # 550: no more mail to it
    bram = Delivery.objects.get(subscriber=readers["bram"])
    assert bram.attempts == 1 and "451" in bram.last_error
    assert bram.next_attempt_at >= before + datetime.timedelta(seconds=60)
    assert Mailing.objects.get(page=issue).status == "bezig"  # not done while a retry is due
    # The retry is due and the server takes it now: delivered, once, and the mailing is done.
    del handler.answers["bram@example.org"]
    Delivery.objects.filter(pk=bram.pk).update(next_attempt_at=timezone.now())
    call_command("send_newsletters", "--now", verbosity=0)
    assert sorted(m["To"] for m in mailbox.messages) == ["anna@example.org", "bram@example.org"]
    assert Delivery.objects.get(pk=bram.pk).status == "verzonden"
    assert Mailing.objects.get(page=issue).status == "klaar"


def test_backoff_doubles(settings):
    settings.NEWSLETTER_RETRY_BASE_SECONDS = 60
    assert [backoff(n) for n in (1, 2, 3, 4)] == [60, 120, 240, 480]


def test_throttle_spaces_messages_at_the_configured_rate():
    now, slept = [100.0], []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    throttle = Throttle(rate=10, clock=lambda: now[0], sleep=sleep)
    for _message in range(5):
        throttle.wait()
    assert slept == pytest.approx([0.1, 0.1, 0.1, 0.1])  # the first goes at once
    assert now[0] == pytest.approx(100.4)
    unlimited = Throttle(rate=0, clock=lambda: now[0], sleep=sleep)
    unlimited.wait()
    unlimited.wait()
    assert len(slept) == 4


@pytest.mark.django_db
def test_bounces_and_complaints_suppress_the_address(
    issue, readers, newsletters, site_tree, mailbox, django_capture_on_commit_callbacks
):
    publish(issue, django_capture_on_commit_callbacks)
    bram = Delivery.objects.get(subscriber=readers["bram"])
    bounce = AnymailTrackingEvent(
        event_type="bounced", recipient="Bram@example.org", message_id=bram.message_id, description="Mailbox full"
    )
    tracking.send(sender=object, event=bounce, esp_name="Postmark")
    complaint = AnymailTrackingEvent(event_type="complained", recipient="chaima@example.org", message_id="elsewhere")
    tracking.send(sender=object, event=complaint, esp_name="Postmark")
    assert dict(Suppression.objects.values_list("email", "reason")) == {
        "bram@example.org": "bounced",
        "chaima@example.org": "complained",
    }
    assert Delivery.objects.get(pk=bram.pk).bounced_at is not None
    assert Delivery.objects.get(subscriber=readers["chaima"]).bounced_at is not None  # matched by address
    # The next issue skips both addresses.
    mailbox.messages.clear()
    following = draft_issue(site_tree["samen"], newsletters["samen"], title="SAMEN in het voorjaar")
    publish(following, django_capture_on_commit_callbacks)
    assert [m["To"] for m in mailbox.messages] == ["anna@example.org"]
    skipped = Delivery.objects.filter(mailing__page=following, status="overgeslagen")
    assert set(skipped.values_list("subscriber__email", flat=True)) == {"bram@example.org", "chaima@example.org"}


@pytest.mark.django_db
def test_a_message_in_a_dead_workers_hands_is_never_sent_again(issue, readers, mailbox):
    mailing = due_mailing(issue, started_at=timezone.now(), status="bezig")
    # What a worker killed mid-send leaves: one sent, one being handed over, one not started.
    Delivery.objects.create(mailing=mailing, subscriber=readers["anna"], status="verzonden", attempts=1)
    Delivery.objects.create(mailing=mailing, subscriber=readers["bram"], status="bezig", attempts=1)
    Delivery.objects.create(mailing=mailing, subscriber=readers["chaima"], status="wacht")
    assert send_mailing(mailing.pk) == "done"
    assert [m["To"] for m in mailbox.messages] == ["chaima@example.org"]
    statuses = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert statuses == {
        "anna@example.org": "verzonden",
        "bram@example.org": "onzeker",
        "chaima@example.org": "verzonden",
    }


@pytest.mark.django_db
def test_a_live_lease_keeps_a_second_worker_out(issue, readers, mailbox):
    mailing = due_mailing(issue, lease_token="other-worker", lease_until=timezone.now() + datetime.timedelta(minutes=1))
    assert send_mailing(mailing.pk) == "not due, finished, or in another worker's hands"
    assert mailbox.messages == []
    Mailing.objects.filter(pk=mailing.pk).update(lease_until=timezone.now() - datetime.timedelta(seconds=1))
    assert send_mailing(mailing.pk) == "done" and len(mailbox.messages) == 3


@pytest.mark.django_db
def test_figures_per_issue(
    issue, readers, newsletters, site_tree, mailbox, refusing, django_capture_on_commit_callbacks
):
    refusing({"chaima@example.org": "550 5.1.1 No such user"})
    publish(issue, django_capture_on_commit_callbacks)
    bram = Delivery.objects.get(subscriber=readers["bram"])
    tracking.send(
        sender=object,
        event=AnymailTrackingEvent(event_type="bounced", recipient="bram@example.org", message_id=bram.message_id),
        esp_name="Mailgun",
    )
    Client().post(  # Anna leaves after this issue
        re.search(r"<https?://[^/]+(/\S+)>", mailbox.to("anna@example.org")[0]["List-Unsubscribe"]).group(1),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    mailing = with_figures(Mailing.objects.filter(page=issue)).get()
    figures = {name: getattr(mailing, name) for name in ("recipients", "sent", "failed", "bounced", "unsubscribes")}
    assert figures == {"recipients": 3, "sent": 2, "failed": 1, "bounced": 1, "unsubscribes": 1}
    # A later issue does not count Anna's leaving: she left before it went out.
    later = draft_issue(site_tree["samen"], newsletters["samen"], title="Later")
    publish(later, django_capture_on_commit_callbacks)
    assert with_figures(Mailing.objects.filter(page=later)).get().unsubscribes == 0
    assert with_figures(Mailing.objects.filter(page=issue)).get().unsubscribes == 1


@pytest.mark.django_db
def test_an_address_that_joins_later_is_not_added_to_a_running_mailing(issue, newsletters, readers, mailbox):
    mailing = due_mailing(issue)
    send_mailing(mailing.pk)
    subscribe("laat@example.org", newsletters["samen"])
    Mailing.objects.filter(pk=mailing.pk).update(status="bezig")
    send_mailing(mailing.pk)
    assert len(mailbox.messages) == 3 and mailing.deliveries.count() == 3


@pytest.mark.django_db
def test_the_providers_webhook_needs_its_secret_and_suppresses_hard_bounces(
    issue, readers, mailbox, settings, django_capture_on_commit_callbacks
):
    import base64
    import json

    settings.ANYMAIL = {"WEBHOOK_SECRET": "wiel:geheim"}
    publish(issue, django_capture_on_commit_callbacks)
    bram = Delivery.objects.get(subscriber=readers["bram"])
    report = {  # what Postmark posts for a hard bounce
        "RecordType": "Bounce",
        "Type": "HardBounce",
        "MessageID": bram.message_id,
        "Email": "bram@example.org",
        "BouncedAt": "2026-11-22T10:00:00Z",
        "Description": "The address does not exist.",
    }
    url = "/anymail/postmark/tracking/"
    client = Client(enforce_csrf_checks=True)
    refused = client.post(url, json.dumps(report), content_type="application/json")
    assert refused.status_code in (400, 401, 403) and not Suppression.objects.exists()
    auth = "Basic " + base64.b64encode(b"wiel:geheim").decode()
    accepted = client.post(url, json.dumps(report), content_type="application/json", HTTP_AUTHORIZATION=auth)
    assert accepted.status_code == 200
    assert Suppression.objects.get().email == "bram@example.org"
    assert Delivery.objects.get(pk=bram.pk).bounced_at is not None


@pytest.mark.django_db
def test_resume_picks_up_interrupted_mailings_but_not_ones_waiting_for_a_retry(issue, readers, mailbox):
    from newsletters.sending import resume_due

    mailing = due_mailing(issue, started_at=timezone.now(), status="bezig")
    waiting = Delivery.objects.create(
        mailing=mailing, subscriber=readers["anna"], next_attempt_at=timezone.now() + datetime.timedelta(hours=1)
    )
    assert resume_due(enqueue=False) == []  # only a retry, later: nothing to do now
    Delivery.objects.filter(pk=waiting.pk).update(next_attempt_at=timezone.now())
    assert resume_due(enqueue=False) == [mailing]
    Mailing.objects.filter(pk=mailing.pk).update(lease_until=timezone.now() + datetime.timedelta(minutes=1))
    assert resume_due(enqueue=False) == []  # a live worker holds it


@pytest.mark.django_db
def test_relaxed_commits_apply_to_the_sending_only(
    issue, readers, mailbox, settings, django_capture_on_commit_callbacks
):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("synchronous_commit is a PostgreSQL setting (DATABASE_URL)")
    import psycopg
    from django.test.utils import CaptureQueriesContext

    settings.NEWSLETTER_ASYNC_COMMIT = True
    with CaptureQueriesContext(connection) as queries:
        publish(issue, django_capture_on_commit_callbacks)
    assert len(mailbox.messages) == 3 and Delivery.objects.filter(status="verzonden").count() == 3
    statements = [query["sql"] for query in queries.captured_queries]
    assert not [sql for sql in statements if re.match(r"\s*(RE)?SET\b", sql, re.IGNORECASE)]  # no session setting
    relaxed = [sql for sql in statements if "set_config('synchronous_commit', 'off', true)" in sql]
    assert len(relaxed) == 3  # every hand-over, each for its own transaction only (SET LOCAL)

    # Through a pooler in transaction mode, the next client gets the server connection as it is.
    # The same statement, run in autocommit as a worker runs it, leaves the connection unchanged.
    sender = Sender(Mailing.objects.get(), "nobody")
    params = connection.get_connection_params()
    with psycopg.connect(**{key: value for key, value in params.items() if key != "cursor_factory"}) as other:
        other.autocommit = True
        other.execute(
            sender.hand_over_sql,
            [0, "bezig", "verzonden", 0, 0, None, 0, "", "nobody", 0, "wacht", 0, "nobody", 0, "bezig", "onzeker"],
        )
        assert other.execute("SHOW synchronous_commit").fetchone()[0] == "on"


def leased_mailing(issue, token):
    mailing = due_mailing(issue)
    assert take_lease(mailing.pk, token)
    prepare(mailing)
    return Mailing.objects.select_related("revision", "newsletter").get(pk=mailing.pk)


class TakenOver:
    """A throttle that lets another worker take the lease over before the message number ``at``."""

    def __init__(self, mailing, at):
        self.mailing, self.at, self.calls = mailing, at, 0

    def wait(self):
        self.calls += 1
        if self.calls == self.at:
            Mailing.objects.filter(pk=self.mailing.pk).update(lease_token="host:2:other")


@pytest.mark.django_db
def test_a_worker_whose_lease_was_taken_over_hands_over_nothing_more(issue, readers, mailbox):
    mailing = leased_mailing(issue, "host:1:first")
    sender = Sender(mailing, "host:1:first", throttle=TakenOver(mailing, at=2))
    assert sender.run() == "lease lost"
    assert [message["To"] for message in mailbox.messages] == ["anna@example.org"]
    statuses = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert statuses == {"anna@example.org": "verzonden", "bram@example.org": "wacht", "chaima@example.org": "wacht"}
    # The new holder claims what still waits and sends it; nobody gets a second copy.
    Mailing.objects.filter(pk=mailing.pk).update(lease_until=timezone.now() - datetime.timedelta(seconds=1))
    assert send_mailing(mailing.pk) == "done"
    assert sorted(message["To"] for message in mailbox.messages) == [
        "anna@example.org",
        "bram@example.org",
        "chaima@example.org",
    ]
    claims = dict(Delivery.objects.values_list("subscriber__email", "claimed_by"))
    assert claims["anna@example.org"] == "host:1:first" and claims["bram@example.org"] != "host:1:first"


@pytest.mark.django_db
def test_a_delivery_is_handed_over_only_by_the_worker_that_claimed_it(issue, readers, mailbox):
    mailing = leased_mailing(issue, "host:1:first")
    first = Sender(mailing, "host:1:first")
    batch = first.claim_batch()
    assert len(batch) == 3
    Mailing.objects.filter(pk=mailing.pk).update(lease_token="host:2:second")  # taken over
    second = Sender(mailing, "host:2:second")
    assert len(second.claim_batch()) == 3  # still waiting: the new holder claims them
    with pytest.raises(LeaseLost):
        first.hand_over(batch[0][0])  # the first worker may no longer hand them over
    second.hand_over(batch[0][0])
    with pytest.raises(LeaseLost):
        second.hand_over(batch[0][0])  # nor may anyone hand over the same delivery twice
    assert Delivery.objects.get(pk=batch[0][0]).status == "bezig"


@pytest.mark.django_db
def test_leases_follow_the_database_clock_not_the_hosts(issue, readers, mailbox, settings):
    mailing = due_mailing(issue, lease_token="host:2:other", lease_until=timezone.now() + datetime.timedelta(minutes=1))
    ahead = timezone.now() + datetime.timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=ahead):
        # A host whose clock runs three hours ahead does not take a live lease.
        assert send_mailing(mailing.pk) == "not due, finished, or in another worker's hands"
    assert mailbox.messages == []
    Mailing.objects.filter(pk=mailing.pk).update(lease_token="", lease_until=None)
    with mock.patch("django.utils.timezone.now", return_value=ahead):
        assert take_lease(mailing.pk, "host:3:ahead")
    until = Mailing.objects.get(pk=mailing.pk).lease_until
    assert abs((until - timezone.now()).total_seconds() - settings.NEWSLETTER_LEASE_SECONDS) < 60  # the database's now


def test_settings_that_cannot_keep_a_lease_are_refused(settings):
    settings.NEWSLETTER_LEASE_SECONDS, settings.EMAIL_TIMEOUT, settings.NEWSLETTER_SEND_RATE = 120, 30, 25
    assert lease_problem() is None and batch_size() == 200
    settings.NEWSLETTER_LEASE_SECONDS = 4  # the scenario of issue 15: a hung call outlasts the lease
    assert "NEWSLETTER_LEASE_SECONDS=4 is too short" in lease_problem()
    assert "newsletters.E001" in [message.id for message in run_checks()]
    with pytest.raises(ImproperlyConfigured):
        send_mailing(1)
    settings.EMAIL_TIMEOUT = 2
    assert lease_problem() is None and batch_size() == 50  # what half a lease sends at 25 a second
    settings.EMAIL_TIMEOUT = None
    assert "EMAIL_TIMEOUT is not set" in lease_problem()


class Closing:
    """Closes the connection once, at one stage of one address's message: a 421 to its recipient
    or after its content, or (``drop``) no answer at all to the command that starts it."""

    def __init__(self, mailbox, address, stage):
        self.mailbox, self.address, self.stage, self.closed = mailbox, address, stage, 0
        self.messages_started = 0

    def closes(self, stage, addresses):
        if stage == self.stage and self.address in addresses and not self.closed:
            self.closed += 1
            return True
        return False

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802
        self.messages_started += 1
        # The readers go out in order (anna, bram, chaima): the second message is bram's.
        if self.stage == "drop" and self.messages_started == 2 and not self.closed:
            self.closed += 1
            server.transport.abort()  # the connection is cut before any reply
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.closes("RCPT", [address]):
            return "421 4.7.0 Too busy, closing"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.closes("DATA", envelope.rcpt_tos):
            return "421 4.7.0 Too busy, closing"
        return await self.mailbox.handle_DATA(server, session, envelope)


@pytest.mark.django_db
@pytest.mark.parametrize("stage", ["RCPT", "DATA", "drop"])
def test_a_connection_closed_before_the_message_was_taken_loses_nobody(
    issue, readers, mailbox, stage, django_capture_on_commit_callbacks
):
    """A 421 closes the connection, and so does a server that goes away: the message that met it
    was not taken, so it goes again on a fresh connection, and the next reader's message is not
    sent into the closed one ("please run connect() first"). Nobody is uncertain."""
    mailbox.controller.handler = Closing(mailbox, "bram@example.org", stage)
    publish(issue, django_capture_on_commit_callbacks)
    statuses = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert statuses == dict.fromkeys(["anna@example.org", "bram@example.org", "chaima@example.org"], "verzonden")
    assert sorted(message["To"] for message in mailbox.messages) == [
        "anna@example.org", "bram@example.org", "chaima@example.org",
    ]  # fmt: skip
    assert mailbox.controller.handler.closed == 1
    assert Mailing.objects.get(page=issue).status == "klaar"


class Stalling:
    """Takes every message, but answers one address only after the client has stopped waiting."""

    def __init__(self, mailbox, slow):
        self.mailbox, self.slow = mailbox, slow

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.slow in envelope.rcpt_tos:
            await asyncio.sleep(1.5)
        return await self.mailbox.handle_DATA(server, session, envelope)


@pytest.mark.django_db
def test_a_message_whose_hand_over_timed_out_is_uncertain_and_not_sent_again(
    issue, readers, mailbox, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_TIMEOUT = 0.5
    mailbox.controller.handler = Stalling(mailbox, "bram@example.org")
    publish(issue, django_capture_on_commit_callbacks)
    statuses = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert statuses == {
        "anna@example.org": "verzonden",
        "bram@example.org": "onzeker",
        "chaima@example.org": "verzonden",
    }
    assert Mailing.objects.get(page=issue).status == "klaar"  # nothing left to retry
    assert "timed out" in Delivery.objects.get(subscriber=readers["bram"]).last_error


def assert_well_encoded(raw):
    """``raw`` parses without a defect in strict mode, and each text part that holds other than
    ASCII says so: 8bit, quoted-printable or base64, never 7bit."""
    message = email.message_from_bytes(raw, policy=email.policy.strict)
    assert not message.defects
    for part in message.walk():
        if part.get_content_maintype() != "text":
            continue
        assert not part.defects
        encoding = part.get("Content-Transfer-Encoding", "7bit").lower()
        payload = part.get_payload(decode=False)
        if not payload.isascii() or encoding != "7bit":
            assert encoding in ("8bit", "quoted-printable", "base64"), encoding
        assert part.get_content_charset() in ("utf-8", "us-ascii")
        part.get_content()  # decodes
    return message


@pytest.mark.django_db
def test_every_message_is_well_encoded_for_any_name(
    issue, readers, mailbox, newsletters, django_capture_on_commit_callbacks
):
    readers["chaima"].name = "Chaïma Öztürk-SSenger"
    readers["chaima"].save()
    publish(issue, django_capture_on_commit_callbacks)
    assert len(mailbox.raw) == 3
    for raw in mailbox.raw:
        message = assert_well_encoded(raw)
        if message["To"] == "chaima@example.org":
            text = message.get_body(("plain",)).get_content()
            assert "Chaïma" in text
