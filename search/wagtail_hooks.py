from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import CompoundWord, Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Synonyms")
    list_display = ["terms"]
    search_fields = ["terms"]


class CompoundWordViewSet(SnippetViewSet):
    model = CompoundWord
    icon = "search"
    menu_label = _("Compound words")
    list_display = ["word", "parts"]
    search_fields = ["word", "parts"]


class SearchVocabularyGroup(SnippetViewSetGroup):
    """The words search must know: synonyms and abbreviations, and compounds the stemmer misses."""

    items = [SynonymViewSet, CompoundWordViewSet]
    menu_icon = "search"
    menu_label = _("Search vocabulary")
    menu_name = "search-vocabulary"


register_snippet(SearchVocabularyGroup)


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("zoekrapport/", admin_views.search_report, name="search_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return MenuItem(
        _("What readers search for"), reverse("search_report"), name="search-report", icon_name="search", order=1310
    )
