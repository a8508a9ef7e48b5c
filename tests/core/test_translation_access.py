"""Werkplaats editors start translations of their own pages, never of another werkplaats' pages
(wagtail-localize checks only its global permission; core/translation_access.py confines it)."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from articles.factories import ArticlePageFactory


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.mark.django_db
def test_a_werkplaats_editor_translates_own_pages_only(site_tree, editor_client, english):
    samen = site_tree["samen"]
    samen.refresh_from_db()
    client = editor_client(samen.editor_group, "redactie-samen", language="nl")
    own = site_tree["article"]  # below SAMEN
    other = ArticlePageFactory(parent=site_tree["groningen_news"], title="Gronings nieuws")

    submit_own = reverse("wagtail_localize:submit_page_translation", args=[own.pk])
    submit_other = reverse("wagtail_localize:submit_page_translation", args=[other.pk])
    assert client.get(submit_own).status_code == 200
    refused = (302, 403)  # Wagtail's admin turns "permission denied" into a redirect with a message
    assert client.get(submit_other).status_code in refused
    assert client.post(submit_other, {"locales": [english.pk]}).status_code in refused
    assert not other.get_translations().exists()

    # The button is offered on the editor's own page, not on another werkplaats' page.
    assert submit_own in client.get(reverse("wagtailadmin_pages:edit", args=[own.pk])).content.decode()
    explore_other = client.get(reverse("wagtailadmin_explore", args=[site_tree["groningen_news"].pk]))
    assert submit_other not in explore_other.content.decode()
