"""Editors of one werkplaats work only in their own section, through the real admin views."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import ArticlePage


@pytest.mark.django_db
def test_werkplaats_editor_confined_to_own_section(site_tree, editor_client):
    samen, groningen = site_tree["samen"], site_tree["groningen"]
    samen.refresh_from_db()
    client = editor_client(samen.editor_group, "redactie-samen")

    own = client.get(reverse("wagtailadmin_pages:edit", args=[site_tree["article"].pk]))
    assert own.status_code == 200
    add_own = client.get(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree["samen_news"].pk])
    )
    assert add_own.status_code == 200

    other = client.get(reverse("wagtailadmin_pages:edit", args=[groningen.pk]))
    assert other.status_code in (302, 403)
    add_other = client.get(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree["groningen_news"].pk])
    )
    assert add_other.status_code in (302, 403)


@pytest.mark.django_db
def test_werkplaats_editor_submits_for_moderation_and_cannot_publish(site_tree, editor_client):
    samen = site_tree["samen"]
    samen.refresh_from_db()
    client = editor_client(samen.editor_group, "redactie-samen")
    article = site_tree["article"]
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    html = client.get(url).content.decode()
    assert "action-publish" not in html
    assert "action-submit" in html

    permissions = article.permissions_for_user(get_user_model().objects.get(username="redactie-samen"))
    assert permissions.can_edit() and not permissions.can_publish()


@pytest.mark.django_db
def test_national_editor_publishes_everywhere(site_tree):
    user = get_user_model().objects.create_user("landelijk", "l@example.org", "a-long-test-password")
    user.groups.add(Group.objects.get(name="Moderators"))
    for page in (site_tree["samen"], site_tree["groningen"], site_tree["article"]):
        assert page.permissions_for_user(user).can_publish()
    assert ArticlePage.objects.get(pk=site_tree["article"].pk).permissions_for_user(user).can_edit()


@pytest.mark.django_db
def test_translations_share_the_werkplaats_group(site_tree, editor_client):
    from wagtail.models import Locale

    samen = site_tree["samen"]
    samen.refresh_from_db()
    english_locale = Locale.objects.get(language_code="en")
    english = samen.copy_for_translation(english_locale, copy_parents=True)
    english.refresh_from_db()
    assert english.editor_group_id == samen.editor_group_id
    editor_client(samen.editor_group, "redactie-samen")
    user = get_user_model().objects.get(username="redactie-samen")
    assert english.permissions_for_user(user).can_edit()
    assert not site_tree["groningen"].permissions_for_user(user).can_edit()


NATIONAL_TOOLS = [
    "wagtailsnippets_core_theme:list",
    "wagtailsnippets_core_targetgroup:list",
    "wagtailsnippets_core_caresetting:list",
    "wagtailsnippets_practices_partnertype:list",
    "wagtailsnippets_wielsearch_synonym:list",
    "wagtailsnippets_wielsearch_compoundword:list",
    "wagtailsnippets_newsletters_newsletterlist:list",
    "wagtailsnippets_newsletters_suppression:list",
    "wagtailsearchpromotions:index",
]


@pytest.mark.django_db
@pytest.mark.parametrize("view", NATIONAL_TOOLS)
def test_national_editors_manage_the_editors_tools_and_werkplaats_editors_do_not(site_tree, view, editor_client):
    national = editor_client(Group.objects.get(name="Moderators"), "landelijk")
    assert national.get(reverse(view)).status_code == 200
    if view.startswith("wagtailsnippets_"):
        assert national.get(reverse(view.replace(":list", ":add"))).status_code == 200
    samen = site_tree["samen"]
    samen.refresh_from_db()
    werkplaats = editor_client(samen.editor_group, "redactie-samen")
    assert werkplaats.get(reverse(view)).status_code in (302, 403)


@pytest.mark.django_db
def test_werkplaats_editors_choose_from_their_own_and_the_shared_collection_only(site_tree, editor_client):
    from core.permissions import shared_collection
    from demo.utils import generated_image

    samen, groningen = site_tree["samen"], site_tree["groningen"]
    samen.refresh_from_db()
    groningen.refresh_from_db()
    generated_image("Foto van SAMEN", "SAMEN", collection=samen.collection)
    generated_image("Foto van Groningen", "Groningen", collection=groningen.collection)
    generated_image("Gedeelde foto", "Gedeeld")  # the demo's and national pictures: the shared collection
    assert shared_collection().name == "Gedeeld"
    client = editor_client(samen.editor_group, "redactie-samen")
    html = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "Foto van SAMEN" in html and "Gedeelde foto" in html
    assert "Foto van Groningen" not in html
    national_editor = editor_client(Group.objects.get(name="Moderators"), "landelijk")
    national = national_editor.get(reverse("wagtailimages_chooser:choose"))
    assert "Foto van Groningen" in national.content.decode()
