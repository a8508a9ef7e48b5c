import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from core.translation_status import MISSING, OUT_OF_DATE, UP_TO_DATE, translation_statuses


def _statuses():
    return {item.source.pk: item.status for item in translation_statuses("en")}


@pytest.mark.django_db
def test_status_follows_the_dutch_source(site_tree):
    article = site_tree["article"]
    assert _statuses()[article.pk] == MISSING

    english = article.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Looking back"
    english.save_revision().publish()
    assert _statuses()[article.pk] == UP_TO_DATE

    article.refresh_from_db()
    article.title = "Terugblik symposium (bijgewerkt)"
    article.save_revision().publish()
    assert _statuses()[article.pk] == OUT_OF_DATE

    english.refresh_from_db()
    english.save_revision().publish()  # what a sync in wagtail-localize does
    assert _statuses()[article.pk] == UP_TO_DATE


@pytest.mark.django_db
def test_translation_report_in_admin(site_tree):
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "a-long-test-password")
    client = Client()
    client.force_login(admin)
    response = client.get(reverse("wiel_translation_report"), {"status": MISSING})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Terugblik symposium" in html and 'data-status="missing"' in html
    assert 'data-status="up_to_date"' not in html


@pytest.mark.django_db
def test_language_switch_and_hreflang(site_tree):
    article = site_tree["article"]
    english = article.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Looking back"
    english.save_revision().publish()
    client = Client()
    html = client.get(article.url).content.decode()
    assert 'hreflang="en"' in html and english.url in html
    assert 'hreflang="x-default"' in html
    english_html = client.get(english.url).content.decode()
    assert '<html lang="en">' in english_html
    assert article.url in english_html


@pytest.mark.django_db
def test_starting_a_translation_leaves_the_english_page_a_draft(site_tree, django_capture_on_commit_callbacks):
    admin = get_user_model().objects.create_superuser("vertaler", "v@example.org", "a-long-test-password")
    client = Client()
    client.force_login(admin)
    english = Locale.objects.get(language_code="en")
    article = site_tree["article"]
    # The English site above it exists and is live, as on the demo.
    news = site_tree["samen_news"].copy_for_translation(english, copy_parents=True)
    for page in [*news.get_ancestors().filter(depth__gt=1).specific(), news]:
        if page.alias_of_id is None:  # the parents it made are aliases, live with their source
            page.save_revision().publish()
    url = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = client.post(url, {"locales": [english.pk], "include_subtree": ""})
    assert response.status_code == 302
    translation = article.get_translation(english)
    assert not translation.live  # a draft until it is translated and approved
    assert translation.has_unpublished_changes
    assert Client().get(translation.url or f"/en/{translation.slug}/").status_code == 404
