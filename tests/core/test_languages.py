"""Pages between languages: the language switch, untranslated aliases, and English interface words."""

import re
from pathlib import Path

import pytest
from django.test import Client
from wagtail.models import Locale

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def english(page, alias=False):
    version = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True, alias=alias)
    if not alias:
        version.save_revision().publish()
    return version.specific


def switch_link(html, language_name):
    """The href of the language switch's link to ``language_name``."""
    match = re.search(r'<a href="([^"]+)" hreflang="\w+"><span lang="\w+">' + language_name + "</span>", html)
    return match and match.group(1)


def test_the_switch_on_an_untranslated_page_goes_to_the_nearest_translated_page_with_a_notice(site_tree):
    english_samen = english(site_tree["samen"])
    html = Client().get(site_tree["article"].url).content.decode()  # an article of SAMEN, in Dutch only
    target = switch_link(html, "English")
    assert target == english_samen.url + "?untranslated=1"
    assert "(deze pagina is er niet in die taal)" in html
    assert 'hreflang="en" href' not in html.split("</head>")[0]  # no alternate in the head
    landed = Client().get(target).content.decode()
    assert "The page you came from has no version in this language yet." in landed
    assert "has no version in this language" not in Client().get(english_samen.url).content.decode()


def test_the_switch_falls_back_to_the_home_page_when_nothing_above_is_translated(site_tree):
    english_home = english(site_tree["home"])
    html = Client().get(site_tree["article"].url).content.decode()
    assert switch_link(html, "English") == english_home.url + "?untranslated=1"


def test_an_alias_says_its_text_is_untranslated_and_points_search_engines_to_its_source(site_tree):
    english(site_tree["home"])
    english_index = english(site_tree["index"])
    alias = english(site_tree["groningen"], alias=True)
    html = Client().get(alias.url).content.decode()
    assert "This page has not been translated yet: its text is in Dutch." in html
    assert '<div class="main-content" lang="nl">' in html
    assert f'<link rel="canonical" href="http://localhost{site_tree["groningen"].url}">' in html
    # The Dutch page's switch still leads there, marked as not translated, and no hreflang claims it.
    dutch = Client().get(site_tree["groningen"].url).content.decode()
    assert switch_link(dutch, "English") == alias.url
    assert "(nog niet vertaald)" in dutch
    assert 'hreflang="en"' not in dutch.split("</head>")[0]
    sitemap = Client().get("/en/sitemap.xml").content.decode()
    assert alias.url not in sitemap
    # Listings in English mark its text as Dutch.
    overview = Client().get(english_index.url).content.decode()
    assert re.search(
        r'<article class="card" lang="nl">\s*<div class="card__body">\s*<h2 class="card__title"><a href="'
        + re.escape(alias.url),
        overview,
    )


def test_a_translated_page_carries_no_untranslated_marks(site_tree):
    english(site_tree["home"])
    english(site_tree["index"])
    translated = english(site_tree["groningen"])
    html = Client().get(translated.url).content.decode()
    assert "has not been translated" not in html
    assert re.findall(r'\slang="nl"', html) == [' lang="nl"']  # the switch's "Nederlands" only


def test_the_switch_on_a_sub_route_goes_to_the_same_route_in_the_other_languages_words(site_tree):
    from events.factories import EventIndexPageFactory

    calendar = EventIndexPageFactory(parent=site_tree["home"])
    english_calendar = english(calendar)
    html = Client().get(calendar.url + "afgelopen/").content.decode()
    assert switch_link(html, "English") == english_calendar.url + "past/"
    back = Client().get(english_calendar.url + "past/").content.decode()
    assert switch_link(back, "Nederlands") == calendar.url + "afgelopen/"


def test_newsletter_names_follow_the_language(newsletters):
    from django.utils import translation

    national = newsletters["national"]
    national.name_en, national.description_en = "Wiel national", "The best of all workplaces."
    national.save()
    with translation.override("en"):
        assert (str(national), national.text) == ("Wiel national", "The best of all workplaces.")
        assert str(newsletters["samen"]) == "Nieuwsbrief SAMEN"  # no English name: the Dutch one
    with translation.override("nl"):
        assert str(national) == "Wiel landelijk"


TRANSLATION_TAGS = re.compile(r"\{%\s*(blocktrans|blocktranslate).*?\{%\s*end(blocktrans|blocktranslate)\s*%\}", re.S)


def visible_template_text(source):
    """The words a template writes itself: outside tags, variables, comments, scripts and styles."""
    for pattern in (
        r"\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}",
        TRANSLATION_TAGS.pattern,
        r"\{#.*?#\}",
        r"<script.*?</script>",
        r"<style.*?</style>",
        r"\{%.*?%\}",
        r"\{\{.*?\}\}",
        r"<[^>]*>",
        r"&\w+;",
    ):
        source = re.sub(pattern, " ", source, flags=re.S)
    return re.findall(r"[A-Za-zÀ-ÿ]{2,}", source)


# Words a template may write as they are: names, and text outside any one language.
UNTRANSLATED_WORDS = {"Wiel", "Sitemap", "User", "agent", "Disallow", "admin", "article", "page", "home", "practice"}


def test_every_word_our_public_templates_write_goes_through_the_translation_catalogue():
    found = {}
    for template in sorted(ROOT.glob("*/templates/**/*.*")):
        relative = template.relative_to(ROOT).as_posix()
        if "/admin/" in relative or relative.endswith("500.html"):  # the editors' guide; the 500 page is bilingual
            continue
        words = [word for word in visible_template_text(template.read_text()) if word not in UNTRANSLATED_WORDS]
        if words:
            found[relative] = words
    assert found == {}
