"""Werkplaats editors translate their own pages, and only those.

wagtail-localize lets anyone with its global ``submit_translation`` permission translate any page:
its buttons and its submit and update views check nothing else. Werkplaats editors get that
permission (``core.permissions``), and these wrappers confine it to the pages they may edit:

- the "Vertaal deze pagina" and "Vertaalde pagina's synchroniseren" buttons show only on such
  pages (``confine_translation_buttons`` swaps wagtail-localize's button hook for a wrapper,
  once, from ``CoreConfig.ready``);
- the submit and update views answer 403 for any other page (``admin_urls``: the same paths as
  wagtail-localize's, registered before them, so its own views are reached only through these).

The translated page is created below the werkplaats' own English page, where the group has the
same permissions as below the Dutch one.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail import hooks
from wagtail.models import Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

BUTTON_HOOKS = ("register_page_header_buttons", "register_page_listing_more_buttons")


def may_translate(user, page):
    return page.permissions_for_user(user).can_edit()


def confine_translation_buttons():
    original = localize_hooks.page_listing_more_buttons

    def confined(page, user, view_name=None, next_url=None):
        if may_translate(user, page):
            yield from original(page, user, view_name=view_name, next_url=next_url)

    for name in BUTTON_HOOKS:
        hooks._hooks[name] = [(confined if fn is original else fn, order) for fn, order in hooks._hooks.get(name, [])]


def submit_page_translation(request, page_id):
    page = get_object_or_404(Page, id=page_id)
    if not may_translate(request.user, page):
        raise PermissionDenied
    return SubmitPageTranslationView.as_view()(request, page_id=page_id)


def update_translations(request, translation_source_id):
    source = get_object_or_404(TranslationSource, id=translation_source_id)
    instance = source.get_source_instance()
    if isinstance(instance, Page) and not may_translate(request.user, instance):
        raise PermissionDenied
    return UpdateTranslationsView.as_view()(request, translation_source_id=translation_source_id)


def admin_urls():
    return [
        path("localize/submit/page/<int:page_id>/", submit_page_translation, name="wiel_submit_page_translation"),
        path("localize/update/<int:translation_source_id>/", update_translations, name="wiel_update_translations"),
    ]
