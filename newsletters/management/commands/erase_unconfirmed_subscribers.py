"""Erase the addresses that asked for a newsletter but never confirmed (AVG/GDPR: keep no more than needed).

A subscriber none of whose subscriptions was ever confirmed, and whose last request is older than
the confirmation link's lifetime (NEWSLETTER_CONFIRM_MAX_AGE), is deleted with everything kept
about them. Run by the scheduler every hour (core/jobs.py).
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from newsletters.models import Subscriber, Subscription


def unconfirmed(now=None):
    """Subscribers who never confirmed a list and whose confirmation links have all expired."""
    cutoff = (now or timezone.now()) - datetime.timedelta(seconds=settings.NEWSLETTER_CONFIRM_MAX_AGE)
    ever_confirmed = Q(subscriptions__status__in=[Subscription.Status.CONFIRMED, Subscription.Status.UNSUBSCRIBED])
    return (
        Subscriber.objects.exclude(ever_confirmed)
        .annotate(last_request=Max("subscriptions__requested_at"))
        .filter(Q(last_request__lt=cutoff) | Q(last_request__isnull=True, created_at__lt=cutoff))
    )


class Command(BaseCommand):
    help = "Delete subscribers who never confirmed, once their confirmation links have expired."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be erased.")

    def handle(self, dry_run=False, **options):
        with transaction.atomic():
            ids = list(unconfirmed().values_list("pk", flat=True))
            if dry_run:
                self.stdout.write(f"{len(ids)} unconfirmed subscriber(s) would be erased")
                return
            Subscriber.objects.filter(pk__in=ids).delete()
        self.stdout.write(self.style.SUCCESS(f"Erased {len(ids)} unconfirmed subscriber(s)"))
