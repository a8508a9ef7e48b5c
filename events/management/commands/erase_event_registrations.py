"""Erase registrants' personal data a set number of months after their event (AVG/GDPR).

Run daily (cron or the task worker). The number of months is EVENT_REGISTRATION_RETENTION_MONTHS.
Before the registrations go, their counts are kept per event (``EventTally``: registered, on the
waiting list, attended), in the same transaction, so the year's figures stay right.
"""

import calendar

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from events.models import EventTally, Registration


def months_before(moment, months):
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


class Command(BaseCommand):
    help = "Delete the registrations of events that ended more than EVENT_REGISTRATION_RETENTION_MONTHS ago."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be erased.")

    def handle(self, dry_run=False, **options):
        months = settings.EVENT_REGISTRATION_RETENTION_MONTHS
        cutoff = months_before(timezone.now(), months)
        expired = Registration.objects.filter(event__end__lt=cutoff)
        count = expired.count()
        if dry_run:
            self.stdout.write(f"{count} registration(s) of events that ended before {cutoff:%Y-%m-%d} would be erased")
            return
        with transaction.atomic():
            keep_tallies(expired)
            expired.delete()
        self.stdout.write(
            self.style.SUCCESS(f"Erased {count} registration(s) of events that ended before {cutoff:%Y-%m-%d}")
        )


def keep_tallies(registrations):
    """Keep the counts of ``registrations`` per event, before they are erased."""
    confirmed = Q(status=Registration.Status.CONFIRMED)
    counts = (
        registrations.order_by()
        .values("event_id")
        .annotate(
            registered=Count("pk", filter=confirmed),
            waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
            recorded=Count("pk", filter=confirmed & Q(attended__isnull=False)),
            attended=Count("pk", filter=confirmed & Q(attended=True)),
        )
    )
    for row in counts:
        EventTally.objects.update_or_create(
            event_id=row["event_id"],
            defaults={
                "registered": row["registered"],
                "waiting": row["waiting"],
                "attended": row["attended"] if row["recorded"] else None,
                "recorded_at": timezone.now(),
            },
        )
