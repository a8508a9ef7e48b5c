"""Every page type of the demo in English: no Dutch interface text from our templates, forms or
messages, and English words in the URLs of its routes."""

import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.test import Client

from articles.models import ArticleIndexPage, ArticlePage
from core.models import WerkplaatsIndexPage, WerkplaatsPage
from events.models import EventIndexPage
from newsletters.models import NewsletterIndexPage
from practices.models import PracticeIndexPage, PracticePage

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def dutch_interface_strings():
    """The Dutch of every interface string that is more than a name: at least two words, and
    different from the English (placeholders cut out, so the fixed parts are what is looked for)."""
    strings = set()
    for entry in polib.pofile(str(CATALOGUE)).translated_entries():
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            for part in re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|\n", text):
                part = part.strip(" .,:;()")
                words = re.findall(r"[a-zà-ÿ]{2,}", part, re.I)
                if len(words) >= 2 and len(part) >= 10 and part not in entry.msgid:
                    strings.add(part)
    return strings


DUTCH = dutch_interface_strings()


def english_interface_text(html):
    """The page's text and the attributes people read, without what is marked as Dutch (lang="nl")."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select('[lang="nl"], script, style'):
        element.decompose()
    attributes = [
        value
        for element in soup.find_all(True)
        for name in ("aria-label", "placeholder", "title", "alt", "data-suggestions-label", "data-suggestions-count")
        if (value := element.get(name))
    ]
    return " ".join([soup.get_text(" "), *attributes])


def dutch_in(html):
    text = re.sub(r"\s+", " ", english_interface_text(html))
    return sorted(string for string in DUTCH if string in text)


def first(model, **filters):
    return model.objects.live().filter(locale__language_code="en", **filters).order_by("pk").first()


@pytest.fixture
def english_pages():
    practices = first(PracticeIndexPage)
    calendar = first(EventIndexPage)
    newsletters = first(NewsletterIndexPage)
    practice = first(PracticePage)
    pages = {
        "home": "/en/",
        "werkplaats overview": first(WerkplaatsIndexPage).url,
        "werkplaats": first(WerkplaatsPage).url,
        "practice overview": practices.url,
        "practice overview, filtered and asked about a municipality": practices.url + "?gemeente=Leiden&thema=x",
        "practice": practice.url,
        "practice with fit": practice.url + "?gemeente=Groningen",
        "comparison": practices.url
        + practices.reverse_subpage("compare")
        + "?"
        + "&".join(
            f"p={pk}"
            for pk in PracticePage.objects.live().filter(locale=practice.locale).values_list("pk", flat=True)[:3]
        ),
        "article overview": first(ArticleIndexPage).url,
        "article": first(ArticlePage).url,
        "calendar": calendar.url,
        "past events": calendar.url + calendar.reverse_subpage("past"),
        "newsletters": newsletters.url,
        "newsletter archive": newsletters.url + newsletters.reverse_subpage("archive"),
        "search": "/en/search/?q=family",
        "search without results": "/en/search/?q=qqqqzzzz",
        "municipalities": "/en/municipalities/",
        "municipality": "/en/municipalities/leiden/",
        "not found": "/en/nothing-here/",
    }
    return pages


@pytest.mark.django_db
def test_every_english_page_type_reads_in_english(english_pages):
    assert len(DUTCH) > 300  # the catalogue was read
    client = Client()
    for name, url in english_pages.items():
        response = client.get(url)
        assert response.status_code in (200, 404), (name, url, response.status_code)
        assert response.status_code == 200 or name == "not found"
        html = response.content.decode()
        assert '<html lang="en">' in html, name
        assert dutch_in(html) == [], f"{name} ({url}): Dutch interface text"


@pytest.mark.django_db
def test_english_forms_and_their_errors_read_in_english():
    client = Client()
    newsletters = first(NewsletterIndexPage)
    answer = client.post(newsletters.url, {"email": "not an address"})
    html = answer.content.decode()
    assert answer.status_code == 400 and "Please correct the fields marked below." in html
    assert dutch_in(html) == []
    practices = first(PracticeIndexPage)
    html = client.get(practices.url, {"gemeente": "Nergenshuizen"}).content.decode()
    assert dutch_in(html) == []


@pytest.mark.django_db
def test_the_check_finds_dutch_interface_text():
    """The check itself: a Dutch page is full of it, and text marked lang="nl" is left alone."""
    html = Client().get("/").content.decode().replace('<html lang="nl">', "<html>")
    assert len(dutch_in(html)) > 5
    assert dutch_in(f'<p lang="nl">{html}</p>') == []


@pytest.mark.django_db
def test_english_route_words_in_the_english_tree():
    calendar, newsletters = first(EventIndexPage), first(NewsletterIndexPage)
    assert calendar.url + calendar.reverse_subpage("past") == "/en/events/past/"
    assert newsletters.url + newsletters.reverse_subpage("archive") == "/en/newsletters/archive/"
    client = Client()
    assert client.get("/en/events/afgelopen/")["Location"].endswith("/en/events/past/")
    assert client.get("/en/newsletters/archief/?lijst=landelijk")["Location"].endswith(
        "/en/newsletters/archive/?lijst=landelijk"
    )
    assert client.get("/en/zoeken/?q=mentor")["Location"].endswith("/en/search/?q=mentor")
    assert client.get("/zoeken/?q=mentor").status_code == 200


@pytest.mark.django_db
def test_the_english_calendar_shows_the_dutch_only_events():
    html = Client().get(first(EventIndexPage).url).content.decode()
    cards = re.findall(r'<article class="card event-card"( lang="nl")?>', html)
    dutch_only = [card for card in cards if card]
    assert dutch_only and len(cards) > len(dutch_only)  # the Dutch events, and the webinar in English
    assert len(re.findall(r">\s*in Dutch\s*<", html)) == len(dutch_only)  # each marked as Dutch
    assert "Webinar: learning from lived experience" in html
