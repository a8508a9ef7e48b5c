"""The admin's registrations: per event the people registered, the attendance list for SKJ, and
who was there (recorded after the event, counted in the year's figures).

Only editors who may edit an event see its registrations, so each werkplaats sees its own. They
can register someone who phoned in, cancel a registration and move it to another of their events;
each goes through ``registration``, so the places and the waiting list follow the same rules as
the public form (a freed place goes to the first on the waiting list, nobody jumps the queue).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.spreadsheets import csv_response, xlsx_response

from . import registration as places
from .forms import HandRegistrationForm, MoveForm
from .models import EventPage, Registration


def _editable(user, events):
    return [event for event in events if event.permissions_for_user(user).can_edit()]


def registrations_index(request):
    events = EventPage.objects.filter(registration_enabled=True).select_related("werkplaats").order_by("-start")
    editable = _editable(request.user, events)
    counts = {event.pk: dict.fromkeys(Registration.Status.values, 0) for event in editable}
    tallies = Registration.objects.filter(event__in=editable).values_list("event_id", "status").annotate(n=Count("pk"))
    for event_id, status, number in tallies:
        counts[event_id][status] = number
    rows = [{"event": event, "counts": counts[event.pk]} for event in editable]
    return TemplateResponse(request, "events/admin/registrations_index.html", {"rows": rows})


def _event_for(request, event_id):
    event = get_object_or_404(EventPage, pk=event_id)
    if not event.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return event


def _destinations(request, event):
    """The editor's other coming events that take registrations: where a registration may move."""
    others = EventPage.objects.filter(registration_enabled=True, start__gt=timezone.now()).exclude(pk=event.pk)
    return [
        other
        for other in _editable(request.user, others.order_by("start"))
        if places.takes_registrations_by_hand(other)
    ]


def registrations_event(request, event_id, form=None):
    event = _event_for(request, event_id)
    registrations = list(event.registrations.order_by("status", "created_at", "pk"))
    for registration in registrations:
        registration.position = places.waiting_position(registration)
    destinations = _destinations(request, event)
    confirmed = sum(registration.status == Registration.Status.CONFIRMED for registration in registrations)
    context = {
        "event": event,
        "registrations": registrations,
        "takes_attendance": event.start <= timezone.now() and confirmed > 0,
        "form": form or HandRegistrationForm(),
        "open_by_hand": places.takes_registrations_by_hand(event),
        "free": max((event.capacity or 0) - confirmed, 0),
        "move_form": MoveForm(events=destinations) if destinations else None,
    }
    return TemplateResponse(request, "events/admin/registrations_event.html", context, status=400 if form else 200)


@require_POST
def record_attendance(request, event_id):
    """Who was there: the ticked confirmed registrations, and the others not (for the year's figures)."""
    event = _event_for(request, event_id)
    if event.start > timezone.now():
        messages.error(request, _("Attendance is recorded once the event has started."))
        return redirect("events_registrations_event", event.pk)
    present = {value for value in request.POST.getlist("present") if value.isdigit()}
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED)
    confirmed.filter(pk__in=present).update(attended=True)
    confirmed.exclude(pk__in=present).update(attended=False)
    messages.success(request, _("The attendance is saved."))
    return redirect("events_registrations_event", event.pk)


@require_POST
def register_by_hand(request, event_id):
    event = _event_for(request, event_id)
    form = HandRegistrationForm(request.POST)
    if not form.is_valid():
        return registrations_event(request, event_id, form=form)
    try:
        outcome = places.register(event, form.cleaned_data, request, by_hand=True)
    except places.RegistrationClosed:
        messages.error(request, _("This event takes no more registrations."))
        return redirect("events_registrations_event", event.pk)
    name = outcome.registration.name
    if not outcome.created:
        messages.warning(
            request, _("%(name)s was already registered; they have been sent their details again.") % {"name": name}
        )
    elif outcome.status == Registration.Status.CONFIRMED:
        messages.success(request, _("%(name)s has a place; they have been sent a confirmation.") % {"name": name})
    else:
        messages.success(
            request,
            _("%(name)s is number %(position)s on the waiting list; they have been told so.")
            % {"name": name, "position": outcome.position},
        )
    return redirect("events_registrations_event", event.pk)


def _registration_for(request, event_id, registration_id):
    event = _event_for(request, event_id)
    return get_object_or_404(Registration, pk=registration_id, event=event)


@require_POST
def cancel_by_hand(request, event_id, registration_id):
    registration = _registration_for(request, event_id, registration_id)
    if registration.status == Registration.Status.CANCELLED:
        messages.warning(request, _("%(name)s was already cancelled.") % {"name": registration.name})
        return redirect("events_registrations_event", event_id)
    promoted = places.cancel(registration, request)
    messages.success(request, _("%(name)s is cancelled and has been told so.") % {"name": registration.name})
    if promoted:
        messages.success(request, _("%(name)s moved up from the waiting list.") % {"name": promoted.name})
    return redirect("events_registrations_event", event_id)


@require_POST
def move_by_hand(request, event_id, registration_id):
    registration = _registration_for(request, event_id, registration_id)
    form = MoveForm(request.POST, events=_destinations(request, registration.event))
    if not form.is_valid():
        messages.error(request, _("Choose one of your coming events that takes registrations."))
        return redirect("events_registrations_event", event_id)
    try:
        moved, promoted = places.move(registration, form.cleaned_data["event"], request)
    except places.MoveRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("events_registrations_event", event_id)
    where = (
        _("a place")
        if moved.status == Registration.Status.CONFIRMED
        else _("number %(position)s on the waiting list") % {"position": places.waiting_position(moved)}
    )
    messages.success(
        request,
        _("%(name)s moved to %(title)s: %(where)s. They have been sent the details.")
        % {"name": moved.name, "title": moved.event.title, "where": where},
    )
    if promoted:
        messages.success(request, _("%(name)s moved up from the waiting list.") % {"name": promoted.name})
    return redirect("events_registrations_event", event_id)


def attendance_rows(event):
    """The attendance list SKJ accreditation asks for: confirmed participants with their SKJ numbers."""
    yield [_("event"), event.title, timezone.localtime(event.start).strftime("%Y-%m-%d %H:%M")]
    points = f"{float(event.skj_points):g}" if event.skj_points else ""  # "4", "1.5": never "4.0"
    yield [_("SKJ points"), points, _("accreditation number"), event.skj_number]
    yield []
    yield [_("name"), _("e-mail address"), _("organisation"), _("role"), _("SKJ registration number")]
    confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).order_by("name", "pk")
    for registration in confirmed:
        yield [
            registration.name,
            registration.email,
            registration.organisation,
            registration.role,
            registration.skj_number,
        ]


def attendance_csv(request, event_id):
    event = _event_for(request, event_id)
    return csv_response(f"aanwezigheidslijst-{event.slug}", attendance_rows(event))


def attendance_xlsx(request, event_id):
    event = _event_for(request, event_id)
    return xlsx_response(f"aanwezigheidslijst-{event.slug}", attendance_rows(event), _("Attendance list"))
