"""CBS codes and figures for all 342 municipalities, and the CBS jeugdregio's (see geography/data/README.md).

Existing region rows are renamed where they can be recognised, so subscribers' interests follow
the corrected regions; municipalities keep their rows, so implementations keep theirs.
"""

from django.db import migrations


def load(apps, schema_editor):
    from geography.data import load_geography

    load_geography(
        apps.get_model("core", "Province"),
        apps.get_model("core", "YouthRegion"),
        apps.get_model("core", "Municipality"),
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0004_municipality_codes_and_figures")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
