from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.http.visibility import active_locale, public
from core.sections import EVENT_PAGE, MUNICIPALITY_PAGE, PRACTICE_PAGE, Section

from . import admin_views
from .models import ProposalPage

SECTION_SIZE = 10


@hooks.register("register_admin_urls")
def register_follow_up_urls():
    return [
        path("opvolging/", admin_views.report, name="learning_follow_up"),
        path("opvolging/<int:update_id>/accepteren/", admin_views.accept, name="learning_accept_update"),
        path("opvolging/<int:update_id>/afwijzen/", admin_views.decline, name="learning_decline_update"),
    ]


@hooks.register("register_admin_menu_item")
def register_follow_up_menu_item():
    return MenuItem(_("Follow-up"), reverse("learning_follow_up"), name="follow-up", icon_name="tasks", order=260)


def live_proposals():
    return public(ProposalPage.objects.live()).select_related("werkplaats", "meeting").order_by("-made_on", "-pk")


def section(template, proposals):
    proposals = list(proposals.prefetch_related("municipalities")[:SECTION_SIZE])
    return Section(template, {"proposals": proposals}) if proposals else None


@hooks.register(PRACTICE_PAGE)
def proposals_adopting_the_practice(request, page):
    """ "Adopted after Leren van Ervaringen, Westerkwartier 2020" on the practice they adopt."""
    return section("learning/sections/practice.html", live_proposals().filter(practice=page))


@hooks.register(EVENT_PAGE)
def proposals_made_at_the_meeting(request, page):
    """The proposals made at a meeting, in its retrospective."""
    if not page.is_past:
        return None
    return section("learning/sections/event.html", live_proposals().filter(meeting=page))


@hooks.register(MUNICIPALITY_PAGE)
def proposals_for_the_municipality(request, municipality):
    proposals = live_proposals().filter(locale=active_locale(), municipalities=municipality)
    found = section("learning/sections/municipality.html", proposals)
    if found is not None:
        found.context["municipality"] = municipality
    return found
