"""A shared collection ("Gedeeld") instead of choose rights on the root collection.

Werkplaats editors could choose files on the root collection, and a permission on the root holds
for every collection below it: every werkplaats' files. Files that sat on the root move into
"Gedeeld", and each werkplaats group's rights on the root move there too.
"""

from django.db import migrations

SHARED = "Gedeeld"


def forwards(apps, schema_editor):
    from wagtail.models import Collection, GroupCollectionPermission

    Image = apps.get_model("wagtailimages", "Image")
    Document = apps.get_model("wagtaildocs", "Document")
    WerkplaatsPage = apps.get_model("core", "WerkplaatsPage")
    root = Collection.get_first_root_node()
    if root is None:
        return
    shared = root.get_children().filter(name=SHARED).first() or root.add_child(name=SHARED)
    Image.objects.filter(collection_id=root.pk).update(collection_id=shared.pk)
    Document.objects.filter(collection_id=root.pk).update(collection_id=shared.pk)
    groups = set(WerkplaatsPage.objects.exclude(editor_group=None).values_list("editor_group_id", flat=True))
    for grant in GroupCollectionPermission.objects.filter(collection=root, group_id__in=groups):
        GroupCollectionPermission.objects.get_or_create(
            group_id=grant.group_id, collection=shared, permission_id=grant.permission_id
        )
        grant.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_codes_required"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
