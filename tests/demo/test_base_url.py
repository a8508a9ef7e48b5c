"""Every absolute link names WIEL_BASE_URL, whatever host the reader (or a proxy) used: pages,
sitemaps, robots.txt, feeds, calendar files, the API, the CSV and the e-mails."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.checks import run_checks
from django.test import Client
from pypdf import PdfReader
from wagtail.models import Page, Site

from articles.models import ArticleIndexPage, ArticlePage
from core.base_url import site_address, sync_default_site
from events.models import EventIndexPage, EventPage
from newsletters.models import NewsletterIndexPage, NewsletterList
from practices.models import PracticeIndexPage, PracticePage

BASE = "https://wiel.example"
OWN_HOSTS = {"localhost", "127.0.0.1", "testserver", "[::1]", "wiel.example"}
ABSOLUTE = re.compile(r"""https?://[^\s"'<>)\\]+""")


@pytest.fixture
def base(settings):
    """The site is public at BASE; the reader's request comes in by 127.0.0.1 (behind a proxy)."""
    settings.WIEL_BASE_URL = settings.WAGTAILADMIN_BASE_URL = BASE
    settings.ALLOWED_HOSTS = ["127.0.0.1", "wiel.example"]
    assert sync_default_site()
    return Client(headers={"host": "127.0.0.1"})


def own_links(text):
    """The absolute URLs in ``text`` that point at this site, under whatever name."""
    return [url for url in ABSOLUTE.findall(text) if urlsplit(url).hostname in OWN_HOSTS]


def assert_on_base(where, text):
    links = own_links(text)
    wrong = [url for url in links if not url.startswith(BASE + "/") and url != BASE]
    assert not wrong, f"{where}: links not on {BASE}: {wrong[:5]}"
    return links


def first(model, language="nl", **filters):
    return model.objects.live().filter(locale__language_code=language, **filters).order_by("pk").first()


@pytest.mark.django_db
def test_every_page_type_links_to_the_base_url(base):
    pages = [Page.objects.get(depth=2, locale__language_code=language).specific for language in ("nl", "en")] + [
        first(PracticeIndexPage),
        first(PracticePage),
        first(PracticePage, "en"),
        first(ArticleIndexPage),
        first(ArticlePage),
        first(EventIndexPage),
        first(EventPage),
        first(NewsletterIndexPage),
        first(PracticePage).werkplaats,
    ]
    urls = [page.url for page in pages] + ["/zoeken/?q=jeugd", "/gemeenten/", "/gemeenten/leiden/", "/en/"]
    for url in urls:
        response = base.get(url)
        assert response.status_code == 200, url
        links = assert_on_base(url, response.content.decode())
        assert any(link.startswith(BASE) for link in links), f"{url}: no canonical link"
    practice = first(PracticePage)
    html = base.get(practice.url).content.decode()
    assert f'<link rel="canonical" href="{BASE}{practice.url}">' in html


@pytest.mark.django_db
def test_sitemaps_per_language_with_their_translations_and_robots(base):
    robots = base.get("/robots.txt").content.decode()
    assert f"Sitemap: {BASE}/sitemap.xml" in robots and f"Sitemap: {BASE}/en/sitemap.xml" in robots
    assert "Disallow: /documents/" not in robots  # the factsheets may be found
    dutch, english = base.get("/sitemap.xml"), base.get("/en/sitemap.xml")
    assert dutch.status_code == english.status_code == 200
    for where, response in (("sitemap", dutch), ("English sitemap", english)):
        assert_on_base(where, response.content.decode())
    practice = first(PracticePage)
    translation = PracticePage.objects.live().get(translation_key=practice.translation_key, locale__language_code="en")
    nl_xml, en_xml = dutch.content.decode(), english.content.decode()
    assert f"<loc>{BASE}{practice.url}</loc>" in nl_xml and f"<loc>{BASE}{translation.url}</loc>" in en_xml
    assert f"<loc>{BASE}{translation.url}</loc>" not in nl_xml
    # Each version names both, and the Dutch one as the default (hreflang pairs, as Google documents).
    for xml in (nl_xml, en_xml):
        assert f'hreflang="en" href="{BASE}{translation.url}"' in xml
        assert f'hreflang="nl" href="{BASE}{practice.url}"' in xml
        assert f'hreflang="x-default" href="{BASE}{practice.url}"' in xml
    assert english.content.decode().count("<url>") >= 20  # the English pages are in it


@pytest.mark.django_db
def test_feeds_calendar_api_and_csv_link_to_the_base_url(base):
    news, calendar, overview = first(ArticleIndexPage), first(EventIndexPage), first(PracticeIndexPage)
    event, issues = first(EventPage), first(NewsletterIndexPage)
    newsletter = NewsletterList.objects.order_by("pk").first()
    for url in (
        news.url + "rss/",
        issues.url + issues.reverse_subpage("feed", args=[newsletter.slug]),
        event.url + "ics/",
        calendar.url + "ical/",
        overview.url + "csv/",
        "/api/v2/pages/?type=practices.PracticePage&fields=*&limit=5",
    ):
        response = base.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert own_links(body.decode()), f"{url}: no link to the site"
        assert_on_base(url, body.decode())


@pytest.mark.django_db
def test_the_factsheet_pdf_names_the_base_url(base):
    practice = first(PracticePage)
    response = base.get(practice.url + "pdf/")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert f"{BASE}{practice.url}" in text.replace("\n", "") and "127.0.0.1" not in text


@pytest.mark.django_db
def test_e_mails_link_to_the_base_url(base, django_capture_on_commit_callbacks):
    page = first(NewsletterIndexPage)
    newsletter = NewsletterList.objects.order_by("pk").first()
    with django_capture_on_commit_callbacks(execute=True):
        response = base.post(
            page.url, {"email": "lezer@example.org", "name": "Lezer", "lists": [newsletter.pk], "consent": "on"}
        )
    assert response.status_code == 200
    [message] = mail.outbox
    links = assert_on_base("subscription e-mail", message.body)
    assert any("/bevestigen/" in link for link in links)


@pytest.mark.django_db
def test_the_default_site_follows_the_base_url_and_a_check_names_a_mismatch(settings):
    settings.WIEL_BASE_URL = "http://127.0.0.1:8000"
    sync_default_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000) == site_address()
    assert site.root_url == settings.WIEL_BASE_URL
    assert not [m for m in run_checks(databases=["default"]) if m.id == "wiel.W003"]
    settings.WIEL_BASE_URL = "https://wiel.example"
    [warning] = [m for m in run_checks(databases=["default"]) if m.id == "wiel.W003"]
    assert "127.0.0.1:8000" in warning.msg and "https://wiel.example" in warning.msg
