"""Per issue: recipients, sent, failed, uncertain, bounced and unsubscribes, in one query.

Unsubscribes are readers of the issue who left its list after it went out and before the next
issue of that list did. There are no tracking pixels: opens are not counted.
"""

from datetime import UTC, datetime

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from .models import Delivery, Mailing, Subscription

FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)


def with_figures(mailings):
    status = "deliveries__status"
    next_start = (
        Mailing.objects.filter(newsletter_id=OuterRef("newsletter_id"), started_at__gt=OuterRef("started_at"))
        .order_by("started_at")
        .values("started_at")[:1]
    )
    left = (
        Subscription.objects.filter(
            newsletter_id=OuterRef("newsletter_id"),
            status=Subscription.Status.UNSUBSCRIBED,
            unsubscribed_at__gte=OuterRef("started_at"),
            unsubscribed_at__lt=Coalesce(OuterRef("next_start"), Value(FAR_FUTURE)),
            subscriber__deliveries__mailing_id=OuterRef("pk"),
        )
        .order_by()
        .values("newsletter_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return mailings.annotate(
        recipients=Count("deliveries"),
        sent=Count("deliveries", filter=Q(**{status: Delivery.Status.SENT})),
        failed=Count("deliveries", filter=Q(**{status: Delivery.Status.FAILED})),
        uncertain=Count("deliveries", filter=Q(**{status: Delivery.Status.UNCERTAIN})),
        waiting=Count(
            "deliveries", filter=Q(**{f"{status}__in": [Delivery.Status.QUEUED, Delivery.Status.HANDING_OVER]})
        ),
        skipped=Count("deliveries", filter=Q(**{status: Delivery.Status.SKIPPED})),
        bounced=Count("deliveries", filter=Q(deliveries__bounced_at__isnull=False)),
        next_start=Subquery(next_start),
    ).annotate(unsubscribes=Coalesce(Subquery(left, output_field=IntegerField()), 0))
