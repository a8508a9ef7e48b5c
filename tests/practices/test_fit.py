"""The fit check, rule by rule (docs/regional-fit.md), on hand-made geography."""

import pytest
from django.test import Client
from django.utils import translation

from geography.places import Figures, Geography, Place, Relation
from practices.fit import FitLevel, assess
from practices.question import COOKIE_NAME, FitQuestion


def place(pk, name, region, province, population, density, centre=(0, 0), **figures):
    """A hand-made municipality; its other CBS figures default to those of home, its centre is in km."""
    profile = {
        "urbanisation": 4,
        "address_density": 800,
        "age_0_14": 16,
        "age_15_24": 11,
        "households_with_children": 33,
    }
    profile.update(figures)
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
        centre=None if centre is None else (centre[0] * 1000, centre[1] * 1000),
        **profile,
    )


# Home: a town of 40,000 with 400 inhabitants per km², in region 1, province 1.
HOME = place(1, "Thuisstad", 1, 1, 40_000, 400)
TWIN = place(2, "Tweeling", 2, 1, 55_000, 500, (40, 0))  # alike in figures, same province: like home
FAR_TWIN = place(10, "Verweg", 3, 2, 55_000, 500, (150, 0))  # alike in figures, another province, far
BORDER_TWIN = place(11, "Grensdorp", 4, 2, 50_000, 450, (20, 0))  # alike, across the border, 20 km away
CITY = place(3, "Grootstad", 5, 3, 400_000, 4_000, (200, 100), urbanisation=1, address_density=4_000)
NEIGHBOUR = place(4, "Buurdorp", 1, 1, 300_000, 1_000, (10, 0))  # unlike, same region
DENSE_NEIGHBOUR = place(9, "Buurstad", 1, 1, 300_000, 2_000, (12, 0))  # unlike, same region, densely populated
PROVINCIAL = place(5, "Provstad", 6, 1, 250_000, 1_200, (60, 0))  # unlike, same province
BIG_TWIN = place(6, "Groottweeling", 7, 1, 80_000, 600, (50, 0))  # on the edge of size and density
CROWDED = place(  # same size, but more densely built, more urban and more children: unlike
    7, "Drukdorp", 8, 2, 45_000, 700, (120, 0), urbanisation=2, address_density=1_400, age_0_14=19
)
ONE_OFF = place(12, "Scheefdorp", 9, 1, 45_000, 650, (70, 0))  # alike except in density
EMPTY = place(8, "Leegdorp", 2, 2, None, None)  # figures not (yet) loaded
GEOGRAPHY = Geography(
    [HOME, TWIN, FAR_TWIN, BORDER_TWIN, CITY, NEIGHBOUR, DENSE_NEIGHBOUR, PROVINCIAL, BIG_TWIN, CROWDED, ONE_OFF, EMPTY]
)
LABELS = {"huisarts": "Huisarts", "school": "School", "wijkteam": "Wijkteam"}


def profile(*implementations, needs=(), indispensable=(), why=""):
    return {
        "partners_needed": list(needs),
        "partners_indispensable": list(indispensable),
        "partners_why": why,
        "implementations": [
            {"municipalities": [where.pk], "outcome": outcome, "started": 2020, "ended": None, "why_not": why, **extra}
            for where, outcome, why, *more in implementations
            for extra in [more[0] if more else {}]
        ],
    }


def fit(record, cost_band=2, home=HOME, partners=None, budget=None, geography=GEOGRAPHY):
    with translation.override("en"):
        return assess(record, cost_band, FitQuestion(home, partners, budget), geography, LABELS)


def texts(result):
    return " ".join(reason.text for reason in result.reasons)


def test_used_here_is_a_good_fit():
    result = fit(profile((HOME, "voortgezet", "")))
    assert result.level == FitLevel.GOOD
    assert "Already used in Thuisstad (2020-now)" in texts(result)


def test_used_in_a_municipality_like_home_is_a_good_fit_and_names_the_figures():
    result = fit(profile((TWIN, "voortgezet", "")))
    assert result.level == FitLevel.GOOD
    assert texts(result) == (
        "Used in municipalities like Thuisstad (40,000 inhabitants, 400 per km²), alike in figures and nearby: "
        "Tweeling (55,000 inhabitants, 500 per km²: alike in every figure compared; in the same province, 40 km away)."
    )
    assert result.home == "Thuisstad (40,000 inhabitants, 400 per km²)"
    across = fit(profile((BORDER_TWIN, "voortgezet", "")))
    assert across.level == FitLevel.GOOD  # within 30 km counts as nearby across a provincial border
    assert "in another province, 20 km away" in texts(across)


def test_a_look_alike_far_away_supports_a_partial_fit_only():
    result = fit(profile((FAR_TWIN, "voortgezet", "")))
    assert result.level == FitLevel.PARTIAL
    assert texts(result) == (
        "Used in municipalities alike in figures to Thuisstad, but farther away, so this counts for a partial "
        "fit only: Verweg (55,000 inhabitants, 500 per km²: alike in every figure compared; in another province, "
        "150 km away)."
    )
    # With the one like home beside it, the answer is good again.
    assert fit(profile((FAR_TWIN, "voortgezet", ""), (TWIN, "loopt", ""))).level == FitLevel.GOOD


def test_alike_needs_a_similar_size_and_the_figures_together_close():
    assert fit(profile((BIG_TWIN, "voortgezet", ""))).level == FitLevel.GOOD  # 2.0x inhabitants, 1.5x density: the edge
    too_big = place(13, "Groterdorp", 7, 1, 84_000, 400, (50, 0))  # only the size differs: 2.1 times
    geography = Geography([HOME, too_big])
    assert fit(profile((too_big, "voortgezet", "")), geography=geography).level == FitLevel.PARTIAL  # nearby only
    one_off = fit(profile((ONE_OFF, "voortgezet", "")))
    assert one_off.level == FitLevel.GOOD  # one figure apart shows, but does not decide alone
    assert "alike except in: about one and a half times as densely populated" in texts(one_off)
    crowded = fit(profile((CROWDED, "voortgezet", "")))
    assert crowded.level == FitLevel.WEAK  # several figures apart, and far away
    assert (
        "Drukdorp (45,000 inhabitants, 700 per km²: about twice as densely populated, about twice as many "
        "addresses per km², urbanisation class 2 against 4, 19% aged 0-14 against 16%; in another province, "
        "120 km away)"
    ) in texts(crowded)


def test_a_missing_figure_is_named_and_left_out_never_guessed():
    unknown_shares = place(14, "Onbekenddorp", 2, 1, 50_000, 450, (40, 0), age_0_14=None, age_15_24=None)
    geography = Geography([HOME, unknown_shares])
    result = fit(profile((unknown_shares, "voortgezet", "")), geography=geography)
    assert result.level == FitLevel.GOOD  # judged on the figures there are
    assert (
        "Weighed without share of children aged 0-14 and share of young people aged 15-24, for which the "
        "sources have no figure (Onbekenddorp)."
    ) in texts(result)
    assert "Weighed without" not in texts(fit(profile((TWIN, "voortgezet", ""))))


def test_used_nearby_is_partial():
    in_region = fit(profile((NEIGHBOUR, "voortgezet", "")))
    assert in_region.level == FitLevel.PARTIAL
    assert (
        "Used nearby, in your youth-care region Regio 1: Buurdorp (300,000 inhabitants, 1,000 per km²: "
        "about eight times as many inhabitants, about three times as densely populated"
    ) in texts(in_region)
    in_province = fit(profile((PROVINCIAL, "voortgezet", "")))
    assert in_province.level == FitLevel.PARTIAL
    assert "in your province Provincie 1: Provstad (250,000 inhabitants, 1,200 per km²" in texts(in_province)


def test_used_only_far_away_in_unlike_places_is_weak():
    result = fit(profile((CITY, "voortgezet", "")))
    assert result.level == FitLevel.WEAK
    assert "Not used near you nor in municipalities like yours; it ran in Grootstad" in texts(result)
    assert "about ten times as many inhabitants" in texts(result)


def test_only_dense_places_count_against_a_thinly_populated_home():
    result = fit(profile((CITY, "voortgezet", ""), (DENSE_NEIGHBOUR, "voortgezet", "")))
    assert result.level == FitLevel.WEAK  # nearby (some track record) and one obstacle
    assert (
        "Only ever used in densely populated municipalities (1,500 or more inhabitants per km²: "
        "Buurstad (300,000 inhabitants, 2,000 per km²); Grootstad (400,000 inhabitants, 4,000 per km²)); "
        "Thuisstad has 400 per km²."
    ) in texts(result)
    assert fit(profile((DENSE_NEIGHBOUR, "voortgezet", ""), (NEIGHBOUR, "voortgezet", ""))).level == FitLevel.PARTIAL
    dense_home = place(1, "Thuisstad", 1, 1, 40_000, 1_600)
    assert "Only ever used" not in texts(fit(profile((CITY, "voortgezet", "")), home=dense_home))
    between = place(1, "Thuisstad", 1, 1, 300_000, 1_400)  # not dense, but like Buurstad in density
    assert "Only ever used" not in texts(fit(profile((DENSE_NEIGHBOUR, "voortgezet", "")), home=between))


def test_figures_of_the_area_where_it_ran_win_over_the_municipality():
    area = {"population": 50_000, "density": 450, "urbanisation": 4}  # one district of the city next door
    result = fit(profile((NEIGHBOUR, "voortgezet", "", area)))
    assert result.level == FitLevel.GOOD
    assert "Buurdorp (50,000 inhabitants, 450 per km²" in texts(result)
    # The city's own address density and shares do not describe the district: left out, and said so.
    assert "Weighed without addresses per km²" in texts(result)


def test_partners_only_help():
    record = profile((TWIN, "voortgezet", ""), needs=["huisarts", "school"])
    not_stated = fit(record)
    assert not_stated.level == FitLevel.GOOD
    assert "Check that you can work with: Huisarts, School" in texts(not_stated)
    # Ticking some partners means "these I have", not "only these".
    some = fit(record, partners=frozenset({"school"}))
    assert some.level == FitLevel.GOOD
    assert "Works with partners you have: School." in texts(some)
    assert "Also works with, where you have them: Huisarts." in texts(some)
    assert some.strength == not_stated.strength + 1
    assert fit(record, partners=frozenset({"wijkteam"})).level == FitLevel.GOOD


def test_a_partner_it_cannot_do_without_lowers_the_fit_and_says_why():
    why = "De huisarts schrijft het recept uit."
    record = profile((TWIN, "voortgezet", ""), needs=["huisarts", "school"], indispensable=["huisarts"], why=why)
    assert "It cannot do without: Huisarts. Why: De huisarts schrijft het recept uit." in texts(fit(record))
    lacking = fit(record, partners=frozenset({"school"}))
    assert lacking.level == FitLevel.PARTIAL
    assert "It cannot do without a partner you did not tick: Huisarts. Why: De huisarts schrijft" in texts(lacking)
    assert fit(record, partners=frozenset({"school", "huisarts"})).level == FitLevel.GOOD
    # Never lowered where it already runs: the partners are there.
    here = profile((HOME, "loopt", ""), needs=["huisarts"], indispensable=["huisarts"], why=why)
    at_home = fit(here, partners=frozenset({"school"}))
    assert at_home.level == FitLevel.GOOD
    assert "It already runs in Thuisstad, so ask there how they work with: Huisarts." in texts(at_home)


def test_above_budget_lowers_the_fit():
    record = profile((TWIN, "voortgezet", ""))
    assert fit(record, cost_band=4, budget=4).level == FitLevel.GOOD
    over = fit(record, cost_band=4, budget=2)
    assert over.level == FitLevel.PARTIAL
    assert "€1,000-2,000 per child or family a year, you chose at most €100-500" in texts(over)
    assert (
        fit(profile((NEIGHBOUR, "voortgezet", "")), cost_band=4, budget=2).level == FitLevel.WEAK
    )  # nearby + obstacle


def test_stopped_here_or_in_places_like_home_counts_against():
    here = fit(profile((HOME, "gestopt", "Geen huisartsen met tijd.")))
    assert here.level == FitLevel.WEAK
    assert "Stopped earlier in Thuisstad: Geen huisartsen met tijd." in texts(here)
    similar = fit(profile((TWIN, "gestopt", "Te duur.")))
    assert similar.level == FitLevel.PARTIAL
    assert "Stopped in municipalities like Thuisstad (40,000 inhabitants, 400 per km²): Tweeling" in texts(similar)


def test_unknown_only_without_a_record_or_figures():
    assert fit(profile()).level == FitLevel.UNKNOWN
    assert "no record yet" in texts(fit(profile()))
    no_figures = fit(profile((EMPTY, "voortgezet", "")))
    assert no_figures.level == FitLevel.UNKNOWN
    assert "have no figures" in texts(no_figures)
    home_without_figures = place(9, "Nergens", 9, 9, None, None)
    result = fit(profile((TWIN, "voortgezet", "")), home=home_without_figures)
    assert result.level == FitLevel.UNKNOWN
    assert "Nergens has no figures for inhabitants and density" in texts(result)
    assert fit(profile(), budget=1, cost_band=3).level == FitLevel.WEAK  # nothing known, one obstacle


def test_many_places_are_counted_not_all_listed():
    others = [place(20 + n, f"Plaats{n}", 2, 1, 40_000 + n, 400, (10 + n, 0)) for n in range(5)]
    geography = Geography([HOME, *others])
    record = profile(*[(other, "voortgezet", "") for other in others])
    with translation.override("en"):
        result = assess(record, 2, FitQuestion(HOME), geography, LABELS)
    assert "Plaats0 (40,000 inhabitants, 400 per km²: alike in every figure compared; in the same province" in texts(
        result
    )
    assert "and 2 others" in texts(result)


def test_reasons_in_dutch():
    with translation.override("nl"):
        result = assess(profile((FAR_TWIN, "voortgezet", "")), 2, FitQuestion(HOME), GEOGRAPHY, LABELS)
        nearby = assess(profile((NEIGHBOUR, "voortgezet", "")), 2, FitQuestion(HOME), GEOGRAPHY, LABELS)
    assert "Verweg (55.000 inwoners, 500 per km²: lijkt in alle vergeleken cijfers; in een andere provincie" in texts(
        result
    )
    assert "ongeveer acht keer zo veel inwoners, ongeveer drie keer zo dicht bevolkt" in texts(nearby)


def test_fit_is_deterministic_and_ranked():
    record = profile((TWIN, "voortgezet", ""), (NEIGHBOUR, "voortgezet", ""))
    first, second = fit(record), fit(record)
    assert first == second
    assert first.strength == 2
    assert sorted(
        [FitLevel.WEAK, FitLevel.GOOD, FitLevel.UNKNOWN, FitLevel.PARTIAL], key=lambda level: -level.rank
    ) == [
        FitLevel.GOOD,
        FitLevel.PARTIAL,
        FitLevel.UNKNOWN,
        FitLevel.WEAK,
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


def test_comparisons_are_kept_per_home_and_no_more_than_that():
    """A listing ranked by fit compares the same places with one home again and again: the geography
    keeps each comparison, but not for an implementation's own area nor for a home with other figures."""
    from geography import places

    geography = Geography([HOME, TWIN, NEIGHBOUR])
    first = geography.compare(TWIN, HOME)
    assert geography.compare(TWIN, HOME) is first
    assert geography.compare(TWIN, HOME, TWIN.figures) is first
    district = geography.compare(NEIGHBOUR, HOME, Figures(50_000, 450, 4))
    assert district is not geography.compare(NEIGHBOUR, HOME) and district.relation == Relation.LIKE
    bigger_home = place(1, "Thuisstad", 1, 1, 400_000, 400)  # the same pk, other figures
    assert geography.compare(TWIN, bigger_home) is not first
    assert geography.compare(TWIN, bigger_home).relation != first.relation
    homes = [place(100 + n, f"Plaats{n}", 1, 1, 40_000, 400) for n in range(places.HOMES_KEPT + 5)]
    for home in homes:
        geography.compare(TWIN, home)
    assert len(geography._towards) == places.HOMES_KEPT
