"""Who may do what: werkplaats editors in their own section, national editors everywhere.

Every WerkplaatsPage gets an editor group and an image/document collection.
The group may add and edit pages below its werkplaats (in every language),
submit them for moderation, start their translation (``core/translation_access.py``),
and choose files from its own collection and the shared one ("Gedeeld"), never from
another werkplaats'. Publishing stays with
the national editors (Wagtail's *Moderators* group, which has publish rights on
the whole tree), who also manage the site's vocabulary and lists
(``NATIONAL_EDITOR_MODELS``, to which each app adds its own with
``register_national_editor_models`` in its ``AppConfig.ready``). The table is in
docs/permissions.md.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .models import WerkplaatsPage

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
SHARED_COLLECTION_PERMISSIONS = [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")]
SHARED_COLLECTION_NAME = "Gedeeld"
NATIONAL_EDITORS_GROUP = "Moderators"
# What national editors manage besides pages (add, change, delete and view each): the core's
# taxonomies here, and what the apps register (partner types, search vocabulary and promotions,
# newsletter lists and the suppression list).
NATIONAL_EDITOR_MODELS = [
    ("core", "theme"),
    ("core", "targetgroup"),
    ("core", "caresetting"),
]
MODEL_ACTIONS = ["add", "change", "delete", "view"]


def register_national_editor_models(*models):
    """Let the national editors manage ``models`` (model classes), from an app's AppConfig.ready."""
    for model in models:
        pair = (model._meta.app_label, model._meta.model_name)
        if pair not in NATIONAL_EDITOR_MODELS:
            NATIONAL_EDITOR_MODELS.append(pair)


def shared_collection():
    """The collection every werkplaats may choose files from (national and shared pictures)."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=SHARED_COLLECTION_NAME).first() or root.add_child(
        name=SHARED_COLLECTION_NAME
    )


def ensure_national_editor_permissions(**kwargs):
    """Give the national editors their model permissions (after every migrate; idempotent)."""
    group = Group.objects.filter(name=NATIONAL_EDITORS_GROUP).first()
    if group is None:
        return
    wanted = Permission.objects.none()
    for app_label, model in NATIONAL_EDITOR_MODELS:
        codenames = [f"{action}_{model}" for action in MODEL_ACTIONS]
        wanted |= Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    group.permissions.add(*wanted)


# wagtail-localize's global permission to start a translation; core/translation_access.py confines
# it to the pages the group may edit.
TRANSLATION_PERMISSION = ("wagtail_localize", "submit_translation")


def ensure_werkplaats_translation_permissions(**kwargs):
    """Let every werkplaats' editor group start translations (after every migrate; idempotent)."""
    permission = Permission.objects.filter(
        content_type__app_label=TRANSLATION_PERMISSION[0], codename=TRANSLATION_PERMISSION[1]
    ).first()
    if permission is None:
        return
    for group in Group.objects.filter(pk__in=WerkplaatsPage.objects.values("editor_group")):
        group.permissions.add(permission)


def editor_group_name(page):
    return f"Redactie {page.short_name or page.title}"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def ensure_werkplaats_access(page):
    """Create (once) the werkplaats' group and collection and grant them on ``page``.

    Idempotent: called on every save of a WerkplaatsPage, including its translations,
    which share the group and collection of the Dutch source page.
    """
    updates = {}
    group = page.editor_group
    if group is None:
        group, _created = Group.objects.get_or_create(name=editor_group_name(page))
        group.permissions.add(_permission("wagtailadmin", "access_admin"), _permission(*TRANSLATION_PERMISSION))
        updates["editor_group"] = group
    collection = page.collection
    if collection is None:
        root = Collection.get_first_root_node()
        collection = root.get_children().filter(name=page.title).first() or root.add_child(name=page.title)
        updates["collection"] = collection
    if updates:
        type(page).objects.filter(pk=page.pk).update(**updates)
        for field, value in updates.items():
            setattr(page, field, value)

    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page.pk, permission=_permission("wagtailcore", codename)
        )
    for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission(app_label, codename)
        )
    shared = shared_collection()
    for app_label, codename in SHARED_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=shared, permission=_permission(app_label, codename)
        )
    # Never on the root: a permission there holds for every werkplaats' collection below it.
    GroupCollectionPermission.objects.filter(group=group, collection=Collection.get_first_root_node()).delete()
    return group
