"""The status rules of docs/ambitions.md, as a table of cases."""

from datetime import date
from decimal import Decimal

import pytest

from ambitions.choices import Direction, Status
from ambitions.status import Point, assess

TODAY = date(2026, 12, 7)
BASE = Point(date(2024, 1, 1), Decimal(100))
TARGET_DOWN = Point(date(2027, 12, 31), Decimal(50))  # half-way on 1 January 2026 is 75
TARGET_UP = Point(date(2027, 12, 31), Decimal(150))


def at(day, value):
    return Point(date.fromisoformat(day), Decimal(value))


CASES = [
    # (why, baseline, target, direction, measurements, tolerance, expected status)
    ("no baseline", None, TARGET_DOWN, Direction.LOWER, [], 0, Status.NOT_MEASURABLE),
    (
        "a baseline measured after the day read",
        Point(date(2027, 1, 1), Decimal(100)),
        TARGET_DOWN,
        Direction.LOWER,
        [],
        0,
        Status.NOT_MEASURABLE,
    ),
    ("no target", BASE, None, Direction.LOWER, [at("2025-01-01", 90)], 0, Status.NOT_MEASURABLE),
    ("lower: reached the target early", BASE, TARGET_DOWN, Direction.LOWER, [at("2026-06-01", 50)], 0, Status.ACHIEVED),
    ("lower: ahead of the line", BASE, TARGET_DOWN, Direction.LOWER, [at("2026-06-01", 60)], 0, Status.ON_TRACK),
    ("lower: on the line", BASE, TARGET_DOWN, Direction.LOWER, [at("2026-01-01", "74.96")], 0, Status.ON_TRACK),
    ("lower: a hair above the line", BASE, TARGET_DOWN, Direction.LOWER, [at("2026-01-01", "75.02")], 0, Status.BEHIND),
    ("lower: above the line", BASE, TARGET_DOWN, Direction.LOWER, [at("2026-06-01", 90)], 0, Status.BEHIND),
    ("lower: worse than the baseline", BASE, TARGET_DOWN, Direction.LOWER, [at("2026-06-01", 120)], 0, Status.BEHIND),
    ("higher: ahead of the line", BASE, TARGET_UP, Direction.HIGHER, [at("2026-06-01", 140)], 0, Status.ON_TRACK),
    ("higher: below the line", BASE, TARGET_UP, Direction.HIGHER, [at("2026-06-01", 110)], 0, Status.BEHIND),
    ("higher: reached", BASE, TARGET_UP, Direction.HIGHER, [at("2026-06-01", 151)], 0, Status.ACHIEVED),
    (
        "the latest figure counts, not the best",
        BASE,
        TARGET_UP,
        Direction.HIGHER,
        [at("2025-01-01", 150), at("2026-06-01", 120)],
        0,
        Status.BEHIND,
    ),
    (
        "latest figure older than 18 months",
        BASE,
        TARGET_DOWN,
        Direction.LOWER,
        [at("2025-06-01", 80)],
        0,
        Status.NO_RECENT_FIGURE,
    ),
    ("just within 18 months", BASE, TARGET_DOWN, Direction.LOWER, [at("2025-06-08", 80)], 0, Status.ON_TRACK),
    (
        "an old figure that reached the target stays achieved",
        BASE,
        TARGET_DOWN,
        Direction.LOWER,
        [at("2024-06-01", 40)],
        0,
        Status.ACHIEVED,
    ),
    (
        "only the baseline, recent: the line still reaches it",
        Point(date(2026, 1, 1), Decimal(100)),
        TARGET_DOWN,
        Direction.LOWER,
        [],
        0,
        Status.ON_TRACK,
    ),
    ("only the baseline, old", BASE, TARGET_DOWN, Direction.LOWER, [], 0, Status.NO_RECENT_FIGURE),
    (
        "target date passed without reaching it",
        at("2022-01-01", 100),
        at("2026-06-30", 50),
        Direction.LOWER,
        [at("2026-09-01", 60)],
        0,
        Status.BEHIND,
    ),
    (
        "target value within tolerance",
        BASE,
        Point(date(2027, 12, 31), Decimal(80)),
        Direction.TARGET,
        [at("2026-06-01", 82)],
        2,
        Status.ACHIEVED,
    ),
    (
        "target value, closing in as the line does",
        BASE,
        Point(date(2027, 12, 31), Decimal(80)),
        Direction.TARGET,
        [at("2026-06-01", 88)],
        1,
        Status.ON_TRACK,
    ),
    (
        "target value, moving away",
        BASE,
        Point(date(2027, 12, 31), Decimal(80)),
        Direction.TARGET,
        [at("2026-06-01", 104)],
        1,
        Status.BEHIND,
    ),
]


@pytest.mark.parametrize(
    ("why", "baseline", "target", "direction", "measurements", "tolerance", "expected"),
    CASES,
    ids=[case[0] for case in CASES],
)
def test_the_status_follows_from_the_figures(why, baseline, target, direction, measurements, tolerance, expected):
    reading = assess(baseline, target, measurements, direction, TODAY, tolerance=Decimal(tolerance))
    assert reading.status == expected, why


def test_not_measurable_says_why():
    assert assess(None, TARGET_DOWN, [], Direction.LOWER, TODAY, reason="Nog geen telling.").why == "Nog geen telling."
    assert assess(None, TARGET_DOWN, [], Direction.LOWER, TODAY).why  # a reason is always given
    assert assess(BASE, None, [], Direction.LOWER, TODAY).latest is None


def test_the_reading_names_the_latest_figure_and_the_line():
    reading = assess(BASE, TARGET_DOWN, [at("2025-01-01", 95), at("2026-01-01", 70)], Direction.LOWER, TODAY)
    assert reading.latest == at("2026-01-01", 70)
    assert abs(reading.expected - Decimal(75)) < Decimal("0.1")  # half-way along the line
