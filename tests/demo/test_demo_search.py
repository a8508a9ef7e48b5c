"""Search quality on the demo content: its synonyms, the promoted result, factsheet text, and
facet counts that agree with what filtering by them shows."""

import json
from pathlib import Path

import pytest
from django.test import Client
from wagtail.models import Page

from demo.utils import data
from practices.models import PracticePage
from search.models import Synonym
from search.synonyms import expand

ROOT = Path(__file__).resolve().parents[2]


def search(**params):
    response = Client().get("/zoeken/", params)
    assert response.status_code == 200
    return response


@pytest.mark.django_db
def test_search_on_the_demo_content():
    jim = PracticePage.objects.get(slug="jim-jouw-informele-mentor", locale__language_code="nl")

    assert "Jouw Informele Mentor" in jim.document_text()  # the factsheet's text is indexed with it
    found = search(q="informele mentor")  # the title says "JIM: Jouw Informele Mentor"
    assert jim.pk in [hit["page"].pk for hit in found.context["hits"]]
    assert Synonym.objects.count() == len(data("search.json")["synonyms"])
    assert "ojg op school" in expand("ondersteuner jeugd en gezin op school")  # the demo list is in use

    promoted = search(q="mentor")
    assert [pick["page_id"] for pick in promoted.context["promotions"]] == [jim.pk]
    assert jim.pk not in [hit["page"].pk for hit in promoted.context["hits"]]  # not repeated below

    # Every theme's count is what ticking it shows, and every hit shown has that theme.
    response = search(q="jeugd")
    themes = next(facet for facet in response.context["facets"] if facet.key == "thema")
    assert themes.options
    for option in themes.options:
        narrowed = search(q="jeugd", thema=option.value)
        assert narrowed.context["total"] == option.count
        for hit in narrowed.context["hits"]:
            assert option.value in {theme.slug for theme in hit["page"].themes.all()}
    kinds = next(facet for facet in response.context["facets"] if facet.key == "soort")
    assert sum(option.count for option in kinds.options) == response.context["total"]

    english = Client().get("/en/search/", {"q": "mentor"})  # English pages, English werkplaats names
    werkplaatsen = next(facet for facet in english.context["facets"] if facet.key == "werkplaats")
    assert english.context["total"] and sum(option.count for option in werkplaatsen.options) == english.context["total"]


@pytest.mark.django_db
def test_every_page_the_search_benchmark_expects_is_in_the_demo():
    """benchmarks/search_quality.py names pages by their Dutch slug: each must be one live Dutch
    page, and an English query's page must have an English version, or its figures mean nothing."""
    queries = json.loads((ROOT / "benchmarks" / "search_queries.json").read_text(encoding="utf-8"))["queries"]
    assert len(queries) >= 93 + 20
    dutch = Page.objects.live().filter(locale__language_code="nl")
    keys = {}
    for slug in {slug for item in queries for slug in item["expect"]}:
        pages = list(dutch.filter(slug=slug).values_list("translation_key", flat=True))
        assert len(pages) == 1, f"the benchmark expects {slug!r}, which is {len(pages)} Dutch pages in the demo"
        keys[slug] = pages[0]
    english = set(
        Page.objects.live()
        .filter(locale__language_code="en", translation_key__in=keys.values())
        .values_list("translation_key", flat=True)
    )
    for item in queries:
        if item["language"] == "en":
            assert {keys[slug] for slug in item["expect"]} <= english, f"no English version for {item['q']!r}"
