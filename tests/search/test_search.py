"""The search page: one code path through Wagtail's search backend, kinds with counts, snippets,
unsent newsletter issues kept out, and bad input answered with a normal page."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from articles.factories import ArticlePageFactory
from core.http.fragments import bump_content_version
from events.factories import EventIndexPageFactory, EventPageFactory
from newsletters.factories import draft_issue
from newsletters.models import Mailing
from newsletters.sending import prepare
from practices.factories import PracticeIndexPageFactory, PracticePageFactory
from search.highlight import snippet
from search.query import clean_query

# Pinned: a results page of articles, with its facets and statistics, costs this many queries
# whether it shows one hit or five (the backend is asked once, for the ranked ids).
# The language links of a view of our own come from its URL (not from home pages); the editors'
# synonyms and compound words are read once each.
SEARCH_PAGE_QUERIES = 17  # 28 before the view restrictions and locale were read once per request; +1: the titles
# of the best 50 results, for search/ranking.py; -2: the facets read only the kinds among the matches
SEARCH_PAGE_KEPT_QUERIES = (
    4  # the same search again (within the content version and the hour): statistics and promotions
)


@pytest.fixture
def content(site_tree):
    practices = PracticeIndexPageFactory(parent=site_tree["samen"])
    calendar = EventIndexPageFactory(parent=site_tree["samen"])
    return {
        "practice": PracticePageFactory(
            parent=practices, title="Buurtgezinnen", summary="Een buurtgezin steunt een gezin in de wijk."
        ),
        "event": EventPageFactory(
            parent=calendar, title="Leernetwerk buurtgezinnen", summary="Samen leren over steun in de wijk."
        ),
        "article": ArticlePageFactory(
            parent=site_tree["samen_news"], title="Jongere mantelzorgers", summary="Over de jongere mantelzorger."
        ),
    }


def search(**params):
    response = Client().get("/zoeken/", params)
    assert response.status_code == 200
    return response


def titles(response):
    return sorted(hit["page"].title for hit in response.context["hits"])


def counts(response, key):
    facet = next(facet for facet in response.context["facets"] if facet.key == key)
    return {option.value: option.count for option in facet.options}


@pytest.mark.django_db
def test_one_search_across_kinds_with_counts_and_a_kind_filter(content):
    response = search(q="buurtgezinnen")
    assert titles(response) == ["Buurtgezinnen", "Leernetwerk buurtgezinnen"]
    kinds = counts(response, "soort")
    assert kinds == {
        "praktijk": 1,
        "bijeenkomst": 1,
        "artikel": 0,
        "nieuwsbrief": 0,
        "verbetervoorstel": 0,
        "ervaringsverhaal": 0,
        "ambitie": 0,
        "kans": 0,
        "project": 0,
    }
    narrowed = search(q="buurtgezinnen", soort="bijeenkomst")
    assert titles(narrowed) == ["Leernetwerk buurtgezinnen"]
    assert counts(narrowed, "soort") == kinds  # counts show what a tick adds
    html = narrowed.content.decode()
    assert 'id="facet-soort-2" name="soort" value="bijeenkomst" checked' in html and "<mark>" in html


@pytest.mark.django_db
def test_newsletter_issues_are_found_only_once_sent(site_tree, newsletters, django_capture_on_commit_callbacks):
    later = timezone.now() + datetime.timedelta(days=2)
    issue = draft_issue(site_tree["samen"], newsletters["samen"], title="Winterse nieuwsbrief", send_at=later)
    issue.save_revision().publish()  # scheduled, not sent
    assert titles(search(q="winterse")) == []
    # Sending starts: the issue is public, and the search kept without it is stale.
    with django_capture_on_commit_callbacks(execute=True):
        prepare(Mailing.objects.get(page=issue))
    assert titles(search(q="winterse")) == ["Winterse nieuwsbrief"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a" * 10_000,
        '"ongebalanceerd',
        "title:foo AND (bar OR",
        "\u200b gezin \u202e",
        "🙂 gezin ĳ",
        '"-"',
        'x """ y',
    ],
)
def test_bad_input_gets_a_normal_page(content, query):
    response = search(q=query)
    assert len(response.context["query"]) <= 200


@pytest.mark.django_db
def test_bytes_that_are_not_utf8_get_a_normal_page(content):
    response = Client().get("/zoeken/?q=%ED%A0%80%FF+gezin")
    assert response.status_code == 200 and response.context["query"].endswith("gezin")


def test_clean_query_keeps_text_and_drops_what_is_not():
    assert clean_query("  jeugd\x00\nhulp\t ") == "jeugd hulp"
    assert clean_query("a" * 500) == "a" * 200
    assert clean_query('"coördinator" (OJG)') == "coördinator (OJG)"


def test_snippets_mark_the_query_and_escape_the_text():
    text = "Een <script>alert(1)</script> verhaal over jongeren en hun ouders."
    marked = snippet(text, "jongere")
    assert "<script>" not in marked and "&lt;script&gt;" in marked
    assert "<mark>jongeren</mark>" in marked


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="Dutch stemming is PostgreSQL's (SEARCH_CONFIG dutch)")
def test_dutch_stemming_on_postgresql(content):
    assert titles(search(q="jongeren")) == ["Jongere mantelzorgers"]


@pytest.mark.django_db
def test_promoted_results_come_first_and_are_not_repeated(content, site_tree):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    query = Query.get("buurtgezinnen")
    SearchPromotion.objects.create(
        query=query, page=content["event"], description="Het leernetwerk van SAMEN.", sort_order=0
    )
    SearchPromotion.objects.create(
        query=query, external_link_url="https://www.nji.nl/", external_link_text="Databank NJi", sort_order=1
    )
    response = search(q="Buurtgezinnen ")
    assert [pick["title"] for pick in response.context["promotions"]] == ["Leernetwerk buurtgezinnen", "Databank NJi"]
    assert titles(response) == ["Buurtgezinnen"]  # the promoted event is not repeated below
    html = response.content.decode()
    assert html.index("Leernetwerk buurtgezinnen") < html.index("Buurtgezinnen</mark>")


@pytest.mark.django_db
def test_searches_are_counted_and_the_report_shows_what_found_nothing(content):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from search.stats import report

    for query in ("buurtgezinnen", "Buurtgezinnen", "thuiszitters", "thuiszitters", "thuiszitters"):
        search(q=query)
    Client().get("/zoeken/", {"q": "buurtgezinnen", "pagina": "2"})  # turning a page is not another search
    frequent, empty = report(30)
    assert [(row["query__query_string"], row["searches"]) for row in frequent] == [
        ("thuiszitters", 3),
        ("buurtgezinnen", 2),
    ]
    assert [(row["query__query_string"], row["searches"]) for row in empty] == [("thuiszitters", 3)]
    admin = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "a-long-password")
    client = Client()
    client.force_login(admin)
    page = client.get(reverse("search_report"), {"dagen": "7"}).content.decode()
    assert "thuiszitters" in page and page.count("<td>3</td>") == 2
    editor = get_user_model().objects.create_user("redactie", "r@example.org", "a-long-password", is_staff=True)
    client.force_login(editor)
    assert client.get(reverse("search_report")).status_code in (302, 403)


@pytest.mark.django_db
def test_when_elasticsearch_is_down_the_database_answers_with_a_notice(content, settings):
    """A real Elasticsearch backend pointed at a port where nothing listens: connection refused."""
    database = dict(settings.WAGTAILSEARCH_BACKENDS["default"])  # as configured (Dutch on PostgreSQL)
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch8",
            "URLS": ["http://127.0.0.1:9"],
            "TIMEOUT": 1,
            "AUTO_UPDATE": False,
        },
        "fallback": database,
    }
    response = search(q="buurtgezinnen")
    assert response.context["degraded"] is True
    assert titles(response) == ["Buurtgezinnen", "Leernetwerk buurtgezinnen"]
    assert 'class="callout callout--warning" role="status"' in response.content.decode()


@pytest.mark.django_db
def test_suggestions_complete_the_words_typed(content):
    response = Client().get("/zoeken/suggesties/", {"q": "buurtgez"})
    assert response["Content-Type"] == "application/json"
    suggestions = response.json()["suggestions"]
    assert {item["title"] for item in suggestions} == {"Buurtgezinnen", "Leernetwerk buurtgezinnen"}
    practice = next(item for item in suggestions if item["title"] == "Buurtgezinnen")
    assert practice == {"title": "Buurtgezinnen", "url": content["practice"].url, "kind": "Praktijkvoorbeeld"}
    assert Client().get("/zoeken/suggesties/", {"q": "b"}).json() == {"suggestions": []}  # too short to ask
    assert Client().get("/zoeken/suggesties/", {"q": '"%' * 500}).status_code == 200
    assert Client().get("/zoeken/suggesties/", {"q": '"\x00' * 500}).status_code == 400


@pytest.mark.django_db
def test_the_results_page_costs_the_same_queries_for_one_hit_or_many(content, site_tree, django_assert_num_queries):
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    search(q="mantelzorgers")  # the first search of a query also creates its statistics rows
    bump_content_version()  # as after a publish: the search is run, not taken from the cache
    search(q="buurtgezinnen")  # (another search builds what every page keeps: menu, site, ...)
    with CaptureQueriesContext(db) as one:
        search(q="mantelzorgers")
    one_hit = len(one)  # (now: the next request empties the log)
    for number in range(4):
        ArticlePageFactory(parent=site_tree["samen_news"], title=f"Mantelzorgers {number}")
    bump_content_version()
    search(q="buurtgezinnen")
    assert one_hit == SEARCH_PAGE_QUERIES
    with django_assert_num_queries(SEARCH_PAGE_QUERIES):
        response = search(q="mantelzorgers")
    assert len(response.context["hits"]) == 5
    # Asked again: the matches and their facet counts come from the cache.
    with django_assert_num_queries(SEARCH_PAGE_KEPT_QUERIES):
        assert len(search(q="mantelzorgers").context["hits"]) == 5


@pytest.mark.django_db
def test_a_typo_finds_what_was_meant_on_every_backend(content):
    response = search(q="buurtgeizinnen")  # a stray letter
    attempt = response.context["attempt"]
    assert attempt.corrected and attempt.searched == "buurtgezinnen"  # the closest word the pages use
    assert "Buurtgezinnen" in titles(response)
    assert "Er is niets gevonden voor “buurtgeizinnen”. Dit zijn de resultaten voor “buurtgezinnen”." in (
        response.content.decode()
    )
    exact = search(q="buurtgezinnen")
    assert exact.context["attempt"].how == ""  # an exact match is never padded with near misses


@pytest.mark.django_db
def test_a_result_shows_the_pages_own_date_never_when_it_was_loaded(site_tree):
    """A practice shows its last review, said as such; only a page without a date of its own
    shows when it was published, said as such too."""
    from practices.factories import make_practice

    practices = PracticeIndexPageFactory(parent=site_tree["groningen"])
    reviewed = make_practice(practices, "Kwartiermakers herzien", last_reviewed=datetime.date(2023, 6, 1))
    make_practice(practices, "Kwartiermakers zonder herziening", last_reviewed=None)
    response = Client().get("/zoeken/", {"q": "kwartiermakers"})
    dates = {hit["page"].title: (hit["date"], hit["date_kind"]) for hit in response.context["hits"]}
    assert dates[reviewed.title] == (datetime.date(2023, 6, 1), "reviewed")
    assert dates["Kwartiermakers zonder herziening"][1] == "published"
    page = response.content.decode()
    assert 'herzien <time datetime="2023-06-01">1 juni 2023</time>' in page
    assert f'gepubliceerd <time datetime="{timezone.localdate():%Y-%m-%d}"' in page
