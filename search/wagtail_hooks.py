from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synonyms")
    list_display = ["terms"]
    search_fields = ["terms"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("zoekrapport/", admin_views.search_report, name="search_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return MenuItem(
        _("What readers search for"), reverse("search_report"), name="search-report", icon_name="search", order=1310
    )
