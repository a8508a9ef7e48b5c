"""Double opt-in: a request creates pending subscriptions and e-mails a link; a POST confirms them.

Whatever the address, the person filling in the form sees the same answer: a new address gets a
confirmation link, one with lists still to confirm gets the link again, and one that already has
every list it asked for gets a note saying so. Only the mailbox's owner learns which it was. An
unauthenticated form never changes an existing subscriber's interests.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from core.base_url import absolute
from core.http.fragments import bump_content_version
from core.http.ratelimit import too_many
from core.tokens import make_token, read_token
from outbox import sending as outbox

from .models import Subscriber, Subscription

CONFIRM_SALT = "newsletters.confirm"
PREFERENCES_SALT = "newsletters.preferences"
UNSUBSCRIBE_SALT = "newsletters.unsubscribe"


def too_many_attempts(request):
    """At most NEWSLETTER_RATE_LIMIT form posts per client in the rate window (core.http.ratelimit)."""
    return too_many(request, "newsletters", settings.NEWSLETTER_RATE_LIMIT, settings.NEWSLETTER_RATE_WINDOW)


def address_mark(email):
    """A keyed fingerprint of the address: a token stops working when the address changes, and
    carries nothing that reveals it (links end up in access logs and mail scanners)."""
    return salted_hmac("newsletters.address", email.strip().lower()).hexdigest()[:16]


def _payload(subscriber_id, email, **extra):
    return {"s": subscriber_id, "a": address_mark(email), **extra}


def _matches(data, email):
    """Whether the token ``data`` belongs to ``email``. Tokens made before the fingerprint carried the
    address itself ("e"); they keep working until they expire."""
    if "a" in data:
        return constant_time_compare(str(data["a"]), address_mark(email))
    return "e" in data and data["e"] == email


def confirm_token(subscriber):
    return make_token(_payload(subscriber.pk, subscriber.email), CONFIRM_SALT)


def _subscriber(token, salt, max_age):
    data = read_token(token, salt, max_age)
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        return None
    subscriber = Subscriber.objects.filter(pk=data["s"]).first()
    return subscriber if subscriber is not None and _matches(data, subscriber.email) else None


def subscriber_from_token(token):
    return _subscriber(token, CONFIRM_SALT, settings.NEWSLETTER_CONFIRM_MAX_AGE)


def preferences_token(subscriber):
    return sign_preferences(subscriber.pk, subscriber.email)


def sign_preferences(subscriber_id, email):
    return make_token(_payload(subscriber_id, email), PREFERENCES_SALT)


def subscriber_from_preferences_token(token):
    return _subscriber(token, PREFERENCES_SALT, settings.NEWSLETTER_PREFERENCES_MAX_AGE)


def preferences_url(subscriber, page, request):
    return absolute(page.url + page.reverse_subpage("preferences", args=[preferences_token(subscriber)]))


def save_preferences(subscriber, data):
    """Apply the preference centre: interests, and the lists ticked (confirmed at once) or not (left)."""
    now = timezone.now()
    with transaction.atomic():
        subscriber.name = data.get("name", "").strip()
        subscriber.save(update_fields=["name"])
        subscriber.themes.set(data.get("themes", []))
        subscriber.provinces.set(data.get("provinces", []))
        subscriber.youth_regions.set(data.get("youth_regions", []))
        wanted = {newsletter.pk for newsletter in data.get("lists", [])}
        for newsletter_id in wanted:
            # The link came from this subscriber's own mailbox: that is the confirmation.
            subscription, _created = Subscription.objects.get_or_create(
                subscriber=subscriber, newsletter_id=newsletter_id
            )
            if subscription.status != Subscription.Status.CONFIRMED:
                subscription.status, subscription.confirmed_at = Subscription.Status.CONFIRMED, now
                subscription.save(update_fields=["status", "confirmed_at"])
        subscriber.subscriptions.exclude(newsletter_id__in=wanted).exclude(
            status=Subscription.Status.UNSUBSCRIBED
        ).update(status=Subscription.Status.UNSUBSCRIBED, unsubscribed_at=now)


def unsubscribe_token(subscription):
    return sign_unsubscribe(subscription.subscriber_id, subscription.subscriber.email, subscription.newsletter_id)


def sign_unsubscribe(subscriber_id, email, newsletter_id):
    return make_token(_payload(subscriber_id, email, l=newsletter_id), UNSUBSCRIBE_SALT)


def subscription_from_unsubscribe_token(token):
    data = read_token(token, UNSUBSCRIBE_SALT, settings.NEWSLETTER_PREFERENCES_MAX_AGE)
    if not isinstance(data, dict) or not isinstance(data.get("s"), int) or not isinstance(data.get("l"), int):
        return None
    subscription = (
        Subscription.objects.select_related("subscriber", "newsletter")
        .filter(subscriber_id=data["s"], newsletter_id=data["l"])
        .first()
    )
    return subscription if subscription is not None and _matches(data, subscription.subscriber.email) else None


def unsubscribe(subscription):
    if subscription.status != Subscription.Status.UNSUBSCRIBED:
        subscription.status, subscription.unsubscribed_at = Subscription.Status.UNSUBSCRIBED, timezone.now()
        subscription.save(update_fields=["status", "unsubscribed_at"])


def unsubscribe_all(subscriber):
    subscriber.subscriptions.exclude(status=Subscription.Status.UNSUBSCRIBED).update(
        status=Subscription.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now()
    )


def personal_data(subscriber):
    """Everything Wiel keeps about a subscriber (AVG: the right of access)."""
    return {
        "email": subscriber.email,
        "name": subscriber.name,
        "first_subscribed": subscriber.created_at.isoformat(),
        "consent": {"text": subscriber.consent_text, "given_at": subscriber.consent_at.isoformat()},
        "themes": [theme.name for theme in subscriber.themes.all()],
        "provinces": [province.name for province in subscriber.provinces.all()],
        "jeugdregios": [region.name for region in subscriber.youth_regions.all()],
        "subscriptions": [
            {
                "newsletter": subscription.newsletter.name,
                "status": subscription.status,
                "requested_at": subscription.requested_at.isoformat(),
                "confirmed_at": subscription.confirmed_at.isoformat() if subscription.confirmed_at else None,
                "unsubscribed_at": subscription.unsubscribed_at.isoformat() if subscription.unsubscribed_at else None,
            }
            for subscription in subscriber.subscriptions.select_related("newsletter")
        ],
    }


def request_subscription(data, consent_text, page, request):
    email = data["email"].strip().lower()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.get_or_create(
            email=email,
            defaults={"name": data.get("name", "").strip(), "consent_text": consent_text, "consent_at": timezone.now()},
        )
        if created:
            subscriber.themes.set(data.get("themes", []))
            subscriber.provinces.set(data.get("provinces", []))
            subscriber.youth_regions.set(data.get("youth_regions", []))
        pending = []
        for newsletter in data["lists"]:
            subscription, _created = Subscription.objects.get_or_create(subscriber=subscriber, newsletter=newsletter)
            if subscription.status != Subscription.Status.CONFIRMED:
                # Asked (again) now: a new link goes out, and the request counts from today
                # (erase_unconfirmed_subscribers).
                subscription.status, subscription.requested_at = Subscription.Status.PENDING, timezone.now()
                subscription.save(update_fields=["status", "requested_at"])
                pending.append(newsletter)
        # In the same transaction: a saved request always has its e-mail waiting in the outbox,
        # and the worker sends it, with retries, whatever the mail server does right now.
        _queue_request_mail(subscriber, pending, page, request)
    return subscriber


def _queue_request_mail(subscriber, pending, page, request):
    context = {
        "subscriber": subscriber,
        "pending": pending,
        "site_url": absolute("/"),
        "preferences_url": preferences_url(subscriber, page, request),
    }
    if pending:
        path = page.url + page.reverse_subpage("confirm", args=[confirm_token(subscriber)])
        context["confirm_url"] = absolute(path)
        context["days"] = settings.NEWSLETTER_CONFIRM_MAX_AGE // 86400
        subject = _("Confirm your subscription to the Wiel newsletters")
    else:
        subject = _("You are already subscribed to these Wiel newsletters")
    text = render_to_string("newsletters/email/request.txt", context)
    outbox.queue(EmailMessage(str(subject), text, settings.DEFAULT_FROM_EMAIL, [subscriber.email]))


def erase(subscriber):
    """Erase a subscriber at their own request: their record and subscriptions, any e-mail still
    waiting for them, and every cached page (a copy kept before could hold their address)."""
    address = subscriber.email
    with transaction.atomic():
        subscriber.delete()  # subscriptions go with it
        outbox.forget(address)
    bump_content_version()


def confirm(subscriber, newsletter_ids):
    """Confirm the chosen pending lists; returns those confirmed now."""
    now = timezone.now()
    pending = subscriber.subscriptions.filter(status=Subscription.Status.PENDING, newsletter_id__in=newsletter_ids)
    confirmed = list(pending.select_related("newsletter"))
    pending.update(status=Subscription.Status.CONFIRMED, confirmed_at=now)
    return [subscription.newsletter for subscription in confirmed]
