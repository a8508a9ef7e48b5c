"""Publishing an issue schedules its sending; the provider's reports and the mail server's
refusals suppress bad addresses.

Werkplaats editors cannot publish: they submit an issue for moderation, and publishing (the
moderator's approval) is what schedules the mailing. See core.permissions.
"""

from anymail.signals import tracking
from django.db.models import Max
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published

from outbox.signals import address_bounced

from .models import Delivery, NewsletterPage, Subscription, Suppression
from .sending import schedule

SUPPRESSING_EVENTS = {
    "bounced": Suppression.Reason.BOUNCED,
    "complained": Suppression.Reason.COMPLAINED,
    "rejected": Suppression.Reason.REJECTED,
}


@receiver(page_published, sender=NewsletterPage)
def schedule_issue(sender, instance, revision, **kwargs):
    if instance.locale.language_code == "nl":  # a translation is a web version, not a second mailing
        schedule(instance, revision)


@receiver(tracking)
def handle_tracking_event(sender, event, esp_name, **kwargs):
    """anymail's normalised webhook events: hard bounces and complaints stop all future mail."""
    email = (event.recipient or "").strip().lower()
    if not email:
        return
    if event.event_type == "unsubscribed":
        Subscription.objects.filter(subscriber__email=email).exclude(status=Subscription.Status.UNSUBSCRIBED).update(
            status=Subscription.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now()
        )
        return
    reason = SUPPRESSING_EVENTS.get(event.event_type)
    if reason is None:
        return
    detail = f"{esp_name}: {event.description or event.mta_response or ''}"[:300]
    Suppression.objects.get_or_create(email=email, defaults={"reason": reason, "detail": detail})
    deliveries = Delivery.objects.filter(subscriber__email=email, status=Delivery.Status.SENT)
    matched = deliveries.filter(message_id=event.message_id) if event.message_id else deliveries.none()
    if not matched.exists():  # providers that do not echo our id: the latest message to that address
        latest = deliveries.aggregate(pk=Max("pk"))["pk"]
        matched = Delivery.objects.filter(pk=latest)
    matched.filter(bounced_at__isnull=True).update(bounced_at=timezone.now())


@receiver(address_bounced)
def suppress_bounced_address(sender, address, detail, **kwargs):
    """The mail server refused an address for good (a 5xx to the recipient): no more mail to it."""
    Suppression.objects.get_or_create(
        email=address.strip().lower(), defaults={"reason": Suppression.Reason.BOUNCED, "detail": detail[:300]}
    )
