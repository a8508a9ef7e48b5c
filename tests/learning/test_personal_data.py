"""The flags a moderator sees before a lived-experience story can be published."""

import pytest

from learning.personal_data import Kind, eleven_test, flags, unresolved


def found(text):
    return [(flag.kind, flag.text) for flag in flags(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mail me op sanne.de.vries@example.org als het kan.", [(Kind.EMAIL, "sanne.de.vries@example.org")]),
        ("Bel 06-12345678 of 020 123 4567.", [(Kind.PHONE, "06-12345678"), (Kind.PHONE, "020 123 4567")]),
        ("Mijn nummer is +31 6 1234 5678.", [(Kind.PHONE, "+31 6 1234 5678")]),
        ("Haar BSN is 111222333 en dat stond op de brief.", [(Kind.BSN, "111222333")]),
        ("Het nummer 123.456.782 stond erop.", [(Kind.BSN, "123.456.782")]),
        ("We wonen aan de Kerkstraat 12a in Veendam.", [(Kind.ADDRESS, "Kerkstraat 12a")]),
        (
            "Post naar Burgemeester de Withstraat 4, 9641 AB Veendam.",
            [(Kind.ADDRESS, "Burgemeester de Withstraat 4"), (Kind.ADDRESS, "9641 AB")],
        ),
        ("Hij zat op basisschool De Regenboog in Pekela.", [(Kind.SCHOOL, "basisschool De Regenboog")]),
        ("Toen ging ze naar het Dollard College.", [(Kind.SCHOOL, "het Dollard College")]),
        ("Op de Klimopschool was het beter.", [(Kind.SCHOOL, "Klimopschool")]),
        ("Mijn dochter Noor wilde niet meer naar school.", [(Kind.FIRST_NAME, "Noor")]),
        ("Anne-Fleur en Daan kwamen samen.", [(Kind.FIRST_NAME, "Anne-Fleur"), (Kind.FIRST_NAME, "Daan")]),
    ],
)
def test_what_looks_like_personal_data_is_flagged(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ik wachtte negen maanden op hulp, en niemand belde terug.",
        "Ben je ooit drie keer doorverwezen? Dat gebeurde ons in 2019.",  # "Ben" starts a sentence
        "Lieve mensen van het wijkteam, luister eerst.",  # "Lieve" is a word here
        "Op de basisschool ging het nog goed; op de middelbare school niet.",
        "We kregen 12 gesprekken in 2021 en 2022, met 1.234 euro eigen bijdrage.",
        "Het ticketnummer was 123456789.",  # nine digits that fail the eleven test
        "In de gemeente Oldambt en de regio Groningen.",
    ],
)
def test_ordinary_sentences_carry_no_flag(text):
    assert found(text) == []


def test_the_eleven_test():
    assert eleven_test("111222333") and eleven_test("123456782")
    assert not eleven_test("123456789") and not eleven_test("000000000")
    assert eleven_test("11222333") == eleven_test("011222333")


def test_a_confirmed_flag_counts_wherever_the_words_occur_and_nothing_else_is_confirmed():
    text = "Noor ging naar basisschool De Regenboog. Later zei Noor: bel 06-12345678."
    keys = {flag.key for flag in flags(text) if flag.kind == Kind.FIRST_NAME}
    assert keys == {"voornaam:Noor"}
    left = unresolved(text, keys)
    assert [(flag.kind, flag.text) for flag in left] == [
        (Kind.SCHOOL, "basisschool De Regenboog"),
        (Kind.PHONE, "06-12345678"),
    ]
    assert unresolved(text, {flag.key for flag in flags(text)}) == []
