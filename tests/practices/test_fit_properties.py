"""Properties of the fit check over the real geography of 342 municipalities (docs/regional-fit.md)."""

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geography.places import Geography, Relation
from practices.fit import FitLevel, assess
from practices.question import FitQuestion

PARTNERS = ["gemeente", "huisarts", "jeugdhulp", "school", "vrijwilligers", "wijkteam"]
LABELS = {slug: slug.capitalize() for slug in PARTNERS}
EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUBSETS = st.lists(st.sampled_from(PARTNERS), unique=True)


def record(places, outcome="loopt", needs=(), indispensable=()):
    return {
        "partners_needed": sorted(set(needs) | set(indispensable)),
        "partners_indispensable": sorted(indispensable),
        "partners_why": "",
        "implementations": [
            {"municipalities": [place.pk], "outcome": outcome, "started": 2021, "ended": None} for place in places
        ],
    }


def level(profile, home, geography, partners=None):
    return assess(profile, 2, FitQuestion(home, partners), geography, LABELS, explain=False).level


@pytest.mark.django_db
def test_a_practice_that_runs_here_is_never_lowered_by_partners():
    geography = Geography.load()
    count = len(geography.places)

    @EXAMPLES
    @given(
        home=st.integers(0, count - 1),
        elsewhere=st.lists(st.integers(0, count - 1), max_size=3),
        needs=SUBSETS,
        indispensable=SUBSETS,
        ticked=SUBSETS,
    )
    def check(home, elsewhere, needs, indispensable, ticked):
        home = geography.places[home]
        profile = record([home, *(geography.places[index] for index in elsewhere)], "loopt", needs, indispensable)
        unasked = level(profile, home, geography)
        assert unasked == FitLevel.GOOD
        assert level(profile, home, geography, frozenset(ticked)) == unasked

    check()


@pytest.mark.django_db
def test_ticking_partners_lowers_only_for_one_it_cannot_do_without():
    geography = Geography.load()
    count = len(geography.places)

    @EXAMPLES
    @given(home=st.integers(0, count - 1), ran=st.integers(0, count - 1), needs=SUBSETS, ticked=SUBSETS)
    def check(home, ran, needs, ticked):
        home, ran = geography.places[home], geography.places[ran]
        profile = record([ran], "loopt", needs)  # nothing marked indispensable
        assert level(profile, home, geography, frozenset(ticked)) == level(profile, home, geography)

    check()


@pytest.mark.django_db
def test_a_municipality_like_mine_never_gives_a_weaker_answer_than_one_that_is_not():
    geography = Geography.load()
    count = len(geography.places)

    @EXAMPLES
    @given(home=st.integers(0, count - 1), other=st.integers(0, count - 1))
    def check(home, other):
        home = geography.places[home]
        listed = geography.most_similar(home)
        listed_pks = {place.pk for place, _comparison in listed}
        other = geography.places[other]
        if other.pk == home.pk or other.pk in listed_pks:
            return
        weakest_listed = min(
            (level(record([place]), home, geography).rank for place, _comparison in listed), default=None
        )
        if weakest_listed is not None:
            assert weakest_listed >= level(record([other]), home, geography).rank
        for place, comparison in listed:  # and each counts exactly as the list says
            expected = FitLevel.GOOD if comparison.relation == Relation.LIKE else FitLevel.PARTIAL
            assert level(record([place]), home, geography) == expected, (home.name, place.name)

    check()


@pytest.mark.django_db
def test_a_look_alike_far_away_never_decides_alone():
    """Regression: "Regionale experttafel" was a good fit for Bergen (L.) only through Zeewolde."""
    geography = Geography.load()
    bergen, zeewolde = geography.find("Bergen (L.)"), geography.find("Zeewolde")
    comparison = geography.compare(zeewolde, bergen)
    assert comparison.relation in (Relation.ALIKE_FAR, Relation.UNLIKE)
    with translation.override("nl"):
        fit = assess(record([zeewolde]), 2, FitQuestion(bergen), geography, LABELS)
    assert fit.level != FitLevel.GOOD
    text = " ".join(reason.text for reason in fit.reasons)
    assert "Zeewolde (" in text and "in een andere provincie" in text
    # Over every pair: a place in another province beyond the nearby distance never makes a good fit alone.
    for home in geography.places[::7]:
        for place in geography.places[::5]:
            relation = geography.compare(place, home).relation if place.pk != home.pk else None
            if relation in (Relation.ALIKE_FAR, Relation.UNLIKE, Relation.NEARBY):
                assert level(record([place]), home, geography) != FitLevel.GOOD, (home.name, place.name)


@pytest.mark.django_db
def test_what_the_list_shows_for_s_gravenhage_holds_in_the_fit_answers():
    """Regression: Utrecht was listed 2nd like 's-Gravenhage, yet a practice from Utrecht fit it badly."""
    geography = Geography.load()
    home = geography.find("Den Haag")
    listed = geography.most_similar(home)
    assert listed
    for place, comparison in listed:
        expected = FitLevel.GOOD if comparison.is_similar else FitLevel.PARTIAL
        assert level(record([place]), home, geography) == expected, place.name
    # Utrecht is alike in figures no more (a third fewer inhabitants, far more students), so it is
    # not listed, and a practice that ran there alone fits as its relation says: never "like" it.
    utrecht = geography.find("Utrecht")
    relation = geography.compare(utrecht, home).relation
    assert utrecht.pk not in {place.pk for place, _comparison in listed}
    assert relation in (Relation.NEARBY, Relation.UNLIKE)
    assert level(record([utrecht]), home, geography) == (
        FitLevel.PARTIAL if relation == Relation.NEARBY else FitLevel.WEAK
    )
