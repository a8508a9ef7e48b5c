"""A small practice database with hand-checkable facts, on top of the site tree."""

import pytest

from core.models import Municipality, Theme
from practices.factories import PracticeIndexPageFactory, PracticePageFactory
from practices.models import Implementation, PartnerType


def municipality(name, urbanisation=None, population=None):
    place = Municipality.objects.select_related("province", "youth_region").get(name=name)
    if urbanisation is not None or population is not None:
        place.urbanisation_class, place.population = urbanisation, population
        place.save()
    return place


def make_practice(parent, title, themes=(), record=(), needs=(), publish=True, **fields):
    """A published practice; ``record`` is a list of (municipality names, outcome, extra fields)."""
    page = PracticePageFactory.build(title=title, **fields)
    page.themes = list(Theme.objects.filter(slug__in=themes))
    page.partners_needed = list(PartnerType.objects.filter(slug__in=needs))
    implementations = []
    for names, outcome, extra in record:
        implementation = Implementation(started=2020, outcome=outcome, **extra)
        implementation.municipalities = list(Municipality.objects.filter(name__in=names))
        implementations.append(implementation)
    page.implementations = implementations
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def practice_db(site_tree):
    """National and werkplaats overviews and five practices.

    Theme 'informele-steun': A, B, C; theme 'thuiszitters': C, D. Evidence: A and D well
    described, B effective (good), C and E not assessed. Provinces used: A Groningen;
    B Zuid-Holland; C Groningen and Utrecht; D none; E (SAMEN) Zuid-Holland.
    """
    Theme.objects.get_or_create(slug="informele-steun", defaults={"name": "Informele steun"})
    Theme.objects.get_or_create(slug="thuiszitters", defaults={"name": "Thuiszitters"})
    national = PracticeIndexPageFactory(parent=site_tree["home"])
    groningen = PracticeIndexPageFactory(parent=site_tree["groningen"])
    samen = PracticeIndexPageFactory(parent=site_tree["samen"])
    a = make_practice(
        groningen,
        "Aanpak A",
        ["informele-steun"],
        [(["Groningen"], "voortgezet", {})],
        evidence_level="goed-beschreven",
        cost_band=1,
        age_min=0,
        age_max=3,
    )
    b = make_practice(
        groningen,
        "Aanpak B",
        ["informele-steun"],
        [(["Leiden"], "voortgezet", {})],
        evidence_level="effectief-goede",
        cost_band=3,
        age_min=12,
        age_max=17,
    )
    c = make_practice(
        groningen,
        "Aanpak C",
        ["informele-steun", "thuiszitters"],
        [(["Oldambt"], "voortgezet", {}), (["Utrecht"], "loopt", {})],
        evidence_level="niet-beoordeeld",
        cost_band=3,
        age_min=4,
        age_max=18,
    )
    d = make_practice(
        groningen,
        "Aanpak D",
        ["thuiszitters"],
        [],
        evidence_level="goed-beschreven",
        cost_band=5,
        age_min=18,
        age_max=23,
    )
    e = make_practice(
        samen,
        "Aanpak E",
        [],
        [(["Leiden"], "voortgezet", {})],
        evidence_level="niet-beoordeeld",
        cost_band=None,
        age_min=12,
        age_max=23,
    )
    return {"national": national, "groningen": groningen, "samen": samen, "a": a, "b": b, "c": c, "d": d, "e": e}
