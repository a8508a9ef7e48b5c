"""The demo's own pages: contact, privacy, accessibility statement and colophon, in both languages,
linked from every page, and saying what the code does."""

import re

import pytest
from django.conf import settings
from django.test import Client

PAGES = {
    "nl": ["/contact/", "/privacy/", "/toegankelijkheid/", "/colofon/"],
    "en": ["/en/contact/", "/en/privacy/", "/en/accessibility/", "/en/colophon/"],
}


def text(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_type_links_the_four_pages_in_its_language(language):
    home = "/" if language == "nl" else "/en/"
    samples = [home, *PAGES[language]]
    listing = Client().get(home).content.decode()
    links = re.findall(r'<a href="(/[^"?#]*/)"', listing)
    samples += [url for url in links if url.startswith("/en/") == (language == "en") and url != "/admin/"][:15]
    for url in samples:
        html = Client().get(url).content.decode()
        footer = html.split('<footer class="site-footer">')[1]
        assert re.findall(r'<li><a href="([^"]+)">', footer)[:4] == PAGES[language], url


@pytest.mark.django_db
def test_the_privacy_statement_states_the_retention_the_code_applies():
    dutch, english = text("/privacy/"), text("/en/privacy/")
    months = {6: ("zes maanden", "six months")}[settings.EVENT_REGISTRATION_RETENTION_MONTHS]
    days = {7: ("zeven dagen", "seven days")}[settings.NEWSLETTER_CONFIRM_MAX_AGE // 86400]
    assert months[0] in dutch and days[0] in dutch
    assert months[1] in english and days[1] in english
    for words in ("SKJ-registratienummer", "verwerker", "Autoriteit Persoonsgegevens", "wis"):
        assert words in dutch
    # A shared story stays online for the years its teller chose on the form (learning.forms).
    from learning.forms import ShareStoryForm

    spelled = {1: ("één", "one"), 2: ("twee", "two"), 5: ("vijf", "five")}
    years = [spelled[years] for years, _label in ShareStoryForm.KEEP_YEARS]
    assert all(nl in dutch.split("ervaringsverhaal: tot")[1][:80] for nl, _en in years)
    assert all(en in english.split("lived-experience story: until")[1][:80] for _nl, en in years)
    # An action's owner: one reminder after the days learning.follow_up waits, erased after the retention.
    from learning.follow_up import REMIND_AFTER

    assert {14: "veertien dagen"}[REMIND_AFTER.days] in dutch and {14: "fourteen days"}[REMIND_AFTER.days] in english
    kept = {12: ("tot een jaar na de opvolgdatum", "until a year after the follow-up date")}
    assert (
        kept[settings.FOLLOW_UP_RETENTION_MONTHS][0] in dutch
        and kept[settings.FOLLOW_UP_RETENTION_MONTHS][1] in english
    )
    # Whoever submitted an opportunity: erased after the retention (opportunities.retention).
    submitted = {36: ("tot drie jaar nadat de kans binnenkwam", "until three years after it came in")}
    assert submitted[settings.OPPORTUNITY_RETENTION_MONTHS][0] in dutch
    assert submitted[settings.OPPORTUNITY_RETENTION_MONTHS][1] in english


@pytest.mark.django_db
def test_the_accessibility_statement_follows_the_model_statement():
    dutch = text("/toegankelijkheid/")
    headings = [
        "Nalevingsstatus",
        "Resultaten van de metingen",
        "Wat nog niet toegankelijk is",
        "Feedback en contact",
        "Handhavingsprocedure",
    ]
    positions = [dutch.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "Status C" in dutch and "WCAG 2.1" in dutch
    # The factsheets are tagged PDFs now (tests/practices/test_open_data.py checks them with veraPDF).
    assert "niet getagd" not in dutch and "PDF/UA-1" in dutch
    assert "Compliance status" in text("/en/accessibility/")


@pytest.mark.django_db
def test_the_colophon_credits_the_reference_data():
    for url in ("/colofon/", "/en/colophon/"):
        page = text(url)
        assert "CBS" in page and "PDOK" in page and "CC BY 4.0" in page and "85984NED" in page
