"""Taxonomies (``demo/data/taxonomies.json``), the werkplaatsen (``werkplaatsen.json``) and their editors.

Facts come from the public sources in ../shared/seeds; every sentence is our own.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Site

from core.models import CareSetting, TargetGroup, Theme, WerkplaatsIndexPage, WerkplaatsPage
from core.permissions import NATIONAL_EDITORS_GROUP
from demo.utils import create_child, data, demo_password, generated_image, locale, rich, section, translate
from geography.models import Municipality, Province

TAXONOMIES = {"themes": Theme, "target_groups": TargetGroup, "settings": CareSetting}


def _werkplaats(index, record):
    page = WerkplaatsPage.objects.filter(slug=record["slug"], locale=index.locale).first()
    if page is None:
        logo = generated_image(record["logo"]["title"], record["logo"]["alt"])
        page = create_child(
            index,
            WerkplaatsPage(
                title=record["title"],
                slug=record["slug"],
                short_name=record["short_name"],
                summary=record["summary"],
                intro=rich(*record["intro"]),
                logo=logo,
                listing_image=logo,
                founded_year=record.get("founded_year"),
                contact_name=record.get("contact_name", ""),
                contact_email=f"info@{record['slug']}.wiel.example",
            ),
        )
        page.provinces.set(Province.objects.filter(name__in=record["provinces"]))
        # The municipalities of its youth-care regions (CBS codes).
        page.municipalities.set(Municipality.objects.filter(youth_region__code__in=record["youth_regions"]))
        page.themes.set(Theme.objects.filter(slug__in=record["themes"]))
        for partner in record["partners"]:
            page.partners.create(**partner)
        for network in record["leernetwerken"]:
            page.leernetwerken.create(**network)
        page.save_revision().publish()
    if "english" in record:
        english = record["english"]
        translate(page, "en", **{**english, "intro": rich(*english["intro"])})
    return page


def _demo_users(stdout):
    user_model = get_user_model()
    password = demo_password()
    national, created = user_model.objects.get_or_create(
        username="landelijk", defaults={"email": "landelijk@wiel.example", "first_name": "Landelijke redactie"}
    )
    if created:
        national.set_password(password)
        national.save()
        national.groups.add(Group.objects.get(name=NATIONAL_EDITORS_GROUP))
        stdout.write("  national editor 'landelijk' created")
    for werkplaats in WerkplaatsPage.objects.filter(locale=locale("nl")):
        username = f"redactie-{werkplaats.slug}"
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@wiel.example", "first_name": werkplaats.short_name}
        )
        if created:
            user.set_password(password)
            user.save()
            user.groups.add(werkplaats.editor_group)


def load(stdout):
    for key, terms in data("taxonomies.json").items():
        for term in terms:
            TAXONOMIES[key].objects.update_or_create(slug=slugify(term["name"]), defaults=term)
    home = Site.objects.get(is_default_site=True).root_page
    index = section(home, WerkplaatsIndexPage, "werkplaatsen")
    records = data("werkplaatsen.json")["werkplaatsen"]
    for record in records:
        _werkplaats(index, record)
    _demo_users(stdout)
    stdout.write(f"  {len(records)} werkplaatsen")
