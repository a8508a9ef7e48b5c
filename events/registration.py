"""Registering for an event: places, the waiting list, cancelling, and the e-mails that go with them.

Capacity is never exceeded, also when many people take the last places at once: each
registration and each cancellation first locks the event's row (``SELECT ... FOR UPDATE`` on
PostgreSQL; SQLite serialises writers itself), counts the confirmed places under that lock,
and only then writes. The database also refuses a second active registration for the same
address. Each e-mail is kept in the outbox in the same transaction and sent by the worker once it
commits (``outbox.sending``): nobody is told about a place that was rolled back, and a place that
was taken always has its e-mail, whatever the mail server does at that moment.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.base_url import absolute
from core.tokens import make_token, read_token
from outbox import sending as outbox

from . import ical
from .models import EventPage, Registration

CANCEL_SIGNING_NAMESPACE = "events.registration.cancel"


class RegistrationClosed(Exception):
    pass


class MoveRefused(Exception):
    """Why a registration cannot move to the event asked for; the message says it to the editor."""


@dataclass
class Outcome:
    registration: Registration
    created: bool  # False: the address was already registered; we re-sent its details
    # What the page tells whoever sent the form: a place, or a position on the waiting list. For an
    # address that was already registered it is what a new registration would have got at that
    # moment, so the page reveals nothing about who signed up (the e-mail tells its owner the truth).
    status: str = Registration.Status.CONFIRMED
    position: int | None = None


def as_if_new(event):
    """(status, waiting-list position or None) a new registration for ``event`` gets now."""
    taken = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    if taken < (event.capacity or 0):
        return Registration.Status.CONFIRMED, None
    return Registration.Status.WAITING, event.registrations.filter(status=Registration.Status.WAITING).count() + 1


def waiting_position(registration):
    """``registration``'s place on its event's waiting list (1 is the next to move up), or None."""
    if registration.status != Registration.Status.WAITING:
        return None
    ahead = Q(created_at__lt=registration.created_at) | Q(created_at=registration.created_at, pk__lt=registration.pk)
    return registration.event.registrations.filter(ahead, status=Registration.Status.WAITING).count() + 1


def cancel_token(registration):
    return make_token({"r": registration.pk, "e": registration.event_id}, CANCEL_SIGNING_NAMESPACE)


def registration_from_token(event, token):
    """The registration a cancel link stands for, or None when the link is tampered with or expired.

    The link works until the event ends; after that there is nothing to cancel.
    """
    data = read_token(token, CANCEL_SIGNING_NAMESPACE, settings.EVENT_CANCEL_LINK_MAX_AGE)
    if not isinstance(data, dict) or data.get("e") != event.pk or event.is_past:
        return None
    return Registration.objects.filter(pk=data.get("r"), event=event).first()


def _locked_event(event):
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def takes_registrations_by_hand(event):
    """An editor may still add people after the form's deadline, until the event starts."""
    return event.registration_enabled and not event.is_cancelled and timezone.now() < event.start


def register(event, data, request, by_hand=False):
    """Give ``data`` (cleaned form data) a place or a spot on the waiting list. ``by_hand``: an
    editor adds someone who phoned in, which the form's deadline does not stop; the places and the
    waiting list are the same as for everyone."""
    email = data["email"].strip().lower()
    with transaction.atomic():
        locked = _locked_event(event)
        if not (takes_registrations_by_hand(locked) if by_hand else locked.registration_open):
            raise RegistrationClosed
        existing = locked.registrations.exclude(status=Registration.Status.CANCELLED).filter(email=email).first()
        if existing:
            outcome = Outcome(existing, False, *as_if_new(locked))
        else:
            taken = locked.registrations.filter(status=Registration.Status.CONFIRMED).count()
            status = Registration.Status.CONFIRMED if taken < locked.capacity else Registration.Status.WAITING
            try:
                with transaction.atomic():
                    registration = Registration.objects.create(
                        event=locked,
                        name=data["name"].strip(),
                        email=email,
                        organisation=data.get("organisation", "").strip(),
                        role=data.get("role", "").strip(),
                        skj_number=data.get("skj_number", "").strip(),
                        status=status,
                    )
            except IntegrityError:  # the same address, a moment earlier, in another request
                registration = locked.registrations.exclude(status=Registration.Status.CANCELLED).get(email=email)
                outcome = Outcome(registration, False, *as_if_new(locked))
            else:
                outcome = Outcome(registration, True, registration.status, waiting_position(registration))
        kind = "registered" if outcome.created else "reminder"
        queue_mail(outcome.registration, kind, request)
    return outcome


def cancel(registration, request):
    """Cancel a registration; the first on the waiting list moves up if a place came free."""
    with transaction.atomic():
        locked = _locked_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return None
        freed_place = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = None
        if freed_place:
            promoted = promote_from_waiting_list(locked)
        queue_mail(registration, "cancelled", request)
        if promoted:
            queue_mail(promoted, "promoted", request)
    return promoted


def move(registration, target, request):
    """Move ``registration`` to the event ``target``: a place there if one is free, otherwise the end
    of its waiting list, as for anyone registering now. A place it leaves goes to the first on the
    old event's waiting list. Both events are locked (in the order of their ids, so two moves in
    opposite directions cannot wait on each other); the old registration is kept as cancelled.
    Returns (the new registration, whoever moved up in its place or None)."""
    with transaction.atomic():
        events = EventPage.objects.select_for_update(of=("self",)).filter(pk__in=[registration.event_id, target.pk])
        locked = {event.pk: event for event in events.order_by("pk")}
        source, destination = locked[registration.event_id], locked.get(target.pk)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            raise MoveRefused(_("This registration has been cancelled; register the person again instead."))
        if destination is None or destination.pk == source.pk or not takes_registrations_by_hand(destination):
            raise MoveRefused(_("That event takes no registrations."))
        active = destination.registrations.exclude(status=Registration.Status.CANCELLED)
        if active.filter(email=registration.email).exists():
            raise MoveRefused(
                _("%(email)s is already registered for %(title)s.")
                % {"email": registration.email, "title": destination.title}
            )
        status, _position = as_if_new(destination)
        moved = Registration.objects.create(
            event=destination,
            **{
                field: getattr(registration, field) for field in ("name", "email", "organisation", "role", "skj_number")
            },
            status=status,
        )
        freed_place = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        promoted = promote_from_waiting_list(source) if freed_place else None
        queue_mail(moved, "registered", request)
        if promoted:
            queue_mail(promoted, "promoted", request)
    return moved, promoted


def fill_free_places(event, request):
    """Give every free place to the waiting list, in order (after the capacity was raised).
    Returns the people who moved up."""
    promoted = []
    with transaction.atomic():
        locked = _locked_event(event)
        while (person := promote_from_waiting_list(locked)) is not None:
            queue_mail(person, "promoted", request)
            promoted.append(person)
    return promoted


def fill_after_publish(sender, instance, **kwargs):
    """``page_published``: an event published with more places gives them to its waiting list."""
    if isinstance(instance, EventPage) and takes_registrations_by_hand(instance):
        fill_free_places(instance, None)


def promote_from_waiting_list(event):
    """Move the longest-waiting person up, if there is a free place. Call with the event locked."""
    taken = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
    if taken >= (event.capacity or 0):
        return None
    first = event.registrations.filter(status=Registration.Status.WAITING).order_by("created_at", "pk").first()
    if first is None:
        return None
    first.status = Registration.Status.CONFIRMED
    first.promoted_at = timezone.now()
    first.save(update_fields=["status", "promoted_at"])
    return first


SUBJECTS = {
    ("registered", Registration.Status.CONFIRMED): _("You are registered for %(title)s"),
    ("registered", Registration.Status.WAITING): _("You are on the waiting list for %(title)s"),
    ("reminder", Registration.Status.CONFIRMED): _("Your registration for %(title)s"),
    ("reminder", Registration.Status.WAITING): _("Your place on the waiting list for %(title)s"),
    ("promoted", Registration.Status.CONFIRMED): _("A place came free: you are registered for %(title)s"),
    ("cancelled", Registration.Status.CANCELLED): _("You have cancelled your registration for %(title)s"),
}


def queue_mail(registration, kind, request):
    """The e-mail about ``registration``, in the event's language with the event's .ics attached
    when the place is confirmed, kept in the outbox in the caller's transaction: the worker sends
    it, with retries, so a mail server that fails now costs a delay, never the e-mail."""
    event = registration.event.specific
    with translation.override(event.locale.language_code):
        subject = str(SUBJECTS[(kind, registration.status)]) % {"title": event.title}
        context = {
            "registration": registration,
            "event": event,
            "kind": kind,
            "settings_retention_months": settings.EVENT_REGISTRATION_RETENTION_MONTHS,
            "event_url": event.get_full_url(request),
            "position": waiting_position(registration),
            "cancel_url": absolute(event.url + event.reverse_subpage("cancel", args=[cancel_token(registration)])),
        }
        text = render_to_string("events/email/registration.txt", context)
    message = EmailMessage(subject, text, settings.DEFAULT_FROM_EMAIL, [registration.email])
    if registration.status == Registration.Status.CONFIRMED:
        message.attach(f"{event.slug}.ics", ical.calendar([event], request, event.title), "text/calendar")
    outbox.queue(message)
