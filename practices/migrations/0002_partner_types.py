"""The partner types the fit check asks about. Editors can add more as snippets."""

from django.db import migrations

PARTNER_TYPES = [
    ("gemeente", "Gemeente", "Municipality", "Beleid en inkoop van de gemeente."),
    ("wijkteam", "Wijkteam", "Neighbourhood team", "Sociaal wijkteam of lokaal team jeugd en gezin."),
    ("school", "School", "School", "Primair of voortgezet onderwijs."),
    ("mbo", "Mbo-instelling", "Vocational college (mbo)", ""),
    ("huisarts", "Huisarts en POH-jeugd", "GP and practice nurse for youth", ""),
    ("jgz", "Jeugdgezondheidszorg", "Youth health care (JGZ)", "Consultatiebureau en jeugdarts."),
    ("jongerenwerk", "Jongerenwerk", "Youth work", ""),
    ("leerplicht", "Leerplicht", "School attendance officer", ""),
    ("jeugdhulp", "Jeugdhulpaanbieder", "Youth care provider", ""),
    ("vrijwilligers", "Vrijwilligersorganisatie", "Volunteer organisation", ""),
    ("ervaringsdeskundigen", "Ervaringsdeskundigen", "Experts by experience", "Jongeren en ouders met ervaringskennis."),
    ("kennisinstelling", "Hogeschool of universiteit", "University or college", ""),
]


def add_partner_types(apps, schema_editor):
    PartnerType = apps.get_model("practices", "PartnerType")
    for slug, name, name_en, description in PARTNER_TYPES:
        PartnerType.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "description": description}
        )


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(add_partner_types, migrations.RunPython.noop)]
