"""The events' section of an editor's "Mijn werkplaats" panel (core/dashboard.py)."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.dashboard import MAX_ITEMS, Item, Section

from .models import EventPage, Registration


def registrations(werkplaats, user):
    """The werkplaats' coming events that take registrations, with their places and waiting list."""
    events = (
        EventPage.objects.descendant_of(werkplaats)
        .filter(registration_enabled=True, start__gte=timezone.now(), locale__language_code="nl")
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)),
            waiting=Count("registrations", filter=Q(registrations__status=Registration.Status.WAITING)),
        )
        .order_by("start")[:MAX_ITEMS]
    )
    items = []
    for event in events:
        detail = ngettext("%(count)d registered", "%(count)d registered", event.confirmed) % {"count": event.confirmed}
        if event.waiting:
            detail += ", " + _("%(count)d waiting") % {"count": event.waiting}
        items.append(Item(event.title, reverse("events_registrations_event", args=[event.pk]), detail))
    return Section(_("Registrations for coming events"), _("No coming event takes registrations."), items)
