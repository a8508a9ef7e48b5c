"""The admin's registrations: per event the people registered, and the attendance list for SKJ.

Only editors who may edit an event see its registrations, so each werkplaats sees its own.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets import csv_response, xlsx_response

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


def registrations_event(request, event_id):
    event = _event_for(request, event_id)
    registrations = event.registrations.order_by("status", "created_at", "pk")
    return TemplateResponse(
        request, "events/admin/registrations_event.html", {"event": event, "registrations": registrations}
    )


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
