"""The outbox over a real SMTP server: kept in the caller's transaction, sent after the commit,
kept and tried again while the server fails, a bounce suppressed, nothing sent twice."""

import datetime

import pytest
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from newsletters.models import Suppression
from outbox.models import OutgoingMail
from outbox.sending import forget, prune, queue, send_due


def message(to="lezer@example.org", subject="Bevestig je aanmelding"):
    mail = EmailMessage(subject, "Klik op de link.", "Wiel <noreply@wiel.example>", [to])
    mail.attach("bijeenkomst.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    return mail


def make_due():
    OutgoingMail.objects.update(next_attempt_at=timezone.now())


@pytest.fixture
def server_down(mailbox, settings, free_port):
    """The mailbox's server set up, but the site pointed at a port where nothing listens."""
    settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = free_port, 2
    settings.OUTBOX_RETRY_BASE_SECONDS = 60


@pytest.mark.django_db
def test_a_message_goes_after_the_commit_and_not_after_a_rollback(mailbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            queue(message("eerst@example.org"))
        try:
            with transaction.atomic():
                queue(message("teruggedraaid@example.org"))
                raise RuntimeError
        except RuntimeError:
            pass
    [sent] = mailbox.messages
    assert sent["To"] == "eerst@example.org" and sent["Subject"] == "Bevestig je aanmelding"
    assert [part.get_filename() for part in sent.iter_attachments()] == ["bijeenkomst.ics"]
    assert not OutgoingMail.objects.exists()  # sent: nothing personal is kept


@pytest.mark.django_db
def test_a_server_that_is_down_costs_a_delay_not_the_message(
    mailbox, server_down, settings, django_capture_on_commit_callbacks
):
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        queue(message())  # no exception reaches the caller
    kept = OutgoingMail.objects.get()
    assert kept.status == "queued" and kept.attempts == 1 and "ConnectionRefusedError" in kept.last_error
    assert kept.next_attempt_at >= before + datetime.timedelta(seconds=60)
    assert send_due() == 0  # not due yet: the pause is kept

    settings.EMAIL_PORT = mailbox.controller.port  # the server is back
    make_due()
    assert send_due() == 1
    assert [sent["To"] for sent in mailbox.messages] == ["lezer@example.org"]
    assert send_due() == 0 and len(mailbox.messages) == 1  # once
    assert not OutgoingMail.objects.exists()


@pytest.mark.django_db
def test_after_the_last_try_the_message_is_kept_as_failed_and_pruned_later(server_down, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    queue(message())
    for _try in range(2):
        make_due()
        send_due()
    kept = OutgoingMail.objects.get()
    assert kept.status == "failed" and kept.attempts == 2
    make_due()
    assert send_due() == 0 and OutgoingMail.objects.get().attempts == 2  # not tried again
    settings.OUTBOX_KEEP_FAILED_DAYS = 30
    assert prune() == 0
    OutgoingMail.objects.update(created_at=timezone.now() - datetime.timedelta(days=31))
    assert prune() == 1


@pytest.mark.django_db
def test_a_bounce_is_final_and_suppressed_a_closing_server_is_tried_again_at_once(mailbox, refusing):
    refusing({"weg@example.org": "550 5.1.1 No such user", "druk@example.org": ["421 4.7.0 Too busy, closing"]})
    for address in ("weg@example.org", "druk@example.org", "lezer@example.org"):
        queue(message(address))
    assert send_due() == 2
    assert sorted(sent["To"] for sent in mailbox.messages) == ["druk@example.org", "lezer@example.org"]
    failed = OutgoingMail.objects.get()
    assert failed.to == "weg@example.org" and failed.status == "failed" and "550" in failed.last_error
    assert Suppression.objects.get(email="weg@example.org").reason == "bounced"


@pytest.mark.django_db
def test_a_message_left_by_a_dead_sender_is_sent_and_erasure_forgets_what_waits(mailbox):
    queue(message("verlaten@example.org"))
    queue(message("gewist@example.org"))
    past = timezone.now() - datetime.timedelta(minutes=1)
    OutgoingMail.objects.update(status="sending", claimed_until=past)  # its sender died mid-way
    forget("Gewist@Example.org")
    assert send_due() == 1
    assert [sent["To"] for sent in mailbox.messages] == ["verlaten@example.org"]
    assert not OutgoingMail.objects.exists()


@pytest.mark.django_db
def test_a_message_in_any_script_arrives_well_encoded(mailbox):
    import email
    import email.policy

    queue(message(subject="Bevestig je aanmelding, Chaïma"))
    OutgoingMail.objects.update(body="Beste Chaïma Öztürk,\n\n" + "Een regel tekst. " * 80 + "\n")
    send_due()
    [raw] = mailbox.raw
    parsed = email.message_from_bytes(raw, policy=email.policy.strict)
    assert parsed["Subject"] == "Bevestig je aanmelding, Chaïma"
    body = parsed.get_body(("plain",))
    assert body["Content-Transfer-Encoding"] in ("8bit", "quoted-printable")
    assert body.get_content().startswith("Beste Chaïma Öztürk,")
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))


class SendsNothing(BaseEmailBackend):
    """A backend that returns without sending and without an error (a misconfigured provider)."""

    def send_messages(self, email_messages):
        return 0


@pytest.mark.django_db
def test_a_backend_that_sends_nothing_does_not_count_as_sent(settings):
    settings.EMAIL_BACKEND = f"{__name__}.SendsNothing"
    queue(message())
    assert send_due() == 0
    kept = OutgoingMail.objects.get()
    assert kept.status == "queued" and "NothingSent" in kept.last_error


def left_handing_over(address, once):
    """A message a process was handing to the server when it died (or froze) past its claim."""
    queue(message(address), once=once)
    past = timezone.now() - datetime.timedelta(minutes=1)
    OutgoingMail.objects.filter(to=address).update(status="handing", claimed_by="host:1:dead", claimed_until=past)


@pytest.mark.django_db
def test_a_message_that_may_have_arrived_goes_again_only_when_it_is_a_notice(mailbox):
    left_handing_over("melding@example.org", once=False)
    left_handing_over("vraag@example.org", once=True)
    assert send_due() == 1
    assert [sent["To"] for sent in mailbox.messages] == ["melding@example.org"]
    unsure = OutgoingMail.objects.get()
    assert unsure.to == "vraag@example.org" and unsure.status == "unsure" and "stopped" in unsure.last_error
    assert send_due() == 0 and len(mailbox.messages) == 1


@pytest.mark.django_db
def test_a_process_whose_claim_was_taken_over_sends_nothing_more(mailbox):
    from django.core.mail import get_connection

    from outbox.sending import ClaimLost, claim, deliver

    queue(message("een@example.org"), once=True)
    queue(message("twee@example.org"), once=True)
    frozen = claim(Q(), "host:1:frozen")
    assert [mail.claimed_by for mail in frozen] == ["host:1:frozen"] * 2
    # Its claim runs out while it is frozen; another process takes the messages and sends them.
    OutgoingMail.objects.update(claimed_until=timezone.now() - datetime.timedelta(seconds=1))
    assert send_due() == 2
    connection = get_connection()
    with pytest.raises(ClaimLost):
        deliver(frozen[0], connection, "host:1:frozen")  # it wakes up: nothing is handed over
    assert sorted(sent["To"] for sent in mailbox.messages) == ["een@example.org", "twee@example.org"]
