"""The English calendar: its own words in its URLs, and the events that exist in Dutch only."""

import pytest
from django.test import Client
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def english(page):
    """``page``'s English translation (with its ancestors), published."""
    version = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    version.save_revision().publish()
    return version.specific


@pytest.fixture
def english_calendar(calendar):
    return english(calendar["national"])


def test_sub_routes_speak_the_pages_language(calendar, english_calendar):
    assert calendar["national"].reverse_subpage("past") == "afgelopen/"
    assert english_calendar.reverse_subpage("past") == "past/"
    assert english_calendar.reverse_subpage("ical_theme", args=["zorg"]) == "ical/theme/zorg/"
    event = english(calendar["symposium"])
    assert event.reverse_subpage("register") == "register/"
    assert calendar["symposium"].reverse_subpage("register") == "aanmelden/"


def test_the_other_languages_words_redirect_to_the_pages_own(calendar, english_calendar):
    client = Client()
    answer = client.get(english_calendar.url + "afgelopen/?thema=informele-steun")
    assert answer.status_code == 301
    assert answer["Location"].endswith(english_calendar.url + "past/?thema=informele-steun")
    assert client.get(english_calendar.url + "past/").status_code == 200
    dutch = calendar["national"].url
    assert client.get(dutch + "afgelopen/").status_code == 200
    assert client.get(dutch + "past/")["Location"].endswith(dutch + "afgelopen/")
    assert client.get(english_calendar.url + "nergens/").status_code == 404


def test_a_form_posted_to_the_other_words_is_answered_not_redirected(calendar, registration_form):
    from core.factories import publish_with

    event = english(publish_with(calendar["symposium"], registration_enabled=True, capacity=10))
    answer = Client().post(event.url + "aanmelden/", registration_form("Ann", "ann@example.org"))
    assert answer.status_code == 200 and "You have a place" in answer.content.decode()


def test_the_english_calendar_lists_dutch_only_events_marked_as_dutch(calendar, english_calendar):
    html = Client().get(english_calendar.url).content.decode()
    assert "Symposium" in html and "Online sessie" in html
    assert html.count("in Dutch") == 2
    assert '<article class="card event-card" lang="nl">' in html
    past = Client().get(english_calendar.url + "past/").content.decode()
    assert "Terugblik A" in past and "Terugblik B" in past


def test_a_translated_event_replaces_its_dutch_original(calendar, english_calendar):
    event = english(calendar["symposium"])
    event.title = "Symposium in English"
    event.save_revision().publish()
    html = Client().get(english_calendar.url).content.decode()
    assert "Symposium in English" in html
    assert ">Symposium<" not in html
    assert html.count("in Dutch") == 1  # only the online session is still Dutch only


def test_a_werkplaats_calendar_in_english_lists_its_own_dutch_events_only(calendar):
    samen = english(calendar["samen"])
    html = Client().get(samen.url).content.decode()
    assert "Symposium" in html
    assert "Online sessie" not in html  # Groningen's


def test_the_werkplaats_filter_finds_dutch_events_by_the_english_werkplaats(calendar, english_calendar, site_tree):
    english_samen = english(site_tree["samen"])
    english_samen.slug = "samen-en"
    english_samen.save_revision().publish()
    html = Client().get(english_calendar.url + "?werkplaats=samen-en").content.decode()
    assert "Symposium" in html and "Online sessie" not in html
    assert html.count('value="samen-en"') == 1 and 'value="samen"' not in html


def test_publishing_a_dutch_event_purges_the_english_calendar(calendar, english_calendar, settings):
    from core.http.purging import affected_urls

    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://127.0.0.1:1"}
    }
    urls = affected_urls(calendar["symposium"])
    assert any(url.endswith(english_calendar.url) for url in urls)
    assert any(url.endswith(english_calendar.url + "past/") for url in urls)


def test_sub_routes_in_an_english_email_use_english_words(
    calendar, mailbox, registration_form, django_capture_on_commit_callbacks
):
    from core.factories import publish_with

    dutch = publish_with(calendar["symposium"], registration_enabled=True, capacity=10)
    event = english(dutch)
    with django_capture_on_commit_callbacks(execute=True):
        answer = Client().post(event.url + "register/", registration_form("Ann", "ann@example.org"))
    assert answer.status_code == 200
    (message,) = mailbox.to("ann@example.org")
    body = next(part for part in message.walk() if part.get_content_type() == "text/plain").get_payload(decode=True)
    assert (event.url + "cancel/").encode() in body
    assert b"afmelden" not in body and b"You are registered" in body


def test_an_unnamed_route_needs_the_default_languages_words():
    from core.routes import localized_path

    with pytest.raises(ValueError, match="needs a pattern for 'nl'"):
        localized_path({"en": "past/"}, name="past")
