from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from core.http.visibility import public
from core.sections import PRACTICE_PAGE, Section

from . import admin_views
from .models import ProjectPage


@hooks.register("register_admin_urls")
def register_opportunity_urls():
    return [
        path("kansen/", admin_views.logs, name="opportunities_logs"),
        path("kansen/<int:index_id>/", admin_views.weigh, name="opportunities_weigh"),
        path("projecten/<int:page_id>/praktijkvoorbeeld/", admin_views.make_practice, name="opportunities_practice"),
    ]


@hooks.register("register_admin_menu_item")
def register_weigh_menu_item():
    return MenuItem(
        _("Weigh opportunities"), reverse("opportunities_logs"), name="opportunities", icon_name="pick", order=280
    )


@hooks.register("register_page_header_buttons")
def practice_from_project_button(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, ProjectPage) and page.permissions_for_user(user).can_edit():
        label = (
            _("Open its practice example")
            if page.specific_deferred.became_practice_id
            else _("Publish as a practice example")
        )
        yield Button(label, reverse("opportunities_practice", args=[page.pk]), icon_name="doc-full", priority=80)


@hooks.register(PRACTICE_PAGE)
def projects_behind_the_practice(request, page):
    """ "From the project …" on the practice a project became, or uses."""
    projects = list(
        public(ProjectPage.objects.live())
        .filter(locale_id=page.locale_id)
        .filter(Q(became_practice=page) | Q(practices=page))
        .select_related("werkplaats")
        .distinct()[:10]
    )
    if not projects:
        return None
    return Section("opportunities/sections/practice.html", {"projects": projects, "practice": page})
