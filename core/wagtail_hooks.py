from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import created_drafts, dashboard, publication_guard, translation_access, translation_review, views
from .models import CareSetting, TargetGroup, Theme


class TermViewSet(SnippetViewSet):
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]
    menu_icon = "tag"


class ThemeViewSet(TermViewSet):
    model = Theme


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    menu_icon = "group"


class CareSettingViewSet(TermViewSet):
    model = CareSetting
    menu_icon = "home"
    menu_name = "care-settings"  # not "settings", the name of Wagtail's own Settings menu


class TaxonomyGroup(SnippetViewSetGroup):
    items = [ThemeViewSet, TargetGroupViewSet, CareSettingViewSet]
    menu_icon = "tag"
    menu_label = _("Taxonomies")
    menu_name = "taxonomies"


register_snippet(TaxonomyGroup)


# "Pagina's" opens at a werkplaats editor's own werkplaats, not at the tree's root.
hooks.register("construct_main_menu", dashboard.start_at_my_werkplaats)


@hooks.register("construct_homepage_panels")
def add_my_werkplaats_panels(request, panels):
    """A werkplaats editor's dashboard starts with what waits in their own werkplaats."""
    panels[:0] = dashboard.panels_for(request.user)


# An autosave saves a draft, whatever workflow action the form holds when it fires.
hooks.register("before_edit_page", publication_guard.autosave_only_saves)
# A new page's autosave and its submit end on one page.
hooks.register("before_create_page", created_drafts.to_the_created_page)
hooks.register("after_create_page", created_drafts.remember)


@hooks.register("insert_editor_js")
def draft_key_script():
    return format_html('<script src="{}" defer></script>', static("core/js/draft-key.js"))


@hooks.register("register_admin_urls", order=-1)  # before wagtail-localize's own, at the same paths
def register_confined_translation_urls():
    return translation_access.admin_urls()


@hooks.register("register_admin_urls")
def register_translation_report_url():
    return [
        path("reports/translations/", views.translation_report, name="wiel_translation_report"),
        path("translations/<int:translation_id>/submit/", views.submit_translation, name="wiel_submit_translation"),
        path(
            "translations/<int:translation_id>/review/",
            translation_review.review_translation,
            name="wiel_review_translation",
        ),
    ]


def _submit_translation_button(page, user, priority):
    translation = views.translation_awaiting_submission(page, user)
    if translation:
        yield Button(
            _("Submit translation for approval"),
            reverse("wiel_submit_translation", args=[translation.pk]),
            icon_name="globe",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def submit_translation_header_button(page, user, view_name, next_url=None):
    yield from _submit_translation_button(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def submit_translation_listing_button(page, user, next_url=None):
    yield from _submit_translation_button(page, user, priority=3)


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    # "Translation status", not "Translations": wagtail-localize has a "Translations" report of its own.
    return MenuItem(
        _("Translation status"),
        reverse("wiel_translation_report"),
        name="translation-status",
        icon_name="globe",
        order=1000,
    )


@hooks.register("register_admin_urls")
def register_editors_guide_url():
    return [path("handleiding/", views.editors_guide, name="wiel_editors_guide")]


@hooks.register("register_help_menu_item")
def register_editors_guide_menu_item():
    return MenuItem(
        _("Editors' guide (Wiel)"), reverse("wiel_editors_guide"), name="wiel-guide", icon_name="help", order=900
    )


@hooks.register("construct_help_menu")
def name_wagtails_guide_in_the_editors_language(request, menu_items):
    # Wagtail's Dutch catalogue leaves "Editor Guide" in English; ours says what it is.
    for item in menu_items:
        if item.name == "editor-guide":
            item.label = _("Wagtail's own guide (in English)")
