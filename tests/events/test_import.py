"""import_events: a good file (times in Dutch time, programme, report, speakers, practices),
every kind of bad record reported as record and field with nothing written, and re-import."""

import datetime
import json
import zoneinfo

import pytest
from django.core.management import CommandError, call_command

from core.models import Leernetwerk, Theme
from events.factories import EventIndexPageFactory
from events.models import EventPage

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
GOOD = {
    "slug": "leernetwerk-voorjaar",
    "werkplaats": "samen",
    "title": "Leernetwerk in het voorjaar",
    "summary": "Netwerken rond het gezin.",
    "start": "2030-04-02T14:00",
    "end": "2030-04-02T16:30",
    "mode": "hybride",
    "venue": {"name": "Hogeschool Leiden", "city": "Leiden"},
    "online_platform": "Microsoft Teams",
    "leernetwerk": "Kwetsbare Gezinnen",
    "themes": ["informele-steun"],
    "skj": {"points": "2,5", "number": "SKJ-1"},
    "registration": {"capacity": 20, "deadline": "2030-04-01T12:00"},
    "body": [{"type": "paragraph", "value": "Met praktijkvoorbeelden."}],
    "programme": [
        {"type": "item", "value": {"starts": "14:00", "ends": "15:00", "title": "Welkom"}},
        {"type": "item", "value": {"starts": "15:00", "kind": "workshop", "title": "Aan de slag"}},
    ],
    "speakers": [{"name": "E. Lam", "role": "dagvoorzitter", "organisation": "STEUNKRACHT"}],
    "practices": ["aanpak-a", "aanpak-b"],
}


@pytest.fixture
def calendars(practice_db):
    Theme.objects.get_or_create(slug="informele-steun", defaults={"name": "Informele steun"})
    Leernetwerk.objects.create(page=practice_db["samen"].get_parent().specific, name="Kwetsbare Gezinnen")
    EventIndexPageFactory(parent=practice_db["samen"].get_parent())
    return practice_db


def run(tmp_path, records, *args):
    path = tmp_path / "events.json"
    path.write_text(json.dumps({"events": records}), encoding="utf-8")
    call_command("import_events", str(path), *args, stdout=open("/dev/null", "w"), stderr=open("/dev/null", "w"))  # noqa: SIM115


def errors_of(tmp_path, records, capsys):
    path = tmp_path / "events.json"
    path.write_text(json.dumps({"events": records}), encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_events", str(path), language="en")
    return capsys.readouterr().err.splitlines()


@pytest.mark.django_db
def test_a_good_file_imports_and_a_second_import_changes_nothing(calendars, site_tree, tmp_path):
    run(tmp_path, [GOOD])
    page = EventPage.objects.get(slug="leernetwerk-voorjaar")
    assert page.live and page.werkplaats == site_tree["samen"]
    # Without an offset a time is Dutch time (summer time here).
    assert page.start == datetime.datetime(2030, 4, 2, 14, 0, tzinfo=AMSTERDAM)
    assert str(page.skj_points) == "2.5" and page.skj_number == "SKJ-1"
    assert page.registration_enabled and page.capacity == 20
    assert page.leernetwerk.name == "Kwetsbare Gezinnen"
    assert [item.value["title"] for item in page.programme] == ["Welkom", "Aan de slag"]
    assert page.programme[1].value["kind"] == "workshop" and page.programme[1].value["ends"] is None
    assert [speaker.name for speaker in page.speakers.all()] == ["E. Lam"]
    assert [link.practice.title for link in page.related_practices.all()] == ["Aanpak A", "Aanpak B"]
    revisions = page.revisions.count()
    run(tmp_path, [GOOD])
    assert page.revisions.count() == revisions
    # An offset is kept as written.
    run(tmp_path, [{**GOOD, "start": "2030-04-02T12:00+00:00"}])
    page.refresh_from_db()
    assert page.start == datetime.datetime(2030, 4, 2, 14, 0, tzinfo=AMSTERDAM)
    assert page.revisions.count() == revisions


@pytest.mark.django_db
def test_every_bad_record_is_reported_by_record_and_field_and_nothing_is_written(calendars, tmp_path, capsys):
    records = [
        GOOD,
        {**GOOD, "slug": "a", "start": "morgen", "end": "2030-04-02T25:00", "mode": "telepathie"},
        {**GOOD, "slug": "b", "end": "2030-04-02T13:00", "leernetwerk": "Onbekend", "practices": ["geen"]},
        {**GOOD, "slug": "c", "mode": "locatie", "venue": None, "skj": {"number": "X"}, "registration": {}},
        {**GOOD, "slug": "d", "skj": {"points": "veel"}, "speakers": [{"role": "x"}], "werkplaats": None},
        {**GOOD, "slug": "e", "programme": [{"type": "item", "value": {"starts": "half drie", "title": "x"}}]},
        {**GOOD, "slug": "f", "registration": {"capacity": "twintig"}, "join_url": "ftp://x"},
        {**GOOD, "slug": "g", "mode": "online", "online_platform": ""},
    ]
    lines = errors_of(tmp_path, records, capsys)
    expected = [
        "record 2 (a), start: 'morgen' is not a date and time (YYYY-MM-DDTHH:MM)",
        "record 2 (a), end: '2030-04-02T25:00' is not a date and time (YYYY-MM-DDTHH:MM)",
        "record 2 (a), mode: Value 'telepathie' is not a valid choice.",
        "record 3 (b), leernetwerk: no leernetwerk 'Onbekend' in this werkplaats",
        "record 3 (b), end: An event must end after it starts.",
        "record 3 (b), practices: no practice with slug 'geen' in this language",
        "record 4 (c), venue.name: Say where the event takes place.",
        "record 5 (d), skj.points: 'veel' is not a number",
        "record 5 (d), speakers[0].name: is required",
        "record 6 (e), programme[0].starts: 'half drie' is not a time (HH:MM)",
        "record 7 (f), registration.capacity: 'twintig' is not a whole number",
        "record 8 (g), online_platform: Say on which platform the event takes place.",
    ]
    for line in expected:
        assert line in lines, (line, lines)
    # One rule at a time, as the admin reports them: points for a number, places for registration.
    lines = errors_of(tmp_path, [{**GOOD, "skj": {"number": "X"}}], capsys)
    assert lines == ["record 1 (leernetwerk-voorjaar), skj.points: An accreditation number needs the number of points."]
    lines = errors_of(tmp_path, [{**GOOD, "registration": {}}], capsys)
    assert lines == ["record 1 (leernetwerk-voorjaar), registration.capacity: Say how many places there are."]
    lines = errors_of(tmp_path, [{**GOOD, "join_url": "ftp://x"}], capsys)
    assert lines == ["record 1 (leernetwerk-voorjaar), join_url: Enter a valid URL."]
    assert not EventPage.objects.exists()


@pytest.mark.django_db
def test_an_event_without_a_werkplaats_goes_to_the_national_calendar(calendars, site_tree, tmp_path, capsys):
    record = {**GOOD, "werkplaats": None, "leernetwerk": None}
    lines = errors_of(tmp_path, [record], capsys)
    assert lines == ["record 1 (leernetwerk-voorjaar), werkplaats: no national event calendar in language 'nl'"]
    national = EventIndexPageFactory(parent=site_tree["home"])
    run(tmp_path, [record])
    page = EventPage.objects.get(slug="leernetwerk-voorjaar")
    assert page.get_parent().specific == national and page.werkplaats is None
