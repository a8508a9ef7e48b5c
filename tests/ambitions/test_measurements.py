"""Figures as people type them, and a CSV of measurements checked before anything is saved."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from ambitions import measurements, values
from ambitions.choices import Direction, Unit
from ambitions.factories import indicator as fields
from ambitions.models import Indicator, Measurement

TODAY = date(2026, 12, 7)


def unsaved(**changes):
    indicator = Indicator(**fields(**changes))
    indicator.__dict__["measurements"] = []
    return indicator


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("12,5", "12.5"),
        ("12.5", "12.5"),
        ("0.125", "0.125"),
        ("1.000", "1000"),
        ("12.500", "12500"),
        ("1.000.000", "1000000"),
        ("1.000.000,50", "1000000.50"),
        ("1,000,000", "1000000"),
        ("1,000.5", "1000.5"),
        ("€ 1.000", "1000"),
        ("35%", "35"),
        ("-3", "-3"),
        (" 7 ", "7"),
    ],
)
def test_numbers_are_read_the_dutch_way_first(typed, read):
    assert values.parse_number(typed) == Decimal(read)


@pytest.mark.parametrize("typed", ["", "twaalf", "=1+1", "+1", "1,2,3", "1.2.3,4,5", "12,5.3", "1e9", "NaN", "--1"])
def test_what_is_no_number_is_refused(typed):
    with pytest.raises(values.BadValue):
        values.parse_number(typed)


@pytest.mark.parametrize(
    ("value", "unit", "problem"),
    [
        ("101", Unit.PERCENT, "above 100"),
        ("-1", Unit.COUNT, "below 0"),
        ("2.5", Unit.COUNT, "whole number"),
        ("0", Unit.MARK, "below 1"),
        ("1.005", Unit.EUROS, "two decimals"),
        ("10000000000000000", Unit.EUROS, "larger"),
    ],
)
def test_a_value_that_makes_no_sense_in_its_unit_is_refused(value, unit, problem):
    with translation.override("en"), pytest.raises(values.BadValue, match=problem):
        values.check_value(Decimal(value), unit)


def test_figures_are_shown_with_their_unit():
    with translation.override("nl"):
        assert values.with_unit(Decimal("12.50"), Unit.PERCENT) == "12,5%"
        assert values.with_unit(Decimal("1000000"), Unit.EUROS) == "€ 1.000.000"
        assert values.with_unit(Decimal("3"), Unit.MONTHS) == "3 maanden"
        assert values.with_unit(Decimal("1"), Unit.WEEKS) == "1 week"
        assert values.with_unit(Decimal("140"), Unit.COUNT) == "140"


def read(text, indicator=None):
    with translation.override("en"):
        return measurements.read_csv(text.encode(), indicator or unsaved(), today=TODAY)


def test_a_good_file_is_read_line_by_line():
    checked = read(
        "datum;waarde;bron\n2024-07-01;95;CBS\n31-12-2024;90,5;CBS;na herberekening\n", unsaved(unit=Unit.PERCENT)
    )
    assert checked.ok and checked.errors == []
    assert [(row.line, row.measured_on, row.value, row.note) for row in checked.rows] == [
        (2, date(2024, 7, 1), Decimal(95), ""),
        (3, date(2024, 12, 31), Decimal("90.5"), "na herberekening"),
    ]


def test_a_comma_separated_file_is_read_too():
    checked = read("2024-07-01,95,CBS\n")
    assert checked.ok and checked.rows[0].value == Decimal(95)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-07-01;95\n", "line 1: expected date;value;source (and a note), found 2 columns"),
        ("2024-13-01;95;CBS\n", "line 1, date: “2024-13-01” is not a date"),
        ("2030-01-01;95;CBS\n", "line 1, date: 2030-01-01 is in the future"),
        ("1900-01-01;95;CBS\n", "line 1, date: 1900-01-01 is before 1950"),
        ("2024-07-01;-4;CBS\n", "line 1, value: -4 is below 0"),
        ("2024-07-01;4,5;CBS\n", "line 1, value: a number of people or things is a whole number"),
        ("2024-07-01;=1+1;CBS\n", "line 1, value: “=1+1” is not a number"),
        ("2024-07-01;95;\n", "line 1, source: say where the figure comes from"),
        ("2024-07-01;95;CBS\n2024-07-01;96;CBS\n", "line 2, date: 2024-07-01 appears on line 1 too"),
        ("", "The file holds no figures."),
    ],
)
def test_a_bad_line_refuses_the_file_naming_line_and_column(text, message):
    checked = read(text)
    assert not checked.ok
    assert any(error.startswith(message) for error in checked.errors), checked.errors


def test_one_bad_line_among_good_ones_saves_nothing():
    checked = read("2024-07-01;95;CBS\n2024-08-01;veel;CBS\n2024-09-01;93;CBS\n")
    assert not checked.ok and len(checked.rows) == 2 and len(checked.errors) == 1


def test_a_file_that_is_no_text_is_refused():
    with translation.override("en"):
        checked = measurements.read_csv(b"\xff\xfe\x00\x01", unsaved(), today=TODAY)
    assert checked.errors == ["The file is not UTF-8 text (byte 0)."]


def test_a_formula_in_a_source_is_kept_as_the_text_it_is():
    checked = read('2024-07-01;95;"=HYPERLINK(""http://example.org"")";@SUM(A1)\n')
    assert checked.ok
    assert checked.rows[0].source == '=HYPERLINK("http://example.org")'
    assert checked.rows[0].note == "@SUM(A1)"


def test_gaps_and_implausible_jumps_are_warned_about():
    indicator = unsaved(direction=Direction.LOWER)  # baseline 100 on 1 January 2024
    checked = read("2024-07-01;98;CBS\n2024-12-31;30;CBS\n2026-12-01;29;CBS\n", indicator)
    assert checked.ok
    assert any("A gap: no figure between 31 December 2024 and 1 December 2026" in w for w in checked.warnings)
    assert any("An implausible jump: from 98 on 1 July 2024 to 30 on 31 December 2024" in w for w in checked.warnings)
    assert len(checked.warnings) == 2


def test_a_steady_series_gives_no_warning():
    checked = read("2024-04-01;97;CBS\n2024-07-01;94;CBS\n2024-10-01;92;CBS\n2025-01-01;90;CBS\n")
    assert checked.ok and checked.warnings == []


@pytest.mark.django_db
def test_saving_replaces_a_figure_of_the_same_day_and_keeps_who_entered_it(django_user_model):
    indicator = unsaved()
    editor = django_user_model.objects.create_user("meter", "meter@example.org", "a-long-test-password")
    Measurement.objects.create(
        indicator_key=indicator.translation_key, measured_on=date(2024, 7, 1), value=1, source="x"
    )
    indicator.__dict__.pop("measurements")
    checked = read("2024-07-01;95;CBS\n2024-10-01;93;CBS\n", indicator)
    assert [(row.measured_on, old.value) for row, old in checked.replaced] == [(date(2024, 7, 1), Decimal(1))]
    assert measurements.save(indicator, checked.rows, editor) == 2
    saved = Measurement.objects.filter(indicator_key=indicator.translation_key).order_by("measured_on")
    assert [(m.value, m.source, m.entered_by) for m in saved] == [
        (Decimal(95), "CBS", editor),
        (Decimal(93), "CBS", editor),
    ]
