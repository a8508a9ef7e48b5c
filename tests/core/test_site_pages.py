"""The footer's own pages (contact, privacy, accessibility, colophon), chosen in the site settings."""

import pytest
from django.test import Client
from wagtail.models import Locale

from core.models import ContentPage, SitePages

pytestmark = pytest.mark.django_db


def content_page(parent, title, slug):
    page = ContentPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def footer(html):
    return html.split('<footer class="site-footer">')[1]


@pytest.fixture
def chosen(site_tree):
    home = site_tree["home"]
    pages = {
        "privacy": content_page(home, "Privacyverklaring", "privacy"),
        "accessibility": content_page(home, "Toegankelijkheidsverklaring", "toegankelijkheid"),
        "contact": content_page(home, "Contact", "contact"),
    }
    setting = SitePages.for_site(home.get_site())
    for role, page in pages.items():
        setattr(setting, f"{role}_page", page)
    setting.save()
    return pages


def test_every_page_links_the_chosen_pages_in_its_footer(site_tree, chosen):
    for url in (site_tree["home"].url, site_tree["article"].url, "/zoeken/?q=x", "/nergens/"):
        html = footer(Client().get(url).content.decode())
        assert '<a href="/contact/">Contact</a>' in html, url
        assert '<a href="/privacy/">Privacyverklaring</a>' in html, url
        assert '<a href="/toegankelijkheid/">Toegankelijkheidsverklaring</a>' in html, url
        assert html.index("Contact") < html.index("Privacyverklaring") < html.index("Toegankelijkheidsverklaring")
        assert "colofon" not in html.lower()  # not chosen: not linked


def test_english_pages_link_the_english_versions_or_the_dutch_marked_as_dutch(site_tree, chosen):
    english_locale = Locale.objects.get_or_create(language_code="en")[0]
    english_home = site_tree["home"].copy_for_translation(english_locale)
    english_home.save_revision().publish()
    privacy = chosen["privacy"].copy_for_translation(english_locale)
    privacy.title, privacy.slug = "Privacy statement", "privacy"
    privacy.save_revision().publish()
    html = footer(Client().get(english_home.url).content.decode())
    assert '<a href="/en/privacy/">Privacy statement</a>' in html
    assert '<a href="/toegankelijkheid/" lang="nl" hreflang="nl">Toegankelijkheidsverklaring</a>' in html


def test_a_change_of_the_settings_or_an_unpublished_page_shows_at_once(site_tree, chosen):
    client = Client()
    assert "/contact/" in footer(client.get(site_tree["article"].url).content.decode())
    chosen["contact"].unpublish()
    assert "/contact/" not in footer(client.get(site_tree["article"].url).content.decode())
    colophon = content_page(site_tree["home"], "Colofon", "colofon")
    setting = SitePages.for_site(site_tree["home"].get_site())
    setting.colophon_page = colophon
    setting.save()
    assert '<a href="/colofon/">Colofon</a>' in footer(client.get(site_tree["article"].url).content.decode())


def test_the_subscription_form_links_the_privacy_statement(newsletters, chosen):
    html = Client().get(newsletters["page"].url).content.decode()
    assert (
        '<p class="form-help"><a href="/privacy/">Wat Wiel over je bewaart, en hoe lang: de privacyverklaring</a>'
        in html
    )


def test_without_chosen_pages_the_footer_still_renders(site_tree):
    html = footer(Client().get(site_tree["home"].url).content.decode())
    assert "Over deze site" in html and "/admin/" in html


def test_the_footer_pages_cost_three_queries_however_many_are_chosen(site_tree, chosen, django_assert_num_queries):
    from django.utils import translation

    from core.templatetags.wiel_tags import _site_pages

    site = site_tree["home"].get_site()
    with translation.override("nl"):
        _site_pages(site)  # the locales, once per content version
        with django_assert_num_queries(3):
            links = _site_pages(site)
    assert list(links) == ["contact", "privacy", "accessibility"]
