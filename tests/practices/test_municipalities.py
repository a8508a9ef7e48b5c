"""Municipalities like mine: figures, the ten most similar, and the practices that ran there."""

import math
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from geography import maps
from geography.models import Municipality
from practices.factories import make_practice

# Pinned: a municipality's page costs this many queries however many practices ran nearby.
MUNICIPALITY_PAGE_QUERIES = 7  # was 15; +1: the improvement proposals for it (learning); +1: its ambitions


def expected_most_similar(name, count=10):
    """The list as docs/regional-fit.md defines it, worked out here from the database rows."""
    home = Municipality.objects.get(name=name)
    centres = maps.centres()
    tolerances = [  # (field, kind, tolerance)
        ("population", "ratio", 2.0),
        ("density", "ratio", 1.5),
        ("address_density", "ratio", 1.5),
        ("urbanisation_class", "classes", 1),
        ("share_age_0_14", "points", 2),
        ("share_age_15_24", "points", 2),
        ("share_households_with_children", "points", 5),
    ]

    def closeness(other):
        values = []
        for field, kind, tolerance in tolerances:
            a, b = getattr(other, field), getattr(home, field)
            values.append(abs(math.log(a / b)) / math.log(tolerance) if kind == "ratio" else abs(a - b) / tolerance)
        return values

    rows = []
    for other in Municipality.objects.exclude(pk=home.pk):
        values = closeness(other)
        distance = math.sqrt(sum(min(value, 1.5) ** 2 for value in values) / len(values))
        if values[0] > 1 or sum(value > 1 for value in values) > 1 or distance > 1:
            continue
        km = math.dist(centres[other.cbs_code], centres[home.cbs_code]) / 1000
        near = other.youth_region_id == home.youth_region_id or other.province_id == home.province_id or km <= 30
        rows.append((not near, distance, other.name))
    return [row[2] for row in sorted(rows)[:count]]


@pytest.mark.django_db
def test_figures_region_and_the_ten_most_similar(practice_db):
    response = Client().get("/gemeenten/groningen/")
    assert response.status_code == 200
    html = response.content.decode()
    groningen = Municipality.objects.get(name="Groningen")
    assert f"{groningen.population:,}".replace(",", ".") in html  # 243.768-style Dutch grouping
    assert f">{groningen.density:,}".replace(",", ".") in html or f">{groningen.density}<" in html
    assert "Groningen (JZ01)" not in html and "(JZ01)" in html
    assert "CBS 85984NED Kerncijfers wijken en buurten 2024" in html and "CC BY 4.0" in html
    similar = [place.name for place, _comparison in response.context["similar"]]
    assert similar == expected_most_similar("Groningen") and similar
    deventer_page = Client().get("/gemeenten/deventer/")
    deventer = [place.name for place, _comparison in deventer_page.context["similar"]]
    assert deventer == expected_most_similar("Deventer") and len(deventer) == 10
    # The map shows the same places, each marked as the fit check counts it.
    map_html = deventer_page.content.decode().split('class="map map--similar"')[1]
    kinds = re.findall(r'class="map__place map__place--([a-z-]+)"', map_html)
    relations = ["like" if c.is_similar else "alike-far" for _place, c in deventer_page.context["similar"]]
    assert kinds == relations and "like" in kinds
    assert "Groningen" not in similar
    for place, comparison in response.context["similar"]:
        assert f'href="/gemeenten/{place.slug}/"' in html
        assert comparison.text() in html or comparison.text().capitalize() in html


@pytest.mark.django_db
def test_practices_that_ran_here_or_in_a_similar_municipality(practice_db):
    similar = expected_most_similar("Groningen")
    twin = make_practice(practice_db["groningen"], "Aanpak Tweeling", record=[([similar[0]], "opgeschaald", {})])
    response = Client().get("/gemeenten/groningen/")
    listed = {item["page"].title: item for item in response.context["practices"]}
    # B and E ran in Leiden and C in Oldambt and Utrecht: none of them is alike in figures to Groningen.
    assert not {"Leiden", "Utrecht", "Oldambt"} & set(similar)
    assert set(listed) == {"Aanpak A", "Aanpak Tweeling"}
    assert listed["Aanpak Tweeling"]["level"] == "deels"  # Maastricht: alike in figures, far away
    assert listed["Aanpak Tweeling"]["runs"][0]["places"][0].name == similar[0]
    assert listed["Aanpak Tweeling"]["runs"][0]["outcome"] == "opgeschaald"
    assert listed["Aanpak A"]["level"] == "goed"
    html = response.content.decode()
    assert "Opgeschaald" in html or "opgeschaald" in html
    assert f"{twin.url}?gemeente=groningen#fit-answer" in html  # the practice opens with this fit


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_practices(practice_db):
    similar = expected_most_similar("Deventer")
    client = Client()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/gemeenten/deventer/").status_code == 200
        return len(captured)

    make_practice(practice_db["samen"], "Hier", record=[(["Deventer"], "loopt", {})])
    queries()  # the first request also fills per-process caches (content types, site)
    assert queries() == MUNICIPALITY_PAGE_QUERIES
    for number in range(6):
        make_practice(practice_db["samen"], f"Extra {number}", record=[([similar[number], "Deventer"], "loopt", {})])
    queries()  # publishing made the cached menu stale; the first request rebuilds it
    assert queries() == MUNICIPALITY_PAGE_QUERIES
    assert len(client.get("/gemeenten/deventer/").context["practices"]) == 7


@pytest.mark.django_db
def test_finding_a_municipality_by_the_name_people_use(client):
    assert client.get("/gemeenten/", {"gemeente": "Leiden"})["Location"] == "/gemeenten/leiden/"
    assert client.get("/gemeenten/", {"gemeente": "Den Haag"})["Location"] == "/gemeenten/s-gravenhage/?naam=Den+Haag"
    weesp = client.get("/gemeenten/", {"gemeente": "Weesp"})
    assert weesp["Location"] == "/gemeenten/amsterdam/?naam=Weesp"
    assert "Weesp hoort sinds 2022 bij Amsterdam." in client.get(weesp["Location"]).content.decode()
    unknown = client.get("/gemeenten/", {"gemeente": "Amsterdm"})
    assert unknown.status_code == 200
    assert 'href="/gemeenten/amsterdam/"' in unknown.content.decode()
    everyone = client.get("/gemeenten/").content.decode()
    assert everyone.count('href="/gemeenten/') >= 342
    assert client.get("/gemeenten/atlantis/").status_code == 404
    assert client.get("/gemeenten/amsterdam/", {"naam": "\u202e" * 500}).status_code == 200
    assert client.get("/gemeenten/amsterdam/", {"naam": "\x00" * 500}).status_code == 400


@pytest.mark.django_db
def test_in_english(site_tree):
    from wagtail.models import Locale

    english_home = site_tree["home"].copy_for_translation(Locale.objects.get(language_code="en"))
    english_home.save_revision().publish()
    response = Client().get("/en/municipalities/leiden/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Municipalities like Leiden" in html
    assert 'href="/gemeenten/leiden/"' in html  # the language switch leads to the same page in Dutch
    assert Client().get("/gemeenten/leiden/").content.decode().count('href="/en/municipalities/leiden/"') >= 1


@pytest.mark.django_db
def test_every_fit_answer_links_to_municipalities_like_mine(practice_db):
    client = Client()
    for url in [practice_db["a"].url, practice_db["national"].url]:
        html = client.get(url, {"gemeente": "zwolle"}).content.decode()
        assert 'href="/gemeenten/zwolle/"' in html, url
