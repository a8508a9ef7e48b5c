"""The practice listing: facets with counts under the other filters, sorting by fit, and query counts."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from practices.factories import make_practice

# Pinned: the listing (all facets, a page of cards, the province map) and a practice page (with its map and
# the fit answer) cost this many
# queries, whether there are 10 practices or 100.
LISTING_QUERIES = 7  # was 35: facet counts, cards, site and view restrictions come from the cache
LISTING_WITH_FIT_QUERIES = 5  # was 36: the ranking and facet counts come from the cache too
# After a publish: the first listing also rebuilds the menu and the footer's site pages; the first fit
# listing ranks (no menu); the first practice page also asks which proposals adopted it (learning)
# and which projects it became or is used in (opportunities)
COLD = (35, 22, 21)
PRACTICE_PAGE_QUERIES = 5  # was 38: the parts only the content decides are cached blocks


def counts(response, key):
    facet = next(facet for facet in response.context["facets"] if facet.key == key)
    return {option.value: option.count for option in facet.options}


def titles(response):
    return [item.title for item in response.context["practices"]]


@pytest.mark.django_db
def test_facet_counts_without_filters(practice_db):
    response = Client().get(practice_db["national"].url)
    assert titles(response) == ["Aanpak A", "Aanpak B", "Aanpak C", "Aanpak D", "Aanpak E"]
    assert counts(response, "thema") == {"informele-steun": 3, "thuiszitters": 2}
    assert counts(response, "bewijs") == {"goed-beschreven": 2, "effectief-goede": 1, "niet-beoordeeld": 2}
    assert counts(response, "kosten") == {"1": 1, "3": 2, "5": 1}
    assert counts(response, "leeftijd") == {"0-3": 1, "4-11": 1, "12-17": 3, "18-27": 3}
    assert counts(response, "werkplaats") == {"groningen": 4, "samen": 1}
    assert counts(response, "provincie") == {"groningen": 2, "zuid-holland": 2, "utrecht": 1}


@pytest.mark.django_db
def test_facet_counts_reflect_the_other_filters(practice_db):
    client = Client()
    url = practice_db["national"].url
    one_theme = client.get(url, {"thema": "informele-steun"})
    assert titles(one_theme) == ["Aanpak A", "Aanpak B", "Aanpak C"]
    assert counts(one_theme, "thema") == {"informele-steun": 3, "thuiszitters": 2}  # own facet: unaffected
    assert counts(one_theme, "bewijs") == {"goed-beschreven": 1, "effectief-goede": 1, "niet-beoordeeld": 1}
    assert counts(one_theme, "provincie") == {"groningen": 2, "zuid-holland": 1, "utrecht": 1}

    both_themes = client.get(url, {"thema": ["informele-steun", "thuiszitters"]})
    assert titles(both_themes) == ["Aanpak A", "Aanpak B", "Aanpak C", "Aanpak D"]  # OR within a facet

    theme_and_province = client.get(url + "?thema=informele-steun&provincie=groningen")
    assert titles(theme_and_province) == ["Aanpak A", "Aanpak C"]  # AND across facets
    assert counts(theme_and_province, "thema") == {"informele-steun": 2, "thuiszitters": 1}
    assert counts(theme_and_province, "provincie") == {"groningen": 2, "zuid-holland": 1, "utrecht": 1}

    ages = client.get(url, {"leeftijd": "18-27", "kosten": "5"})
    assert titles(ages) == ["Aanpak D"]
    nonsense = client.get(url, {"bewijs": "heel-goed", "pagina": "99", "sorteer": "raar"})
    assert nonsense.status_code == 200
    # A value that is no option is not applied (core/params.py); page 99 of one page shows the last page.
    assert titles(nonsense) == titles(client.get(url))
    assert 'value="heel-goed"' not in nonsense.content.decode()


@pytest.mark.django_db
def test_werkplaats_listing_shows_only_its_own(practice_db):
    response = Client().get(practice_db["samen"].url)
    assert titles(response) == ["Aanpak E"]
    assert "werkplaats" not in [facet.key for facet in response.context["facets"]]


@pytest.mark.django_db
def test_sort_by_fit_for_my_municipality(practice_db):
    response = Client().get(practice_db["national"].url, {"gemeente": "groningen"})
    assert response.context["sort"] == "passend"
    items = list(response.context["practices"])
    assert items[0].title == "Aanpak A"  # used in Groningen itself
    assert items[0].fit.level == "goed"
    assert (items[1].title, items[1].fit.level) == ("Aanpak C", "deels")  # in the same jeugdregio (Oldambt)
    assert (items[2].title, items[2].fit.level) == ("Aanpak D", "onbekend")  # no record: nothing speaks against it
    # Leiden is far away and unlike Groningen: weak, and the figures say why.
    assert [(item.title, item.fit.level) for item in items[3:]] == [("Aanpak B", "zwak"), ("Aanpak E", "zwak")]
    assert "Leiden (" in items[3].fit.reasons[-1].text and "per km²" in items[3].fit.reasons[-1].text
    assert response.context["fit_summary"] == (
        "Gesorteerd op hoe goed ze passen bij Groningen: 1 past goed, 1 past deels, 1 onbekend of het past, "
        "2 passen slecht."
    )
    by_title = Client().get(practice_db["national"].url, {"gemeente": "groningen", "sorteer": "titel"})
    assert titles(by_title)[0] == "Aanpak A"
    assert by_title.context["practices"][2].fit is not None  # fit still shown on every card


@pytest.mark.django_db
def test_pagination_keeps_filters(practice_db):
    for number in range(12):
        make_practice(practice_db["groningen"], f"Extra {number:02d}", ["thuiszitters"])
    client = Client()
    first = client.get(practice_db["national"].url, {"thema": "thuiszitters"})
    assert first.context["practices"].paginator.count == 14
    html = first.content.decode()
    assert "thema=thuiszitters&amp;pagina=2" in html
    second = client.get(practice_db["national"].url, {"thema": "thuiszitters", "pagina": "2"})
    assert len(second.context["practices"]) == 2


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params or {}).status_code == 200
    return len(queries)


@pytest.mark.slow
@pytest.mark.django_db
def test_query_counts_do_not_grow_with_the_database(practice_db):
    national, practice = practice_db["national"].url, practice_db["c"].url
    fit = {"gemeente": "groningen", "partner": "school"}

    def measure():
        # A publish made the cached menu, facet counts and ranking stale: the first requests
        # rebuild them, the next ones take them from the cache.
        return once(), once()

    def once():
        return (
            _queries(Client(), national, {"thema": "informele-steun"}),
            _queries(Client(), national, fit),
            _queries(Client(), practice, fit),
        )

    _queries(Client(), national)  # warm the per-process caches (site root paths)
    for number in range(5):
        make_practice(
            practice_db["groningen"],
            f"Tien {number}",
            ["informele-steun"],
            [(["Veendam", "Pekela"], "voortgezet", {}), (["Leiden"], "loopt", {})],
        )
    assert measure() == (COLD, (LISTING_QUERIES, LISTING_WITH_FIT_QUERIES, PRACTICE_PAGE_QUERIES))
    for number in range(90):
        make_practice(
            practice_db["groningen"],
            f"Honderd {number}",
            ["informele-steun", "thuiszitters"],
            [(["Groningen"], "voortgezet", {}), (["Delft", "Gouda"], "gestopt", {"why_not_carried_over": "Te duur."})],
        )
    assert measure() == (COLD, (LISTING_QUERIES, LISTING_WITH_FIT_QUERIES, PRACTICE_PAGE_QUERIES))
