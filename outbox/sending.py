"""The outbox: the e-mails a reader's action causes (a subscription's confirmation link, a
registration's cancel link), sent by the worker with retries, never lost and never a 500.

``queue`` keeps a message in ``OutgoingMail`` inside the caller's transaction and, once it commits,
hands its id to ``send_task`` (the ``mail`` task queue, run by the worker). ``send_due``, a
periodic job, sends whatever is due and was not sent, so a message whose task was lost still goes.
Each message is sent as the newsletter worker sends an issue (``outbox.fate``): a message that
never reached the server is sent again at once on a fresh connection, one refused for now waits
and is tried again with a back-off, a bounce marks the address (``address_bounced``).

Messages are claimed and handed over under the same discipline as an issue's deliveries
(``outbox.claims``): a process claims a batch with its token, marks each message "handing over"
only while the claim is still its own, and deletes it once the server took it. A message whose
fate is uncertain (cut off after its content went, or left "handing over" by a process that died
or froze past its claim) is sent again when it is a notice (receiving a confirmation link twice
is better than not at all) and never when it was queued with ``once`` (a follow-up question).
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from .claims import claim as claim_rows
from .claims import database_time, worker_token
from .fate import Fate, backoff, fate_of
from .models import OutgoingMail
from .signals import address_bounced
from .smtp import content_sent

logger = logging.getLogger(__name__)

BATCH = 100


def queue(message, once=False):
    """Keep ``message`` (a Django ``EmailMessage``) in the outbox, one row per recipient, in the
    current transaction; it is sent once that commits. With ``once``, a message that may have
    reached the server is never sent again. Returns the rows."""
    attachments = [
        [name, base64.b64encode(content.encode() if isinstance(content, str) else content).decode(), mimetype]
        for name, content, mimetype in message.attachments
    ]
    rows = OutgoingMail.objects.bulk_create(
        OutgoingMail(
            to=address,
            from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
            subject=message.subject,
            body=message.body,
            alternatives=[[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
            attachments=attachments,
            headers=dict(message.extra_headers),
            once=once,
        )
        for address in message.to
    )
    ids = [row.pk for row in rows]
    transaction.on_commit(lambda: _enqueue(ids))
    return rows


def _enqueue(ids):
    try:
        send_task.enqueue(ids)
    except Exception:  # the task queue is down: the periodic job sends them instead
        logger.warning("Outgoing e-mail %s: not queued as a task; the periodic job will send it", ids, exc_info=True)


@task(backend="mail")
def send_task(ids):
    return send(Q(pk__in=ids))


def send_due(output=None):
    """Send every message that is due (the periodic job)."""
    sent = send(Q())
    if output is not None and sent:
        output.write(f"{sent} outgoing e-mail(s) sent\n")
    return sent


def prune(output=None):
    """Delete the messages that failed for good (or may have arrived) once kept long enough."""
    before = timezone.now() - timedelta(days=settings.OUTBOX_KEEP_FAILED_DAYS)
    done = [OutgoingMail.Status.FAILED, OutgoingMail.Status.UNSURE]
    deleted, _by_model = OutgoingMail.objects.filter(status__in=done, created_at__lt=before).delete()
    return deleted


def forget(address):
    """Erase everything waiting for ``address`` (its owner erased their data)."""
    OutgoingMail.objects.filter(to__iexact=address).delete()


def claim(which, token):
    """Mark the due messages among ``which`` as claimed by ``token``; returns them.

    A message claimed by a process whose claim ran out without handing it over is due again. One
    left "handing over" may have reached the server: a notice is due again, a ``once`` message is
    set aside as unsure.
    """
    now = database_time()
    left = OutgoingMail.objects.filter(which, status=OutgoingMail.Status.HANDING_OVER, claimed_until__lt=now)
    left.filter(once=True).update(
        status=OutgoingMail.Status.UNSURE, last_error="the sender stopped while handing this message over"
    )
    left.filter(once=False).update(status=OutgoingMail.Status.QUEUED, next_attempt_at=now)
    due = Q(status=OutgoingMail.Status.QUEUED, next_attempt_at__lte=now)
    abandoned = Q(status=OutgoingMail.Status.SENDING, claimed_until__lt=now)  # claimed, never handed over
    rows = OutgoingMail.objects.filter(which).filter(due | abandoned)
    ids = claim_rows(
        rows,
        token,
        BATCH,
        order_by=("next_attempt_at", "pk"),
        status=OutgoingMail.Status.SENDING,
        claimed_until=database_time(settings.OUTBOX_CLAIM_SECONDS),
    )
    return list(OutgoingMail.objects.filter(pk__in=ids, claimed_by=token).order_by("pk"))


def as_message(mail, connection):
    message = EmailMultiAlternatives(
        mail.subject, mail.body, mail.from_email, [mail.to], headers=mail.headers, connection=connection
    )
    for content, mimetype in mail.alternatives:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in mail.attachments:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


def send(which):
    """Send the due messages among ``which`` (a ``Q``) over one connection; returns how many went."""
    sent, token = 0, worker_token()
    while batch := claim(which, token):
        connection = get_connection(fail_silently=False)
        try:
            for mail in batch:
                sent += deliver(mail, connection, token)
        except ClaimLost:
            logger.warning("Outgoing e-mail: the claim of %s was taken over; it stops", token)
            return sent
        finally:
            connection.close()
    return sent


class ClaimLost(Exception):
    """Another process claimed this one's messages (its claim ran out): it sends nothing more."""


def deliver(mail, connection, token):
    """Send one message; 1 when the server took it (the row is deleted), else 0 (recorded)."""
    mine = OutgoingMail.objects.filter(pk=mail.pk, claimed_by=token)
    # Before: only while the claim is still this process's (a frozen process finds it is not).
    until = database_time(settings.OUTBOX_CLAIM_SECONDS)
    if not mine.filter(status=OutgoingMail.Status.SENDING).update(
        status=OutgoingMail.Status.HANDING_OVER, claimed_until=until
    ):
        raise ClaimLost
    mail.attempts += 1
    failure = hand_over(mail, connection)
    if failure and failure[0] is Fate.NOT_SENT:
        failure = hand_over(mail, connection)  # never taken: once more, on a fresh connection
    if failure:
        record(mail, *failure)
        return 0
    mine.delete()
    return 1


def hand_over(mail, connection):
    """None when the backend took ``mail``, else (fate, error)."""
    try:
        if not connection.send_messages([as_message(mail, connection)]):
            raise NothingSent
    except Exception as error:  # every error is recorded on the message, never lost
        fate = Fate.LATER if isinstance(error, NothingSent) else fate_of(error, content_sent(connection))
        connection.close()  # whatever went wrong, the next message starts on a fresh connection
        return fate, error
    return None


class NothingSent(Exception):
    """The e-mail backend returned without sending (it counted 0 messages) and without an error."""


def record(mail, fate, error):
    text = f"{type(error).__name__}: {error}"[:300]
    if fate is Fate.UNCERTAIN and mail.once:
        mail.status = OutgoingMail.Status.UNSURE
        logger.warning("Outgoing e-mail %s to %s may have arrived (%s); not sent again", mail.pk, mail.to, text)
    elif fate.final or mail.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        mail.status = OutgoingMail.Status.FAILED
        logger.error("Outgoing e-mail %s to %s failed for good: %s", mail.pk, mail.to, text)
        if fate is Fate.BOUNCED:
            address_bounced.send(sender=OutgoingMail, address=mail.to, detail=text)
    else:
        mail.status = OutgoingMail.Status.QUEUED
        mail.next_attempt_at = timezone.now() + timedelta(
            seconds=backoff(settings.OUTBOX_RETRY_BASE_SECONDS, mail.attempts)
        )
        logger.warning("Outgoing e-mail %s to %s: %s (%s); tried again later", mail.pk, mail.to, text, fate.value)
    mail.last_error = text
    mail.claimed_until = None
    # Only while the claim is still this process's: one that took it over decides from here on.
    OutgoingMail.objects.filter(pk=mail.pk, claimed_by=mail.claimed_by).update(
        status=mail.status,
        attempts=mail.attempts,
        next_attempt_at=mail.next_attempt_at,
        last_error=text,
        claimed_until=None,
    )
