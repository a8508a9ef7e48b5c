"""The maps of the practice database: where a practice ran, and how many ran in each province."""

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from geography import maps
from geography.models import Municipality
from practices.factories import make_practice

SVG = "{http://www.w3.org/2000/svg}"


def practice_svg(html, css_class="map--practice"):
    """The map's <svg> element, parsed as XML: it must be well-formed to parse at all."""
    start = html.index(f'<figure class="map {css_class}"')
    svg = html[html.index("<svg", start) : html.index("</svg>", start) + len("</svg>")]
    return ET.fromstring(  # noqa: S314 (our own page's markup)
        svg.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" xmlns:xlink="http://www.w3.org/1999/xlink" ', 1)
    )


def places(svg):
    """{municipality name: outcome class} of the coloured areas."""
    found = {}
    for path in svg.iter(f"{SVG}path"):
        css = path.get("class", "")
        if css.startswith("map__place "):
            title = path.find(f"{SVG}title").text
            found[title.split(":")[0]] = css.split("map__place--")[1]
    return found


@pytest.mark.django_db
def test_the_map_colours_each_place_by_its_latest_outcome(practice_db):
    practice = make_practice(
        practice_db["groningen"],
        "Aanpak Kaart",
        record=[
            (["Groningen", "Oldambt"], "voortgezet", {}),
            (["Utrecht"], "gestopt", {"why_not_carried_over": "Geen geld."}),
            (["Leiden"], "loopt", {}),
        ],
    )
    later = practice.implementations.model(started=2024, outcome="opgeschaald")
    later.municipalities = list(Municipality.objects.filter(name="Groningen"))
    practice.implementations.add(later)
    practice.save_revision().publish()

    html = Client().get(practice.url).content.decode()
    svg = practice_svg(html)
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text.startswith("Kaart van Nederland: waar Aanpak Kaart liep")
    assert places(svg) == {"Groningen": "opgeschaald", "Oldambt": "voortgezet", "Utrecht": "gestopt", "Leiden": "loopt"}
    shapes = {path.get("d") for path in svg.iter(f"{SVG}path")}
    for code in Municipality.objects.filter(name__in=["Groningen", "Utrecht"]).values_list("cbs_code", flat=True):
        assert maps.municipalities()[code].d in shapes  # drawn from the CBS/PDOK boundary itself
    assert len([p for p in svg.iter(f"{SVG}path") if p.get("d") in {a.d for a in maps.provinces().values()}]) == 12
    markers = [use.get("class") for use in svg.iter(f"{SVG}use")]
    assert sorted(markers) == sorted(f"map__marker map__marker--{outcome}" for outcome in places(svg).values())
    description = svg.find(f"{SVG}desc").text
    assert "Utrecht: Gestopt" in description or "Utrecht: gestopt" in description
    assert svg.find(f".//{SVG}circle[@class='map__home']") is None  # no municipality chosen
    assert "Grenzen: CBS/PDOK (CC BY 4.0)" in html
    assert html.index('class="map map--practice"') < html.index('class="record-table"')  # the table stays


@pytest.mark.django_db
def test_the_readers_municipality_is_marked(practice_db):
    html = Client().get(practice_db["b"].url, {"gemeente": "Den Haag"}).content.decode()
    svg = practice_svg(html)
    home = maps.municipalities()[Municipality.objects.get(name="'s-Gravenhage").cbs_code]
    assert svg.find(f".//{SVG}path[@class='map__home-area']").get("d") == home.d
    circle = svg.find(f".//{SVG}circle[@class='map__home']")
    assert (int(circle.get("cx")), int(circle.get("cy"))) == (home.x, home.y)
    assert "Jouw gemeente: &#x27;s-Gravenhage" in html
    assert "Jouw gemeente: 's-Gravenhage." in svg.find(f"{SVG}desc").text


@pytest.mark.django_db
def test_no_map_without_a_record(practice_db):
    html = Client().get(practice_db["d"].url).content.decode()
    assert "map--practice" not in html


@pytest.mark.django_db
def test_the_overview_maps_how_many_practices_ran_per_province(practice_db):
    response = Client().get(practice_db["national"].url)
    html = response.content.decode()
    svg = practice_svg(html, "map--provinces")
    shaded = {path.find(f"{SVG}title").text: path.get("class") for path in svg.iter(f"{SVG}path")}
    assert len(shaded) == 12
    # A: Groningen; B, E: Leiden (Zuid-Holland); C: Oldambt (Groningen) and Utrecht.
    assert shaded["Groningen: 2 praktijkvoorbeelden"] == "map__count map__count--2"
    assert shaded["Zuid-Holland: 2 praktijkvoorbeelden"] == "map__count map__count--2"
    assert shaded["Utrecht: 1 praktijkvoorbeeld"] == "map__count map__count--1"
    assert shaded["Drenthe: 0 praktijkvoorbeelden"] == "map__count map__count--0"
    # The shades follow the other filters, like the province facet's counts.
    themed = Client().get(practice_db["national"].url, {"thema": "thuiszitters"}).content.decode()
    assert "Zuid-Holland: 0 praktijkvoorbeelden" in themed
