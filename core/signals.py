from django.apps import apps
from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from geography import signals as geography
from geography.models import Municipality, Province, YouthRegion

from .base_url import sync_default_site
from .http import purging
from .http.fragments import bump_content_version
from .models import CareSetting, SitePages, TargetGroup, Theme, WerkplaatsPage
from .permissions import ensure_werkplaats_access


@receiver(post_save, sender=WerkplaatsPage)
def grant_werkplaats_editors(sender, instance, raw=False, **kwargs):
    if not raw:
        ensure_werkplaats_access(instance)


def _content_changed(sender, instance=None, raw=False, **kwargs):
    if not raw:
        bump_content_version()


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()


# What the public sees changes: cached furniture and pages are stale (core/http/fragments.py).
page_published.connect(_content_changed, dispatch_uid="wiel-content-published")
page_unpublished.connect(_content_changed, dispatch_uid="wiel-content-unpublished")
post_page_move.connect(_content_changed, dispatch_uid="wiel-content-moved")
post_delete.connect(_page_deleted, dispatch_uid="wiel-content-deleted")
for model in (
    Site,
    Locale,
    PageViewRestriction,
    SitePages,
    Theme,
    TargetGroup,
    CareSetting,
    Municipality,
    YouthRegion,
    Province,
):
    post_save.connect(_content_changed, sender=model, dispatch_uid=f"wiel-content-{model.__name__}-saved")
    post_delete.connect(_content_changed, sender=model, dispatch_uid=f"wiel-content-{model.__name__}-deleted")
geography.changed.connect(_content_changed, dispatch_uid="wiel-content-geography-changed")


def _migrated(sender, **kwargs):
    # The default site takes the address of WIEL_BASE_URL (core/base_url.py); a migration may
    # also change reference data without a save signal (bulk loads, updates).
    sync_default_site()
    bump_content_version()


post_migrate.connect(_migrated, sender=apps.get_app_config("core"), dispatch_uid="wiel-content-migrated")


# A shared cache in front (Varnish, a CDN): purge every URL a change affects, once committed.
page_published.connect(purging.page_changed, dispatch_uid="wiel-purge-published")
page_unpublished.connect(purging.page_changed, dispatch_uid="wiel-purge-unpublished")
pre_page_move.connect(purging.page_leaving, dispatch_uid="wiel-purge-before-move")
post_page_move.connect(purging.page_moved, dispatch_uid="wiel-purge-moved")
pre_delete.connect(purging.page_leaving, dispatch_uid="wiel-purge-before-delete")
post_delete.connect(purging.page_deleted, dispatch_uid="wiel-purge-deleted")
