"""Load the 2025 geography reference data (see geography/data/README.md)."""

from django.db import migrations


def load(apps, schema_editor):
    from geography.data import load_base_geography

    load_base_geography(
        apps.get_model("core", "Province"),
        apps.get_model("core", "YouthRegion"),
        apps.get_model("core", "Municipality"),
    )


def unload(apps, schema_editor):
    apps.get_model("core", "Municipality").objects.all().delete()
    apps.get_model("core", "YouthRegion").objects.all().delete()
    apps.get_model("core", "Province").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
