"""Facets of the search page, counted by hand on the practice database of tests/practices/conftest.py
plus two events: each facet counts what the other active facets leave."""

import pytest
from django.test import Client

from core.models import Theme
from events.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def found(practice_db, site_tree):
    """Everything titled "Aanpak": practices A-D (Groningen) and E (SAMEN), and two SAMEN events,
    one upcoming on thuiszitters and one past without a theme."""
    calendar = EventIndexPageFactory(parent=site_tree["samen"])
    upcoming = EventPageFactory(parent=calendar, title="Aanpak in de wijk", days=10)
    upcoming.themes = [Theme.objects.get(slug="thuiszitters")]
    upcoming.save()
    EventPageFactory(parent=calendar, title="Aanpak terugblik", days=-10)
    return practice_db


def search(**params):
    response = Client().get("/zoeken/", {"q": "aanpak", **params})
    assert response.status_code == 200
    return response


def counts(response, key):
    facet = next(facet for facet in response.context["facets"] if facet.key == key)
    return {option.value: option.count for option in facet.options}


def titles(response):
    return sorted(hit["page"].title for hit in response.context["hits"])


@pytest.mark.django_db
def test_facet_counts_over_everything_found(found):
    response = search()
    assert response.context["total"] == 7
    assert counts(response, "soort") == {
        "praktijk": 5,
        "bijeenkomst": 2,
        "artikel": 0,
        "nieuwsbrief": 0,
        "verbetervoorstel": 0,
        "ervaringsverhaal": 0,
        "ambitie": 0,
        "kans": 0,
        "project": 0,
    }
    assert counts(response, "thema") == {"informele-steun": 3, "thuiszitters": 3}
    assert counts(response, "werkplaats") == {"groningen": 4, "samen": 3}
    assert counts(response, "provincie") == {"groningen": 2, "utrecht": 1, "zuid-holland": 2}
    assert counts(response, "bewijs") == {"niet-beoordeeld": 2, "goed-beschreven": 2, "effectief-goede": 1}
    assert counts(response, "wanneer") == {"komend": 1, "voorbij": 1}


@pytest.mark.django_db
def test_facets_filter_and_count_under_the_other_filters(found):
    theme = search(thema="thuiszitters")
    assert titles(theme) == ["Aanpak C", "Aanpak D", "Aanpak in de wijk"]
    assert counts(theme, "thema") == {"informele-steun": 3, "thuiszitters": 3}  # its own facet: unchanged
    assert counts(theme, "soort") == {
        "praktijk": 2,
        "bijeenkomst": 1,
        "artikel": 0,
        "nieuwsbrief": 0,
        "verbetervoorstel": 0,
        "ervaringsverhaal": 0,
        "ambitie": 0,
        "kans": 0,
        "project": 0,
    }
    assert counts(theme, "werkplaats") == {"groningen": 2, "samen": 1}
    assert counts(theme, "bewijs") == {"niet-beoordeeld": 1, "goed-beschreven": 1}
    assert counts(theme, "wanneer") == {"komend": 1}

    upcoming = search(thema="thuiszitters", wanneer="komend")
    assert titles(upcoming) == ["Aanpak in de wijk"]
    assert counts(upcoming, "soort") == {
        "praktijk": 0,
        "bijeenkomst": 1,
        "artikel": 0,
        "nieuwsbrief": 0,
        "verbetervoorstel": 0,
        "ervaringsverhaal": 0,
        "ambitie": 0,
        "kans": 0,
        "project": 0,
    }
    assert counts(upcoming, "wanneer") == {"komend": 1}

    either = search(provincie=["utrecht", "zuid-holland"])  # OR within a facet
    assert titles(either) == ["Aanpak B", "Aanpak C", "Aanpak E"]
    both = search(provincie="zuid-holland", werkplaats="groningen")  # AND across facets
    assert titles(both) == ["Aanpak B"]
    assert counts(both, "werkplaats") == {"groningen": 1, "samen": 1}
    html = both.content.decode()
    assert 'name="werkplaats" value="groningen" checked' in html
    assert "Clear filters" in html or "Filters wissen" in html


@pytest.mark.django_db
def test_values_that_are_no_option_are_ignored(found):
    response = search(bewijs="heel-goed", soort=["onbekend", "bijeenkomst"])
    assert titles(response) == ["Aanpak in de wijk", "Aanpak terugblik"]  # only the known value filters
    active = [(facet.key, option.value) for facet, option in response.context["active_filters"]]
    assert active == [("soort", "bijeenkomst")]


@pytest.mark.django_db
def test_the_filters_show_only_when_there_is_something_to_filter(found):
    html = search().content.decode()
    # On a phone the filters wait folded behind a disclosure above the results.
    assert 'class="facets"' in html and '<summary class="panel-disclosure__toggle">Filters</summary>' in html
    nothing = Client().get("/zoeken/", {"q": "onvindbaar"}).content.decode()
    assert 'class="facets"' not in nothing and "listing-layout--single" in nothing
    filtered_to_nothing = search(thema="thuiszitters", bewijs="effectief-goede").content.decode()
    assert 'class="facets"' in filtered_to_nothing  # the ticked filters can still be removed


@pytest.mark.django_db
def test_facet_values_are_read_once_per_content_version(found, monkeypatch):
    from core.http.fragments import bump_content_version
    from practices.models import PracticePage
    from search import facets

    read = []
    page_values = facets.page_values
    monkeypatch.setattr(facets, "page_values", lambda ids, kinds: read.append(len(ids)) or page_values(ids, kinds))

    first = search()
    assert read == [7]  # every page found
    search(thema="thuiszitters")  # another search over the same pages: nothing to read
    assert read == [7]
    assert counts(first, "bewijs") == {"niet-beoordeeld": 2, "goed-beschreven": 2, "effectief-goede": 1}

    PracticePage.objects.filter(evidence_level="effectief-goede").update(evidence_level="goed-beschreven")
    bump_content_version()  # as a publish does: read again, and counted as they are now
    changed = search()
    assert read == [7, 7]
    assert counts(changed, "bewijs") == {"niet-beoordeeld": 2, "goed-beschreven": 3}
