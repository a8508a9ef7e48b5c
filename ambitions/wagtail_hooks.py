from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.http.visibility import active_locale, public
from core.sections import MUNICIPALITY_PAGE, WERKPLAATS_PAGE, Section

from . import admin_views
from .models import AmbitionIndexPage, AmbitionPage, concerning, indicator_rows


@hooks.register("register_admin_urls")
def register_measurement_urls():
    return [
        path("ambities/", admin_views.overview, name="ambitions_overview"),
        path("ambities/<int:page_id>/<uuid:key>/", admin_views.series, name="ambitions_measurements"),
    ]


@hooks.register("register_admin_menu_item")
def register_ambitions_menu_item():
    return MenuItem(_("Measurements"), reverse("ambitions_overview"), name="measurements", icon_name="table", order=270)


def live_ambitions():
    return public(AmbitionPage.objects.live()).select_related("werkplaats").order_by("path")


@hooks.register(WERKPLAATS_PAGE)
def ambitions_of_the_werkplaats(request, werkplaats):
    """The werkplaats' ambitions with each indicator's status, and a link to its overview."""
    ambitions = live_ambitions().filter(locale=werkplaats.locale_id).descendant_of(werkplaats)
    rows = indicator_rows(ambitions)
    if not rows:
        return None
    index = AmbitionIndexPage.objects.live().child_of(werkplaats).first()
    return Section("ambitions/sections/werkplaats.html", {"rows": rows, "index": index})


@hooks.register(MUNICIPALITY_PAGE)
def ambitions_for_the_municipality(request, municipality):
    ambitions = live_ambitions().filter(locale=active_locale(), pk__in=concerning(municipality).values("pk"))
    rows = indicator_rows(ambitions)
    if not rows:
        return None
    return Section("ambitions/sections/municipality.html", {"rows": rows, "municipality": municipality})
