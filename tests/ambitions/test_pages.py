"""Ambitions in public: the overview's one table, the ambition's page with its charts, the
werkplaats and municipality pages, and the API."""

import re

import pytest

from ambitions.models import AmbitionPage, Indicator

pytestmark = pytest.mark.django_db

OVERVIEW_QUERIES = 8  # the page and its parent, the ambitions, their indicators, measurements and themes
AMBITION_QUERIES = 9  # the page, its werkplaats, indicators, measurements, regions, places and themes


def rows_of(html):
    """(indicator, status) of every row of the ambitions tables in ``html``."""
    tables = "".join(re.findall(r'<table class="ambitions-table">.*?</table>', html, re.S))
    return re.findall(
        r'<th scope="row"[^>]*>([^<]+)</th>\s*<td>.*?</td>\s*<td>.*?</td>\s*<td><span class="status status--([a-z-]+)"',
        tables,
        re.S,
    )


def test_the_national_overview_shows_every_indicator_with_its_status(client, ambitions):
    response = client.get(ambitions["national"].url)
    assert response.status_code == 200
    assert rows_of(response.content.decode()) == [
        ("Thuiszitters", "op-koers"),
        ("Dakloze jongeren", "niet-meetbaar"),
        ("Netwerken met een jongere", "behaald"),
    ]


def test_a_werkplaats_overview_shows_its_own(client, ambitions):
    html = client.get(ambitions["samen"].url).content.decode()
    assert [name for name, _status in rows_of(html)] == ["Netwerken met een jongere"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?status=behaald", ["Netwerken met een jongere"]),
        ("?status=niet-meetbaar", ["Dakloze jongeren"]),
        ("?status=onzin", ["Thuiszitters", "Dakloze jongeren", "Netwerken met een jongere"]),
        ("?thema=%3Cscript%3E", ["Thuiszitters", "Dakloze jongeren", "Netwerken met een jongere"]),
        ("?thema=bestaat-niet", []),
    ],
)
def test_the_overview_filters_by_status_and_ignores_what_is_no_option(client, ambitions, query, expected):
    response = client.get(ambitions["national"].url + query)
    assert response.status_code == 200
    assert [name for name, _status in rows_of(response.content.decode())] == expected


def test_the_ambition_page_draws_a_chart_with_words_and_a_table(client, ambitions):
    html = client.get(ambitions["on_track"].url).content.decode()
    charts = re.findall(r'<svg [^>]*class="chart__svg"[^>]*role="img" aria-labelledby="([^"]+)"', html)
    assert len(charts) == 1  # the indicator without a baseline gets none
    title_id, desc_id = charts[0].split()
    assert re.search(rf'<title id="{title_id}">Thuiszitters</title>', html)
    description = re.search(rf'<desc id="{desc_id}">([^<]+)</desc>', html).group(1)
    assert "Nulmeting 100" in description or "Baseline 100" in description
    assert "70" in description
    assert '<table class="figures-table">' in html
    assert "Geen telling." in html  # why the other cannot be measured yet
    assert not re.search(r'(?:x|y|x1|y1|cx|cy)="\d+,\d', html)  # coordinates never in the Dutch number format


def test_the_pages_run_a_fixed_number_of_queries(client, ambitions, page_queries):
    assert len(page_queries(client, ambitions["national"].url)) == OVERVIEW_QUERIES
    assert len(page_queries(client, ambitions["on_track"].url)) == AMBITION_QUERIES


def test_the_overview_queries_do_not_grow_with_the_ambitions(client, ambitions, page_queries):
    from ambitions.factories import indicator, make_ambition

    for number in range(5):
        make_ambition(
            ambitions["groningen"], title=f"Nog een ambitie {number}", indicators=[indicator(1), indicator(2)]
        )
    assert len(page_queries(client, ambitions["national"].url)) == OVERVIEW_QUERIES


def test_the_werkplaats_page_shows_its_ambitions(client, ambitions, site_tree):
    html = client.get(site_tree["groningen"].url).content.decode()
    assert 'id="ambitions-heading"' in html
    assert [name for name, _status in rows_of(html)] == ["Thuiszitters", "Dakloze jongeren"]
    assert ambitions["groningen"].url in html


def test_the_municipality_page_shows_the_ambitions_that_concern_it(client, ambitions, site_tree):
    html = client.get("/gemeenten/groningen/").content.decode()
    assert [name for name, _status in rows_of(html)] == ["Thuiszitters", "Dakloze jongeren"]  # its jeugdregio's
    other = client.get("/gemeenten/leiden/").content.decode()
    assert "ambitions-heading" not in other
    # An ambition naming no place concerns the municipalities its werkplaats covers.
    samen = site_tree["samen"]
    samen.municipalities = [ambitions["place"].__class__.objects.get(slug="leiden")]
    samen.save_revision().publish()
    assert [name for name, _status in rows_of(client.get("/gemeenten/leiden/").content.decode())] == [
        "Netwerken met een jongere"
    ]


def test_the_api_gives_the_figures_and_status_never_who_entered_them(client, ambitions):
    response = client.get("/api/v2/pages/", {"type": "ambitions.AmbitionPage", "fields": "indicator_list"})
    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    thuiszitters, dakloos = items["Minder thuiszitters"]["indicator_list"]
    assert thuiszitters["status"] == "op-koers"
    assert thuiszitters["latest"]["value"] == "70.00"
    assert [m["source"] for m in thuiszitters["measurements"]] == ["CBS"]
    assert dakloos["status"] == "niet-meetbaar" and dakloos["why"] == "Geen telling."
    assert "entered_by" not in response.content.decode()


def test_an_unpublished_ambition_is_nowhere(client, ambitions):
    ambitions["reached"].unpublish()
    assert "Netwerken met een jongere" not in client.get(ambitions["national"].url).content.decode()
    assert AmbitionPage.objects.live().count() == 1
    assert Indicator.objects.count() == 3
