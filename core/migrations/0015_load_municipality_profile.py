"""The CBS urbanisation class, address density and shares of young people and households with
children for all 342 municipalities (CBS 85984NED, 1 January 2024; see geography/data/README.md)."""

from django.db import migrations


def load(apps, schema_editor):
    from geography.data import load_profile_figures

    load_profile_figures(apps.get_model("core", "Municipality"))


class Migration(migrations.Migration):
    dependencies = [("core", "0014_municipality_profile")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
