"""Finding a municipality by the name people use (geography.names)."""

import pytest
from django.utils import translation

from geography.models import Municipality
from geography.names import AMBIGUOUS, EMPTY, FOUND, KINDS, UNKNOWN, aliases, normalise
from geography.places import Geography


@pytest.fixture
def names(db):
    return Geography.load().names


def found(names, typed):
    result = names.resolve(typed)
    assert result.status == FOUND, (typed, result.status)
    return result


@pytest.mark.parametrize(
    ("typed", "official"),
    [
        ("Den Haag", "'s-Gravenhage"),
        ("den  haag ", "'s-Gravenhage"),
        ("The Hague", "'s-Gravenhage"),
        ("'s-Gravenhage", "'s-Gravenhage"),
        ("s Gravenhage", "'s-Gravenhage"),
        ("Den Bosch", "'s-Hertogenbosch"),
        ("s-Hertogenbosch", "'s-Hertogenbosch"),
        ("Bergen (NH)", "Bergen (NH.)"),
        ("Bergen N.H.", "Bergen (NH.)"),
        ("bergen (l)", "Bergen (L.)"),
        ("Bergen Limburg", "Bergen (L.)"),
        ("Súdwest-Fryslân", "Súdwest-Fryslân"),
        ("Sudwest Fryslan", "Súdwest-Fryslân"),
        ("SUDWEST-FRYSLAN", "Súdwest-Fryslân"),
        ("Hengelo (O.)", "Hengelo"),
        ("Nuenen", "Nuenen, Gerwen en Nederwetten"),
        ("Alphen a/d Rijn", "Alphen aan den Rijn"),
        ("GM0363", "Amsterdam"),
        ("leiden", "Leiden"),
    ],
)
def test_names_as_people_say_them(names, typed, official):
    assert found(names, typed).place.name == official


@pytest.mark.parametrize(
    ("former", "today", "year"),
    [
        ("Weesp", "Amsterdam", "2022"),
        ("Heerhugowaard", "Dijk en Waard", "2022"),
        ("Uden", "Maashorst", "2022"),
        ("Brielle", "Voorne aan Zee", "2023"),
        ("Hellevoetsluis", "Voorne aan Zee", "2023"),
        ("Haren", "Groningen", "2019"),
    ],
)
def test_former_municipalities_point_to_today_with_a_note(names, former, today, year):
    result = found(names, former)
    assert result.place.name == today
    with translation.override("en"):
        assert result.note == f"{former} has been part of {today} since {year}."
    with translation.override("nl"):
        assert result.note == f"{former} hoort sinds {year} bij {today}."


def test_a_divided_municipality_points_to_its_former_seat(names):
    result = found(names, "Haaren")
    assert result.place.name == "Oisterwijk"
    with translation.override("en"):
        assert "divided among several municipalities in 2021" in result.note


def test_an_ambiguous_name_asks_which_one(names):
    result = names.resolve("Bergen")
    assert result.status == AMBIGUOUS and result.place is None
    assert [suggestion.place.name for suggestion in result.suggestions] == ["Bergen (L.)", "Bergen (NH.)"]
    with translation.override("en"):
        assert result.error == "There is more than one municipality called Bergen: choose one."


def test_an_unknown_name_gets_the_closest_suggestions(names):
    typo = names.resolve("Den Hag")
    assert typo.status == UNKNOWN and typo.place is None
    assert typo.suggestions[0].place.name == "'s-Gravenhage"
    assert typo.suggestions[0].label == "'s-Gravenhage (Den Haag)"
    assert names.resolve("Amsterdm").suggestions[0].place.name == "Amsterdam"
    with translation.override("en"):
        assert names.resolve("Atlantis").error == "We do not know a municipality called Atlantis."


@pytest.mark.parametrize("typed", ["", "   ", None])
def test_an_empty_name_is_an_error_not_a_silent_nothing(names, typed):
    result = names.resolve(typed)
    assert result.status == EMPTY and result.place is None
    with translation.override("en"):
        assert result.error == "Type the name of your municipality."


@pytest.mark.parametrize("typed", ["\x00", "a" * 5000, "'; DROP TABLE", "<script>", "%", "ñ" * 200, "🙂"])
def test_hostile_input_finds_nothing_and_breaks_nothing(names, typed):
    result = names.resolve(typed)
    assert result.place is None
    assert len(result.typed) <= 100
    names.suggest(typed)


def test_every_official_name_and_slug_finds_itself(names):
    for municipality in Municipality.objects.all():
        assert names.resolve(municipality.name).place.pk == municipality.pk, municipality.name
        assert names.resolve(municipality.slug).place.pk == municipality.pk, municipality.slug
        assert names.resolve(municipality.cbs_code.lower()).place.pk == municipality.pk


def test_suggestions_while_typing_begin_with_what_was_typed(names):
    assert [s.place.name for s in names.suggest("den")][:3] == ["'s-Hertogenbosch", "'s-Gravenhage", "Den Helder"]
    assert names.suggest("weesp")[0].place.name == "Amsterdam"
    assert names.suggest("") == []
    assert len(names.suggest("a", limit=4)) == 4


def test_the_names_file_is_sound(db):
    official = set(Municipality.objects.values_list("name", flat=True))
    keys = {normalise(name) for name in official}
    seen = set()
    for alias in aliases():
        assert alias.municipality in official, alias
        assert alias.kind in KINDS, alias
        assert (alias.year is not None) == (alias.kind in {"former", "split"}), alias
        key = normalise(alias.name)
        assert key not in seen, f"{alias.name} appears twice"
        seen.add(key)
        # A name people say never hides another municipality's official name.
        if key in keys:
            assert normalise(alias.municipality) == key or alias.kind == "variant", alias
