"""The demo's calendar rules: Dutch public holidays, working days and season names."""

import datetime

from demo.utils import dutch_public_holidays, season, working_day


def test_dutch_public_holidays():
    holidays_2026 = dutch_public_holidays(2026)
    for day in [
        "2026-01-01",
        "2026-04-03",
        "2026-04-05",
        "2026-04-06",
        "2026-04-27",
        "2026-05-05",
        "2026-05-14",
        "2026-05-24",
        "2026-05-25",
        "2026-12-25",
        "2026-12-26",
    ]:
        assert datetime.date.fromisoformat(day) in holidays_2026, day
    assert len(holidays_2026) == 11
    assert datetime.date(2025, 4, 26) in dutch_public_holidays(2025)  # the 27th was a Sunday
    assert datetime.date(2025, 4, 27) not in dutch_public_holidays(2025)


def test_working_day_skips_weekends_and_holidays():
    assert working_day(datetime.date(2026, 11, 25)) == datetime.date(2026, 11, 25)  # a Wednesday
    assert working_day(datetime.date(2026, 11, 28)) == datetime.date(2026, 11, 30)  # Saturday -> Monday
    assert working_day(datetime.date(2026, 12, 25)) == datetime.date(2026, 12, 28)  # Christmas, Boxing Day, Sunday
    assert working_day(datetime.date(2026, 4, 3)) == datetime.date(2026, 4, 7)  # Good Friday to Easter Monday


def test_season_names():
    assert [season(datetime.date(2026, month, 1)) for month in (1, 3, 6, 9, 12)] == [
        "winter",
        "voorjaar",
        "zomer",
        "najaar",
        "winter",
    ]
