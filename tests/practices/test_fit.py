"""The fit check, rule by rule (docs/regional-fit.md), on hand-made geography."""

import pytest
from django.test import Client
from django.utils import translation

from core.geography.places import Geography, Place
from practices.fit import GOOD, LEVEL_RANK, PARTIAL, UNKNOWN, WEAK, assess
from practices.question import COOKIE_NAME, FitQuestion


def place(pk, name, region, province, population, density, urbanisation=None):
    return Place(
        pk=pk,
        name=name,
        slug=name.lower(),
        cbs_code=f"GM{pk:04d}",
        region_id=region,
        region=f"Regio {region}",
        province_id=province,
        province=f"Provincie {province}",
        province_code=f"PV{province}",
        population=population,
        density=density,
        urbanisation=urbanisation,
    )


# Home: a town of 40,000 with 400 inhabitants per km², in region 1, province 1.
HOME = place(1, "Thuisstad", 1, 1, 40_000, 400)
TWIN = place(2, "Tweeling", 2, 2, 55_000, 500)  # similar in size and density, far away
CITY = place(3, "Grootstad", 2, 2, 400_000, 4_000)  # unlike, far away, dense
NEIGHBOUR = place(4, "Buurdorp", 1, 1, 300_000, 1_000)  # unlike, same region
DENSE_NEIGHBOUR = place(9, "Buurstad", 1, 1, 300_000, 2_000)  # unlike, same region, densely populated
PROVINCIAL = place(5, "Provstad", 3, 1, 250_000, 1_200)  # unlike, same province
BIG_TWIN = place(6, "Groottweeling", 2, 2, 80_000, 600)  # just within both bands
CROWDED = place(7, "Drukdorp", 2, 2, 45_000, 700)  # same size, density 1.75 times: not similar
EMPTY = place(8, "Leegdorp", 2, 2, None, None)  # figures not (yet) loaded
GEOGRAPHY = Geography([HOME, TWIN, CITY, NEIGHBOUR, DENSE_NEIGHBOUR, PROVINCIAL, BIG_TWIN, CROWDED, EMPTY])
LABELS = {"huisarts": "Huisarts", "school": "School"}


def profile(*implementations, needs=()):
    return {
        "partners_needed": list(needs),
        "implementations": [
            {"municipalities": [where.pk], "outcome": outcome, "started": 2020, "ended": None, "why_not": why, **extra}
            for where, outcome, why, *more in implementations
            for extra in [more[0] if more else {}]
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


def test_used_in_a_similar_municipality_is_a_good_fit_and_names_the_figures():
    result = fit(profile((TWIN, "voortgezet", "")))
    assert result.level == GOOD
    assert texts(result) == (
        "Used in municipalities similar in size and density to Thuisstad (40,000 inhabitants, 400 per km²): "
        "Tweeling (55,000 inhabitants, 500 per km²)."
    )
    assert result.home == "Thuisstad (40,000 inhabitants, 400 per km²)"


def test_similar_means_within_twice_the_inhabitants_and_one_and_a_half_times_the_density():
    assert fit(profile((BIG_TWIN, "voortgezet", ""))).level == GOOD  # 2.0x inhabitants, 1.5x density: the edge
    crowded = fit(profile((CROWDED, "voortgezet", "")))
    assert crowded.level == WEAK  # density 1.75 times: not similar, and not nearby
    assert "Drukdorp (45,000 inhabitants, 700 per km²: similar in size, 1.8 times as densely populated)" in texts(
        crowded
    )


def test_the_urbanisation_class_refines_similarity_when_both_have_one():
    twin_classed = place(2, "Tweeling", 2, 2, 55_000, 500, urbanisation=1)
    home_classed = place(1, "Thuisstad", 1, 1, 40_000, 400, urbanisation=4)
    geography = Geography([home_classed, twin_classed])
    with translation.override("en"):
        result = assess(profile((twin_classed, "voortgezet", "")), 2, FitQuestion(home_classed), geography, LABELS)
    assert result.level == WEAK
    assert "urbanisation class 3 apart" in texts(result)
    assert fit(profile((TWIN, "voortgezet", ""))).level == GOOD  # without classes, size and density decide


def test_used_nearby_is_partial():
    in_region = fit(profile((NEIGHBOUR, "voortgezet", "")))
    assert in_region.level == PARTIAL
    assert (
        "Used nearby, in your youth-care region Regio 1: Buurdorp (300,000 inhabitants, 1,000 per km²: "
        "7.5 times as many inhabitants, 2.5 times as densely populated)."
    ) in texts(in_region)
    in_province = fit(profile((PROVINCIAL, "voortgezet", "")))
    assert in_province.level == PARTIAL
    assert "in your province Provincie 1: Provstad (250,000 inhabitants, 1,200 per km²" in texts(in_province)


def test_used_only_far_away_in_unlike_places_is_weak():
    result = fit(profile((CITY, "voortgezet", "")))
    assert result.level == WEAK
    assert "Not used near you nor in municipalities like yours; it ran in Grootstad" in texts(result)


def test_only_dense_places_count_against_a_thinly_populated_home():
    result = fit(profile((CITY, "voortgezet", ""), (DENSE_NEIGHBOUR, "voortgezet", "")))
    assert result.level == WEAK  # nearby (some track record) and one obstacle
    assert (
        "Only ever used in densely populated municipalities (1,500 or more inhabitants per km²: "
        "Buurstad (300,000 inhabitants, 2,000 per km²); Grootstad (400,000 inhabitants, 4,000 per km²)); "
        "Thuisstad has 400 per km²."
    ) in texts(result)
    assert fit(profile((DENSE_NEIGHBOUR, "voortgezet", ""), (NEIGHBOUR, "voortgezet", ""))).level == PARTIAL
    dense_home = place(1, "Thuisstad", 1, 1, 40_000, 1_600)
    assert "Only ever used" not in texts(fit(profile((CITY, "voortgezet", "")), home=dense_home))
    between = place(1, "Thuisstad", 1, 1, 300_000, 1_400)  # not dense, but like Buurstad in density
    assert "Only ever used" not in texts(fit(profile((DENSE_NEIGHBOUR, "voortgezet", "")), home=between))


def test_figures_of_the_area_where_it_ran_win_over_the_municipality():
    area = {"population": 50_000, "density": 450}  # one district of the big city
    result = fit(profile((CITY, "voortgezet", "", area)))
    assert result.level == GOOD
    assert "Grootstad (50,000 inhabitants, 450 per km²)" in texts(result)


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
    assert fit(profile((NEIGHBOUR, "voortgezet", "")), cost_band=4, budget=2).level == WEAK  # nearby + obstacle


def test_stopped_here_or_in_similar_places_counts_against():
    here = fit(profile((HOME, "gestopt", "Geen huisartsen met tijd.")))
    assert here.level == WEAK
    assert "Stopped earlier in Thuisstad: Geen huisartsen met tijd." in texts(here)
    similar = fit(profile((TWIN, "gestopt", "Te duur.")))
    assert similar.level == PARTIAL
    assert "Stopped in municipalities similar to Thuisstad (40,000 inhabitants, 400 per km²): Tweeling" in texts(
        similar
    )


def test_unknown_only_without_a_record_or_figures():
    assert fit(profile()).level == UNKNOWN
    assert "no record yet" in texts(fit(profile()))
    no_figures = fit(profile((EMPTY, "voortgezet", "")))
    assert no_figures.level == UNKNOWN
    assert "have no figures" in texts(no_figures)
    home_without_figures = place(9, "Nergens", 9, 9, None, None)
    result = fit(profile((TWIN, "voortgezet", "")), home=home_without_figures)
    assert result.level == UNKNOWN
    assert "Nergens has no figures for inhabitants and density" in texts(result)
    assert fit(profile(), budget=1, cost_band=3).level == WEAK  # nothing known, one obstacle


def test_many_places_are_counted_not_all_listed():
    others = [place(20 + n, f"Plaats{n}", 2, 2, 40_000 + n, 400) for n in range(5)]
    geography = Geography([HOME, *others])
    record = profile(*[(other, "voortgezet", "") for other in others])
    with translation.override("en"):
        result = assess(record, 2, FitQuestion(HOME), geography, LABELS)
    assert "Plaats0 (40,000 inhabitants, 400 per km²); Plaats1" in texts(result)
    assert "and 2 others" in texts(result)


def test_reasons_in_dutch():
    with translation.override("nl"):
        result = assess(profile((TWIN, "voortgezet", "")), 2, FitQuestion(HOME), GEOGRAPHY, LABELS)
    assert "Tweeling (55.000 inwoners, 500 per km²)" in texts(result)


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
    # The fit form goes to the remember step, which keeps the question and lands on the answer.
    sent = client.get("/passend/", {"naar": page.url, "gemeente": "groningen", "partner": "school", "budget": "3"})
    assert sent.status_code == 302
    assert sent["Location"] == f"{page.url}?gemeente=groningen&partner=school&budget=3#fit-answer"
    assert sent.cookies[COOKIE_NAME].value == "gemeente=groningen&partner=school&budget=3"
    assert "private" in sent["Cache-Control"] and "no-store" in sent["Cache-Control"]
    response = client.get(page.url, {"gemeente": "groningen", "partner": "school", "budget": "3"})
    assert response.context["question"].municipality.name == "Groningen"
    # The answer depends on the URL alone: no cookie set, nothing varies by one.
    assert COOKIE_NAME not in response.cookies and "Cookie" not in response.get("Vary", "")
    # Another page, no question in its URL: the cookie leads to the same page with the question.
    later = client.get(practice_db["b"].url, {"sorteer": "x"})
    assert later.status_code == 302 and "private" in later["Cache-Control"]
    assert later["Location"] == f"{practice_db['b'].url}?sorteer=x&gemeente=groningen&partner=school&budget=3"
    assert client.get(later["Location"]).context["fit"] is not None
    assert client.get(practice_db["national"].url).status_code == 302  # the listing, too
    # By name, as typed without JavaScript, works as well.
    by_name = client.get("/passend/", {"naar": page.url, "gemeente": "Leiden"})
    assert by_name["Location"].startswith(f"{page.url}?gemeente=leiden")
    cleared = client.get("/passend/", {"fit": "wissen", "naar": page.url})
    assert cleared.cookies[COOKIE_NAME].value == "" and cleared["Location"] == page.url
    assert client.get(page.url).context["fit"] is None


@pytest.mark.django_db
def test_the_remember_step_only_sends_readers_to_this_site(practice_db):
    client = Client()
    for target in ["https://elders.example/", "//elders.example/x", "javascript:alert(1)", "", "geen-pad"]:
        response = client.get("/passend/", {"naar": target, "gemeente": "leiden"})
        assert response.status_code == 302
        assert response["Location"].startswith(practice_db["national"].url + "?gemeente=leiden"), target
    # A name that finds nothing keeps the earlier cookie and goes back as typed, to be asked again.
    client.cookies[COOKIE_NAME] = "gemeente=leiden"
    response = client.get("/passend/", {"naar": practice_db["a"].url, "gemeente": "Den Hag", "budget": "2"})
    assert COOKIE_NAME not in response.cookies
    assert response["Location"] == f"{practice_db['a'].url}?gemeente=Den+Hag&budget=2#fit-answer"
    assert "Den Hag" in client.get(response["Location"]).content.decode()
