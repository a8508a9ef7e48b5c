"""Event calendars (upcoming and past, with filters), event pages, and iCalendar downloads."""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import params
from core.http.cache_policy import personal
from core.http.ratelimit import too_many
from core.images import prefetch_listing_images
from core.models import Theme, WerkplaatsPage
from core.pagination import paginate
from core.routes import handles, render_route
from core.sections import EVENT_PAGE, sections

from . import ical
from .forms import RegistrationForm
from .models import EventIndexPage, EventPage, Registration
from .registration import RegistrationClosed, as_if_new, cancel, register, registration_from_token
from .structured_data import event_data, json_ld

PAGE_SIZE = 12
FEED_DAYS_BACK = 365  # a feed also carries the past year, so recent changes reach calendars


def filter_events(events, data):
    """Apply the calendar's filters: theme, werkplaats, attendance mode, with SKJ points."""
    chosen = {}
    theme = params.slug(data.get("thema"))
    if theme:
        events = events.filter(themes__slug=theme)
        chosen["thema"] = theme
    werkplaats = params.slug(data.get("werkplaats"))
    if werkplaats:
        # By the werkplaats in any language: an English calendar also lists Dutch-only events.
        events = events.filter(
            werkplaats__translation_key__in=WerkplaatsPage.objects.filter(slug=werkplaats).values("translation_key")
        )
        chosen["werkplaats"] = werkplaats
    mode = data.get("vorm")
    if mode in EventPage.Mode.values:
        events = events.filter(mode=mode)
        chosen["vorm"] = mode
    if data.get("skj") == "ja":
        events = events.filter(skj_points__gt=0)
        chosen["skj"] = "ja"
    return events.distinct(), chosen


def werkplaats_choices(index, events):
    """The werkplaatsen of ``events``, once each, in the calendar's language where they have a version."""
    keys = WerkplaatsPage.objects.filter(pk__in=events.values("werkplaats")).values("translation_key")
    versions = {}
    for werkplaats in WerkplaatsPage.objects.live().filter(translation_key__in=keys).order_by("title"):
        if werkplaats.translation_key not in versions or werkplaats.locale_id == index.locale_id:
            versions[werkplaats.translation_key] = werkplaats
    return sorted(versions.values(), key=lambda werkplaats: werkplaats.title)


@handles(EventIndexPage)
def event_listing(index, request, past):
    now = timezone.now()
    events = index.get_events()
    events = (
        events.filter(end__lt=now).order_by("-start", "-pk")
        if past
        else events.filter(end__gte=now).order_by("start", "pk")
    )
    events, chosen = filter_events(events.select_related("werkplaats").prefetch_related("themes"), request.GET)
    page_obj = paginate(events, request, PAGE_SIZE)
    page_obj.object_list = prefetch_listing_images(page_obj.object_list)
    scope = index.get_events()
    context = {
        "events": page_obj,
        "past": past,
        "chosen": chosen,
        "modes": EventPage.Mode.choices,
        "themes": Theme.objects.filter(pk__in=scope.values("themes")).order_by("name"),
        "werkplaatsen": werkplaats_choices(index, scope) if index.is_national else [],
    }
    return index.render(request, template="events/event_index_page.html", context_overrides=context)


@handles(EventPage)
def event_detail(page, request):
    context = {
        "speakers": list(page.speakers.all()),
        "practices": [
            relation.practice
            for relation in page.related_practices.select_related("practice").all()
            if relation.practice.live
        ],
        "structured_data": json_ld(event_data(page, request)),
        "places_left": places_left(page) if page.registration_open else None,
        "sections": sections(EVENT_PAGE, request, page),
    }
    return page.render(request, context_overrides=context)


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@handles(EventPage)
def event_ics(page, request):
    return _ics_response(ical.calendar([page], request, page.title), f"{page.slug}.ics")


@handles(EventIndexPage)
def calendar_feed(index, request, theme=None):
    since = timezone.now() - datetime.timedelta(days=FEED_DAYS_BACK)
    events = index.get_events().filter(end__gte=since)
    name = index.title
    if theme is not None:
        term = Theme.objects.filter(slug=theme).first()
        if term is None:
            raise Http404(_("Unknown theme"))
        events = events.filter(themes=term)
        name = f"{index.title}: {term.label}"
    events = events.select_related("werkplaats").prefetch_related("themes").order_by("start", "pk")
    return _ics_response(ical.calendar(events, request, name), f"{index.slug}.ics")


@handles(EventPage)
def registration_form(page, request):
    template = "events/registration_form.html"
    if not page.registration_open:
        return render_route(page, request, template, {"closed": True}, status=410)
    form = RegistrationForm(request.POST or None)
    limited = request.method == "POST" and too_many(
        request, "registrations", settings.EVENT_REGISTRATION_RATE_LIMIT, settings.EVENT_REGISTRATION_RATE_WINDOW
    )
    if limited:
        context = {
            "form": form,
            "rate_limited": limited,
            "places_left": places_left(page),
            "retention_months": settings.EVENT_REGISTRATION_RETENTION_MONTHS,
        }
        return render_route(page, request, template, context, status=429)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get("website"):  # a bot: told what anyone would be, and nothing is kept
            status, position = as_if_new(page)
            return render_route(
                page, request, "events/registration_done.html", {"status": status, "position": position}
            )
        try:
            outcome = register(page, form.cleaned_data, request)
        except RegistrationClosed:
            return render_route(page, request, template, {"closed": True}, status=410)
        # A place or a waiting-list position; for an address that was already registered, what a
        # new registration would get (events.registration.Outcome): both get an e-mail, and nobody
        # learns from this page who else has signed up.
        context = {"status": outcome.status, "position": outcome.position}
        return render_route(page, request, "events/registration_done.html", context)
    context = {
        "form": form,
        "places_left": places_left(page),
        "retention_months": settings.EVENT_REGISTRATION_RETENTION_MONTHS,
    }
    return render_route(page, request, template, context, status=400 if form.is_bound else 200)


def places_left(page):
    if not page.registration_enabled or not page.capacity:
        return None
    taken = page.registrations.filter(status=Registration.Status.CONFIRMED).count()
    return max(0, page.capacity - taken)


@handles(EventPage)
@personal
def registration_cancel(page, request, token):
    template = "events/registration_cancel.html"
    registration = registration_from_token(page, token)
    if registration is None:
        return render_route(page, request, template, {"invalid": True}, status=400)
    if request.method == "POST":
        cancel(registration, request)
        return render_route(page, request, template, {"done": True})
    already = registration.status == registration.Status.CANCELLED
    return render_route(page, request, template, {"registration": registration, "done": already})
