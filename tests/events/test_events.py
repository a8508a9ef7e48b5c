"""Event pages: rules, calendars and filters, time zones, iCalendar and JSON-LD."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from core.factories import publish_with
from events.factories import EventPageFactory
from events.models import EventPage

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# Pinned: a calendar page costs this many queries however many events it lists.
CALENDAR_QUERIES = 9  # was 22; menu, site and view restrictions kept in the cache


def titles(response):
    return [event.title for event in response.context["events"]]


@pytest.mark.django_db
def test_model_rules():
    start = datetime.datetime(2026, 3, 1, 13, tzinfo=AMSTERDAM)

    def errors(**fields):
        values = {"start": start, "end": start + datetime.timedelta(hours=2), "mode": "locatie", "venue_city": "Leiden"}
        page = EventPage(title="x", **(values | fields))
        try:
            page.clean()
        except ValidationError as error:
            return set(error.message_dict)
        return set()

    assert errors() == set()
    assert errors(end=start) == {"end"}
    assert errors(end=start - datetime.timedelta(hours=1)) == {"end"}
    assert errors(venue_city="") == {"venue_name"}
    assert errors(mode="online", venue_city="") == {"online_platform"}
    assert errors(skj_number="ABC") == {"skj_points"}
    with pytest.raises(ValidationError):
        EventPage(title="x", start=start, end=start, price=-1).clean_fields(exclude=["path", "depth", "slug"])


@pytest.mark.django_db
def test_upcoming_first_and_past_separately(calendar):
    client = Client()
    upcoming = client.get(calendar["national"].url)
    assert titles(upcoming) == ["Online sessie", "Symposium"]  # soonest first, all werkplaatsen
    past = client.get(calendar["national"].url + "afgelopen/")
    assert titles(past) == ["Terugblik A", "Terugblik B"]  # most recent first
    assert titles(client.get(calendar["samen"].url)) == ["Symposium"]  # a werkplaats calendar: its own


@pytest.mark.django_db
def test_every_attendance_option_reads_differently(calendar):
    html = Client().get(calendar["national"].url).content.decode()
    select = re.search(r'<select id="filter-mode".*?</select>', html, re.S).group(0)
    labels = re.findall(r">([^<]+)</option>", select)
    assert len(labels) == 4 and len(set(labels)) == 4, labels  # any, on site, online, both


@pytest.mark.django_db
def test_filters(calendar):
    client, url = Client(), calendar["national"].url
    assert titles(client.get(url, {"thema": "informele-steun"})) == ["Symposium"]
    assert titles(client.get(url, {"werkplaats": "groningen"})) == ["Online sessie"]
    assert titles(client.get(url, {"vorm": "online"})) == ["Online sessie"]
    assert titles(client.get(url, {"skj": "ja"})) == ["Symposium"]
    assert titles(client.get(url + "afgelopen/", {"vorm": "hybride"})) == ["Terugblik B"]
    assert client.get(url, {"vorm": "onzin", "pagina": "7"}).status_code == 200


@pytest.mark.django_db
def test_calendar_query_count_is_pinned(calendar):
    client = Client()
    url = calendar["national"].url
    client.get(url)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"thema": "informele-steun"}).status_code == 200
        return len(captured)

    assert queries() == CALENDAR_QUERIES
    for number in range(10):
        event = EventPageFactory(parent=calendar["samen"], title=f"Extra {number}", days=number + 1)
        publish_with(event, themes=[calendar["theme"]])
    client.get(url)  # publishing made the cached menu stale; the first request rebuilds it
    assert queries() == CALENDAR_QUERIES


@pytest.mark.django_db
def test_times_keep_their_wall_clock_across_daylight_saving(calendar):
    # 29 March 2026: clocks go forward at 02:00. One event the day before, one the day after.
    def afternoon(day):
        return {
            "start": datetime.datetime(2026, 3, day, 14, 0, tzinfo=AMSTERDAM),
            "end": datetime.datetime(2026, 3, day, 16, 0, tzinfo=AMSTERDAM),
        }

    before = EventPageFactory(parent=calendar["samen"], title="Winter", **afternoon(28))
    after = EventPageFactory(parent=calendar["samen"], title="Zomer", **afternoon(30))
    before.refresh_from_db()
    after.refresh_from_db()
    assert before.start.astimezone(datetime.UTC).hour == 13  # UTC+1
    assert after.start.astimezone(datetime.UTC).hour == 12  # UTC+2
    for page in (before, after):
        ics = Calendar.from_ical(Client().get(page.url + "ics/").content)
        event = next(iter(ics.walk("VEVENT")))
        start = event.decoded("dtstart")
        assert (start.hour, start.minute) == (14, 0)
        assert event["dtstart"].params["TZID"] == "Europe/Amsterdam"
        html = Client().get(page.url).content.decode()
        assert "14:00" in html


@pytest.mark.django_db
def test_ics_fields_and_stable_uid(calendar):
    page = calendar["symposium"]
    first = Calendar.from_ical(Client().get(page.url + "ics/").content)
    assert first["version"] == "2.0"
    assert any(component.name == "VTIMEZONE" for component in first.walk())
    event = next(iter(first.walk("VEVENT")))
    assert str(event["uid"]) == f"{page.translation_key}@wiel"
    assert str(event["summary"]) == "Symposium"
    assert event.decoded("dtend") - event.decoded("dtstart") == datetime.timedelta(hours=3)
    assert str(event["location"]) == "Stadhuis, Leiden"
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["url"]).endswith(page.url)
    assert [str(category) for category in event["categories"].cats] == ["Informele steun"]
    sequence = int(event["sequence"])

    publish_with(page, title="Symposium (nieuwe titel)", status="geannuleerd")
    second = next(iter(Calendar.from_ical(Client().get(page.url + "ics/").content).walk("VEVENT")))
    assert str(second["uid"]) == str(event["uid"])  # the same entry, updated
    assert int(second["sequence"]) > sequence
    assert str(second["status"]) == "CANCELLED"


@pytest.mark.django_db
def test_feeds_all_per_werkplaats_and_per_theme(calendar):
    client = Client()

    def summaries(url):
        response = client.get(url)
        assert response["Content-Type"].startswith("text/calendar")
        return sorted(str(event["summary"]) for event in Calendar.from_ical(response.content).walk("VEVENT"))

    # The feed carries upcoming events and the past year (so changes still reach calendars).
    assert summaries(calendar["national"].url + "ical/") == ["Online sessie", "Symposium", "Terugblik A"]
    assert summaries(calendar["samen"].url + "ical/") == ["Symposium", "Terugblik A"]
    assert summaries(calendar["national"].url + "ical/thema/informele-steun/") == ["Symposium"]
    assert client.get(calendar["national"].url + "ical/thema/bestaat-niet/").status_code == 404


@pytest.mark.django_db
def test_json_ld(calendar):
    html = Client().get(calendar["online"].url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"] == {"@type": "VirtualLocation", "name": "Microsoft Teams", "url": data["url"]}
    assert data["organizer"]["name"] == "Groningen"
    assert data["offers"]["price"] == "0.00" and data["offers"]["priceCurrency"] == "EUR"
    assert datetime.datetime.fromisoformat(data["startDate"]) == calendar["online"].start

    hybrid = Client().get(calendar["past_b"].url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', hybrid, re.S).group(1))
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


@pytest.mark.django_db
def test_past_event_becomes_a_retrospective(calendar):
    past = publish_with(calendar["past_a"], report=[("paragraph", "<p>Wat eruit kwam.</p>")])
    html = Client().get(past.url).content.decode()
    assert "Wat eruit kwam." in html
    assert "ics/" not in html  # nothing to add to a calendar any more
    upcoming = Client().get(calendar["symposium"].url).content.decode()
    assert "ics/" in upcoming


@pytest.mark.django_db
def test_translation_keeps_facts_in_sync(calendar):
    from wagtail.models import Locale
    from wagtail_localize.models import TranslationSource

    english = Locale.objects.get(language_code="en")
    calendar["samen"].copy_for_translation(english, copy_parents=True)
    dutch = calendar["symposium"]
    source, _created = TranslationSource.get_or_create_from_instance(dutch)
    source.create_or_update_translation(english, fallback=True)
    publish_with(
        dutch,
        start=dutch.start + datetime.timedelta(days=1),
        end=dutch.end + datetime.timedelta(days=1),
        themes=[],
        capacity=40,
        registration_enabled=True,
    )
    source.update_from_db()
    source.create_or_update_translation(english, fallback=True)
    translation = EventPage.objects.get(translation_key=dutch.translation_key, locale=english)
    assert (translation.start, translation.capacity) == (dutch.start, 40)
    assert translation.ical_uid == dutch.ical_uid  # calendars see one event in two languages
