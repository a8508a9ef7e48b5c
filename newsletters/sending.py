"""Sending an issue to every subscriber of its list exactly once, in a background worker.

Publishing an issue creates its ``Mailing`` (at most one per issue) and queues
``send_mailing_task`` for the issue's send time. The worker then:

1. takes the mailing's *lease*, so only one worker sends it at a time. A worker that dies stops
   renewing the lease; once it runs out, another worker may take over;
2. records one ``Delivery`` per confirmed subscriber, once, in one transaction;
3. sends in batches over one reused connection of Django's e-mail backend (SMTP, or an
   e-mail service provider through django-anymail), at most ``NEWSLETTER_SEND_RATE`` a second.

Each delivery (``Delivery.Status``) is recorded *before* it is handed to the backend
(``HANDING_OVER``) and *after* (``SENT``, or ``QUEUED`` again with a back-off for a temporary
error, or ``FAILED``). A worker killed at any moment therefore leaves every delivery in a state
that says what to do: ``QUEUED`` was never handed over and is sent by the next worker; ``SENT`` is
done; and the one ``HANDING_OVER`` delivery (the message in the worker's hands when it died) may
or may not have gone out, so it is marked ``UNCERTAIN`` and never sent again automatically. Nobody gets a
message twice, and every delivery the worker had not started goes out exactly once.
"""

import logging
import time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import sanitize_address
from django.db import connections, transaction
from django.db.models import Exists, Min, OuterRef, Q
from django.db.models.functions import Now
from django.utils import timezone
from django_tasks import task

from core.http.fragments import bump_content_version
from core.http.purging import page_changed
from outbox import fate
from outbox.claims import claim, database_time, worker_token
from outbox.fate import Fate
from outbox.signals import address_bounced
from outbox.smtp import content_sent

from .email import IssueRenderer, Recipient
from .models import Delivery, Mailing, Subscriber, Subscription, Suppression

logger = logging.getLogger(__name__)


@task(backend="newsletters")
def send_mailing_task(mailing_id):
    return send_mailing(mailing_id)


def schedule(page, revision):
    """Create (or, while it has not started, update) the mailing of a just-published issue."""
    send_after = page.send_at or timezone.now()
    mailing, created = Mailing.objects.get_or_create(
        page=page, defaults={"newsletter": page.newsletter, "revision": revision, "send_after": send_after}
    )
    if not created:
        if mailing.started_at:  # republishing a sent issue corrects its web version only
            return mailing
        mailing.revision, mailing.send_after, mailing.newsletter = revision, send_after, page.newsletter
        mailing.save(update_fields=["revision", "send_after", "newsletter"])
    transaction.on_commit(lambda: queue(mailing))
    return mailing


def queue(mailing, run_after=None):
    run_after = run_after or mailing.send_after
    job = send_mailing_task
    if run_after > timezone.now():
        if not job.get_backend().supports_defer:
            return None  # `send_newsletters` picks it up once it is due
        job = job.using(run_after=run_after)
    return job.enqueue(mailing.pk)


def resume_due(enqueue=True):
    """Queue every mailing that is due and not finished, and whose worker (if any) has gone.

    Run by ``manage.py send_newsletters`` when the worker starts and from cron, so a mailing
    whose worker was killed, or whose queued task was lost, is picked up again.
    """
    now = timezone.now()
    due = Mailing.objects.exclude(status=Mailing.Status.DONE).filter(send_after__lte=database_time(DUE_MARGIN))
    due = due.filter(Q(lease_until__isnull=True) | Q(lease_until__lt=Now()))
    # Work to do now: not started, a delivery due, or one a dead worker left half-way. Not when
    # all that is left waits for a retry later (that is queued for its time already).
    deliveries = Delivery.objects.filter(mailing_id=OuterRef("pk"))
    ready = deliveries.filter(status=Delivery.Status.QUEUED).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=Now())
    )
    left = deliveries.filter(status=Delivery.Status.HANDING_OVER)
    due = due.filter(Q(started_at__isnull=True) | Exists(ready) | Exists(left))
    mailings = list(due.select_related("page"))
    if enqueue:
        for mailing in mailings:
            queue(mailing, run_after=now)
    return mailings


class Throttle:
    """At most ``rate`` messages a second (0: no limit)."""

    def __init__(self, rate, clock=time.monotonic, sleep=time.sleep):
        self.interval = 1 / rate if rate else 0
        self.clock, self.sleep = clock, sleep
        self.next_at = None

    def wait(self):
        if not self.interval:
            return
        now = self.clock()
        if self.next_at is not None and now < self.next_at:
            self.sleep(self.next_at - now)
            now = self.next_at
        self.next_at = now + self.interval


def backoff(attempts):
    """Seconds to wait before attempt ``attempts + 1``: the base, doubled after each attempt."""
    return fate.backoff(settings.NEWSLETTER_RETRY_BASE_SECONDS, attempts)


# A send time is written by a web host's clock and compared with the database's, which on SQLite
# counts milliseconds only: "now" on the host can be a fraction ahead of "now" in the database.
# A mailing counts as due this much early, so "send now" is never "not yet".
DUE_MARGIN = 1


def longest_message_seconds():
    """How long handing over one message may take: the throttle's pause plus the backend's timeout."""
    rate = settings.NEWSLETTER_SEND_RATE
    return (1 / rate if rate else 0) + (settings.EMAIL_TIMEOUT or 0)


def lease_problem():
    """Why these settings cannot keep a lease while sending, or None.

    The lease is renewed before a message once a third of it has passed, so the longest stretch
    without renewal is a third of the lease plus one message. That must fit in the lease with
    room to spare, or a slow message would let another worker take over a live one.
    """
    lease = settings.NEWSLETTER_LEASE_SECONDS
    if settings.EMAIL_TIMEOUT is None:
        return "EMAIL_TIMEOUT is not set, so one hung call to the mail server could outlast any lease."
    needed = longest_message_seconds() * 3 / 2
    if lease <= needed:
        return (
            f"NEWSLETTER_LEASE_SECONDS={lease} is too short: one message may take {longest_message_seconds():g} s "
            f"(EMAIL_TIMEOUT plus the pause of NEWSLETTER_SEND_RATE), so the lease must be over {needed:g} s."
        )
    return None


def batch_size():
    """Deliveries claimed at a time: ``NEWSLETTER_BATCH_SIZE``, or what half a lease can send at the rate."""
    rate = settings.NEWSLETTER_SEND_RATE
    if not rate:
        return settings.NEWSLETTER_BATCH_SIZE
    return max(1, min(settings.NEWSLETTER_BATCH_SIZE, int(rate * settings.NEWSLETTER_LEASE_SECONDS / 2)))


# The "before" of one message and the "after" of the previous one, in one statement. Each part
# holds only for a delivery this worker claimed; the "before" also needs the delivery still
# waiting and the mailing's lease still this worker's. RETURNING tells which parts held.
HAND_OVER_SQL = (
    "{relaxed}UPDATE {delivery} SET "
    "status = CASE WHEN id = %s THEN %s ELSE %s END, "
    "attempts = CASE WHEN id = %s THEN attempts + 1 ELSE attempts END, "
    "sent_at = CASE WHEN id = %s THEN sent_at ELSE %s END, "
    "message_id = CASE WHEN id = %s THEN message_id ELSE %s END "
    "WHERE claimed_by = %s AND ("
    "(id = %s AND status = %s AND EXISTS (SELECT 1 FROM {mailing} WHERE id = %s AND lease_token = %s)) "
    "OR (id = %s AND status IN (%s, %s))"
    "){relaxed_used} RETURNING id"
)
# PostgreSQL with NEWSLETTER_ASYNC_COMMIT: set_config(..., true) is SET LOCAL, for this statement's
# transaction only, so nothing leaks to other clients through a transaction-mode pooler.
RELAXED = {
    "relaxed": "WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)) ",
    "relaxed_used": " AND EXISTS (SELECT 1 FROM relaxed)",
}


PREPARE_SQL = (
    "INSERT INTO {delivery} (mailing_id, subscriber_id, status, attempts, last_error, message_id, claimed_by) "
    "SELECT %s, subscriber_id, %s, 0, '', '', '' FROM {subscription} "
    "WHERE newsletter_id = %s AND status = %s ORDER BY subscriber_id"
)


class LeaseLost(Exception):
    """Another worker holds the mailing now: this one stops at once."""


class Sender:
    def __init__(self, mailing, token, *, throttle=None, connection=None, clock=time.monotonic):
        self.mailing = mailing
        self.token = token
        self.renderer = IssueRenderer(mailing.revision.as_object())
        self.throttle = throttle or Throttle(settings.NEWSLETTER_SEND_RATE)
        self.connection = connection or get_connection(fail_silently=False)
        self.personalise = self.renderer.issue.personalise
        self.accepted = None  # (delivery id, time, message id) of a message accepted but not yet recorded
        self.smtp = isinstance(self.connection, SMTPBackend)
        self.from_address = sanitize_address(settings.NEWSLETTER_FROM_EMAIL, "utf-8")
        self.clock = clock
        self.renewed_at = clock()
        database = connections[Delivery.objects.db]
        self.database = database
        # PostgreSQL: commits of delivery records may return before they are flushed to disk
        # (see docs/newsletters.md).
        relaxed = database.vendor == "postgresql" and settings.NEWSLETTER_ASYNC_COMMIT
        quote = database.ops.quote_name
        self.hand_over_sql = HAND_OVER_SQL.format(
            delivery=quote(Delivery._meta.db_table),
            mailing=quote(Mailing._meta.db_table),
            **(RELAXED if relaxed else dict.fromkeys(RELAXED, "")),
        )

    def run(self):
        self.connection.open()
        try:
            while True:
                batch = self.claim_batch()
                if not batch:
                    return self.finish()
                for recipient in self.recipients(batch):
                    self.deliver(recipient)
                self.record_accepted()
        except LeaseLost:
            logger.warning("Mailing %s: lease lost to another worker; %s stops", self.mailing.pk, self.token)
            return "lease lost"
        finally:
            self.record_accepted()
            self.connection.close()

    def holds_lease(self):
        return Mailing.objects.filter(pk=self.mailing.pk, lease_token=self.token)

    def renew_lease(self):
        """Push the lease on, by the database's clock; LeaseLost when another worker has it now."""
        renewed = self.holds_lease().update(lease_until=database_time(settings.NEWSLETTER_LEASE_SECONDS))
        if renewed != 1:
            raise LeaseLost
        self.renewed_at = self.clock()

    def keep_lease(self):
        """Renew the lease once a third of it has passed (checked before each message)."""
        if self.clock() - self.renewed_at >= settings.NEWSLETTER_LEASE_SECONDS / 3:
            self.renew_lease()

    def claim_batch(self):
        """Claim the next due deliveries for this worker, while it holds the lease.

        A claim is a mark, not a lock: a worker that takes the lease over claims whatever is still
        waiting, and only the claimant may hand a delivery over (``HAND_OVER_SQL``).
        """
        self.renew_lease()
        with transaction.atomic():
            if not self.holds_lease().select_for_update().exists():
                raise LeaseLost
            due = self.mailing.deliveries.filter(status=Delivery.Status.QUEUED).filter(
                Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=Now())
            )
            ids = claim(due, self.token, batch_size())
        rows = Delivery.objects.filter(pk__in=ids, claimed_by=self.token).order_by("pk")
        return list(rows.values_list("pk", "subscriber_id", "subscriber__email", "subscriber__name"))

    def mine(self, *delivery_ids):
        return Delivery.objects.filter(pk__in=delivery_ids, claimed_by=self.token)

    def recipients(self, batch):
        """The batch's recipients, after skipping addresses that left the list or were suppressed."""
        subscriber_ids = [row[1] for row in batch]
        active = set(
            Subscription.objects.filter(
                newsletter_id=self.mailing.newsletter_id,
                subscriber_id__in=subscriber_ids,
                status=Subscription.Status.CONFIRMED,
            ).values_list("subscriber_id", flat=True)
        )
        suppressed = set(
            Suppression.objects.filter(email__in=[row[2] for row in batch]).values_list("email", flat=True)
        )
        themes, provinces = {}, {}
        if self.personalise:
            for through, field, found in (
                (Subscriber.themes.through, "theme_id", themes),
                (Subscriber.provinces.through, "province_id", provinces),
            ):
                rows = through.objects.filter(subscriber_id__in=subscriber_ids).values_list("subscriber_id", field)
                for subscriber_id, value in rows:
                    found.setdefault(subscriber_id, set()).add(value)
        skipped = []
        for delivery_id, subscriber_id, email, name in batch:
            if subscriber_id is None or subscriber_id not in active or email in suppressed:
                skipped.append(delivery_id)
                continue
            yield Recipient(
                subscriber_id,
                email,
                name,
                frozenset(themes.get(subscriber_id, ())),
                delivery_id,
                frozenset(provinces.get(subscriber_id, ())),
            )
        if skipped:
            self.mine(*skipped).filter(status=Delivery.Status.QUEUED).update(
                status=Delivery.Status.SKIPPED, last_error="unsubscribed or suppressed before sending"
            )

    def deliver(self, recipient):
        wire = self.renderer.wire(recipient) if self.smtp else None
        message = None if wire else self.renderer.message(recipient, self.connection)
        if self.smtp:
            # Before the hand-over: failing to connect sends nothing. (Re)opens a connection that
            # was closed after an error, or by smtplib itself after a 421.
            self.connection.open()
        self.keep_lease()
        self.throttle.wait()
        self.hand_over(recipient.delivery_id)
        try:
            if wire:
                # Django's SMTP backend keeps the connection (TLS, login); the bytes are ready.
                self.connection.connection.sendmail(self.from_address, [recipient.email], wire)
                message_id = self.renderer.message_id(recipient.delivery_id)
            else:
                self.connection.send_messages([message])
                status = getattr(message, "anymail_status", None)
                message_id = (status and status.message_id) or message.extra_headers.get("Message-ID", "")
        except Exception as error:  # every backend error is recorded on the delivery, never lost
            self.record_error(recipient, error)
            return
        self.accepted = (recipient.delivery_id, timezone.now(), str(message_id)[:200])

    def hand_over(self, delivery_id):
        """Before: mark this delivery HANDING_OVER and the previous accepted one SENT, in one statement.

        Recording the previous message's "after" together with this one's "before" halves the
        writes, and keeps at most one delivery per worker HANDING_OVER at any moment. The "before"
        holds only while this worker still holds the lease and the delivery is still waiting:
        otherwise nothing is handed over and the worker stops (LeaseLost).
        """
        previous, sent_at, message_id = self.accepted or (0, None, "")
        sent_at = self.database.ops.adapt_datetimefield_value(sent_at)
        with self.database.cursor() as cursor:  # one prepared statement: the ORM's Case() costs more than the write
            cursor.execute(
                self.hand_over_sql,
                [
                    delivery_id,
                    Delivery.Status.HANDING_OVER,
                    Delivery.Status.SENT,
                    delivery_id,
                    delivery_id,
                    sent_at,
                    delivery_id,
                    message_id,
                    self.token,
                    delivery_id,
                    Delivery.Status.QUEUED,
                    self.mailing.pk,
                    self.token,
                    previous,
                    Delivery.Status.HANDING_OVER,
                    Delivery.Status.UNCERTAIN,
                ],
            )
            changed = {row[0] for row in cursor.fetchall()}
        self.accepted = None
        if delivery_id not in changed:
            raise LeaseLost

    def record_accepted(self):
        """After: the last accepted message, when no next one carries its record."""
        if self.accepted is not None:
            delivery_id, sent_at, message_id = self.accepted
            self.mine(delivery_id).filter(status__in=[Delivery.Status.HANDING_OVER, Delivery.Status.UNCERTAIN]).update(
                status=Delivery.Status.SENT, sent_at=sent_at, message_id=message_id
            )
            self.accepted = None

    def record_error(self, recipient, error):
        """What became of a message whose hand-over raised (``outbox.fate``): never taken (sent
        again, at once the first time), refused for now (again after a back-off), refused for good
        (failed; a bounced address is suppressed), or cut off after its content went (uncertain:
        it may have arrived, so it is never sent again automatically)."""
        delivery = self.mine(recipient.delivery_id)
        attempts = delivery.values_list("attempts", flat=True).first() or 1
        text = f"{type(error).__name__}: {error}"[:300]
        outcome = fate.fate_of(error, content_sent(self.connection))
        if outcome is Fate.UNCERTAIN:
            delivery.update(status=Delivery.Status.UNCERTAIN, last_error=text)
        elif outcome.final or attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
            delivery.update(status=Delivery.Status.FAILED, last_error=text)
            if outcome is Fate.BOUNCED:
                address_bounced.send(sender=Delivery, address=recipient.email, detail=text)
        else:
            # Never taken: due again at once, on a fresh connection; after that, like "not now".
            again = None if outcome is Fate.NOT_SENT and attempts == 1 else database_time(backoff(attempts))
            delivery.update(status=Delivery.Status.QUEUED, next_attempt_at=again, last_error=text)
        logger.info("Mailing %s to %s: %s (%s)", self.mailing.pk, recipient.email, text, outcome.value)
        if outcome in (Fate.NOT_SENT, Fate.UNCERTAIN):
            # The connection is broken, not just this message refused: the next one opens a fresh one.
            self.connection.close()

    def finish(self):
        waiting = self.mailing.deliveries.filter(status=Delivery.Status.QUEUED).aggregate(at=Min("next_attempt_at"))
        if self.holds_lease().update(lease_token="", lease_until=None) != 1:
            raise LeaseLost
        if waiting["at"]:
            transaction.on_commit(lambda: queue(self.mailing, run_after=waiting["at"]))
            return "retrying later"
        Mailing.objects.filter(pk=self.mailing.pk).update(status=Mailing.Status.DONE, finished_at=timezone.now())
        return "done"


def take_lease(mailing_id, token):
    """Take the mailing when it is due and nobody holds it (by the database's clock)."""
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=Now())
    due = Q(send_after__lte=database_time(DUE_MARGIN))
    available = Mailing.objects.filter(free, due, pk=mailing_id).exclude(status=Mailing.Status.DONE)
    until = database_time(settings.NEWSLETTER_LEASE_SECONDS)
    return available.update(lease_token=token, lease_until=until, status=Mailing.Status.SENDING) == 1


def prepare(mailing):
    """Record one delivery per confirmed subscriber, once (all or nothing)."""
    with transaction.atomic():
        if Mailing.objects.filter(pk=mailing.pk, started_at__isnull=True).update(started_at=timezone.now()) == 0:
            return
        transaction.on_commit(lambda: went_out(mailing))
        # One INSERT ... SELECT: no row passes through Python, so memory stays flat as lists grow.
        connection = connections[Delivery.objects.db]
        with connection.cursor() as cursor:
            cursor.execute(
                PREPARE_SQL.format(
                    delivery=connection.ops.quote_name(Delivery._meta.db_table),
                    subscription=connection.ops.quote_name(Subscription._meta.db_table),
                ),
                [mailing.pk, Delivery.Status.QUEUED, mailing.newsletter_id, Subscription.Status.CONFIRMED],
            )


def went_out(mailing):
    """The issue is public from now on (web version, archive, feed, search): what was cached
    without it is stale, here and in a shared cache in front."""
    bump_content_version()
    page_changed(Mailing, mailing.page.specific)


def send_mailing(mailing_id, **options):
    """Send (or go on sending) one mailing. Returns what happened, for the task's result."""
    problem = lease_problem()
    if problem:
        raise ImproperlyConfigured(problem)
    token = worker_token()
    if not take_lease(mailing_id, token):
        return "not due, finished, or in another worker's hands"
    mailing = Mailing.objects.select_related("revision", "newsletter").get(pk=mailing_id)
    # A delivery left 'bezig' by another worker belonged to one that died (or stalled past its
    # lease) while handing it over: it may have gone out, so it is never sent again automatically.
    mailing.deliveries.filter(status=Delivery.Status.HANDING_OVER).exclude(claimed_by=token).update(
        status=Delivery.Status.UNCERTAIN, last_error="the worker stopped while handing this message over"
    )
    prepare(mailing)
    return Sender(mailing, token, **options).run()
