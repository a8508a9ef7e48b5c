"""The fit check, rule by rule (docs/regional-fit.md), on hand-made geography."""

import pytest
from django.test import Client
from django.utils import translation

from practices.fit import COOKIE_NAME, GOOD, LEVEL_RANK, PARTIAL, UNKNOWN, WEAK, FitQuestion, Geography, Place, assess

# Home: a little-urban town of 40,000 in region R1, province P1.
HOME = Place(1, "Thuisstad", "thuisstad", 1, "Regio Een", 1, "Provincie Een", 4, 40_000)
TWIN = Place(2, "Tweeling", "tweeling", 2, "Regio Twee", 2, "Provincie Twee", 4, 55_000)  # similar, far away
CITY = Place(3, "Grootstad", "grootstad", 2, "Regio Twee", 2, "Provincie Twee", 1, 400_000)  # unlike, far away
NEIGHBOUR = Place(4, "Buurdorp", "buurdorp", 1, "Regio Een", 1, "Provincie Een", 3, 300_000)  # unlike, same region
PROVINCIAL = Place(5, "Provstad", "provstad", 3, "Regio Drie", 1, "Provincie Een", 3, 250_000)  # same province
UNKNOWN_PLACE = Place(6, "Leegdorp", "leegdorp", 2, "Regio Twee", 2, "Provincie Twee", None, None)
GEOGRAPHY = Geography([HOME, TWIN, CITY, NEIGHBOUR, PROVINCIAL, UNKNOWN_PLACE])
LABELS = {"huisarts": "Huisarts", "school": "School"}


def profile(*implementations, needs=()):
    return {
        "partners_needed": list(needs),
        "implementations": [
            {"municipalities": [place.pk], "outcome": outcome, "started": 2020, "ended": None, "why_not": why}
            for place, outcome, why in implementations
        ],
    }


def fit(record, cost_band=2, home=HOME, partners=None, budget=None):
    with translation.override("en"):
        return assess(record, cost_band, FitQuestion(home, partners, budget), GEOGRAPHY, LABELS)


def texts(result):
    return " ".join(reason.text for reason in result.reasons)


def test_used_here_is_a_good_fit():
    result = fit(profile((HOME, "voortgezet", "")))
    assert result.level == GOOD
    assert "Already used in Thuisstad (2020-now)" in texts(result)


def test_used_in_a_similar_municipality_is_a_good_fit():
    result = fit(profile((TWIN, "voortgezet", "")))
    assert result.level == GOOD
    assert "like yours in urbanisation and size: Tweeling" in texts(result)


def test_used_nearby_is_partial():
    in_region = fit(profile((NEIGHBOUR, "voortgezet", "")))
    assert in_region.level == PARTIAL
    assert "in your jeugdregio Regio Een: Buurdorp" in texts(in_region)
    in_province = fit(profile((PROVINCIAL, "voortgezet", "")))
    assert in_province.level == PARTIAL
    assert "in your province Provincie Een: Provstad" in texts(in_province)


def test_used_only_far_away_in_unlike_places_is_weak():
    result = fit(profile((CITY, "voortgezet", "")))
    assert result.level == WEAK
    assert "Only ever used in strongly urban municipalities" in texts(result)
    assert "Not used near you nor in municipalities like yours" in texts(result)


def test_missing_partner_lowers_the_fit_only_when_partners_are_stated():
    record = profile((TWIN, "voortgezet", ""), needs=["huisarts", "school"])
    not_stated = fit(record)
    assert not_stated.level == GOOD
    assert "Check that you can work with: Huisarts, School" in texts(not_stated)
    lacking = fit(record, partners=frozenset({"school"}))
    assert lacking.level == PARTIAL
    assert "Needs a partner you did not tick: Huisarts" in texts(lacking)
    complete = fit(record, partners=frozenset({"school", "huisarts"}))
    assert complete.level == GOOD


def test_above_budget_lowers_the_fit():
    record = profile((TWIN, "voortgezet", ""))
    assert fit(record, cost_band=4, budget=4).level == GOOD
    over = fit(record, cost_band=4, budget=2)
    assert over.level == PARTIAL
    assert "cost band 4, you chose at most 2" in texts(over)
    assert fit(profile((NEIGHBOUR, "voortgezet", "")), cost_band=4, budget=2).level == WEAK


def test_stopped_here_or_in_similar_places_counts_against():
    here = fit(profile((HOME, "gestopt", "Geen huisartsen met tijd.")))
    assert here.level == WEAK
    assert "Stopped earlier in Thuisstad: Geen huisartsen met tijd." in texts(here)
    similar = fit(profile((TWIN, "gestopt", "Te duur.")))
    assert similar.level == PARTIAL
    assert "Stopped in comparable municipalities: Tweeling" in texts(similar)


def test_unknown_without_record_or_figures():
    assert fit(profile()).level == UNKNOWN
    assert "no record yet" in texts(fit(profile()))
    no_figures = fit(profile((UNKNOWN_PLACE, "voortgezet", "")))
    assert no_figures.level == UNKNOWN
    assert "have no figures" in texts(no_figures)
    home_without_figures = Place(7, "Nergens", "nergens", 9, "Regio Negen", 9, "Provincie Negen", None, None)
    result = fit(profile((TWIN, "voortgezet", "")), home=home_without_figures)
    assert result.level == UNKNOWN
    assert "Nergens has no urbanisation and population figures" in texts(result)
    assert fit(profile(), budget=1, cost_band=3).level == WEAK  # nothing known, one obstacle


def test_fit_is_deterministic_and_ranked():
    record = profile((TWIN, "voortgezet", ""), (NEIGHBOUR, "voortgezet", ""))
    first, second = fit(record), fit(record)
    assert first == second
    assert first.strength == 2
    assert sorted([WEAK, GOOD, UNKNOWN, PARTIAL], key=lambda level: -LEVEL_RANK[level]) == [
        GOOD,
        PARTIAL,
        UNKNOWN,
        WEAK,
    ]


@pytest.mark.django_db
def test_municipality_persists_in_a_cookie_until_cleared(practice_db):
    client = Client()
    page = practice_db["a"]
    response = client.get(page.url, {"gemeente": "groningen", "partner": "school", "budget": "3"})
    assert response.cookies[COOKIE_NAME].value == "gemeente=groningen&partner=school&budget=3"
    assert "Cookie" in response["Vary"]
    assert response.context["question"].municipality.name == "Groningen"
    # Another page, no parameters: the cookie carries the question.
    later = client.get(practice_db["b"].url)
    assert later.context["question"].municipality.name == "Groningen"
    assert later.context["fit"] is not None
    # By name, as typed without JavaScript, works as well.
    assert client.get(page.url, {"gemeente": "Leiden"}).context["question"].municipality.name == "Leiden"
    cleared = client.get(page.url, {"fit": "wissen"})
    assert cleared.cookies[COOKIE_NAME].value == ""
    assert client.get(page.url).context["fit"] is None
