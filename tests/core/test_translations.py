from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation

from core.translation_status import IN_PROGRESS, MISSING, OUT_OF_DATE, UP_TO_DATE, translation_statuses


def _statuses():
    return {item.source.pk: item.status for item in translation_statuses("en")}


def _translator(client):
    admin = get_user_model().objects.create_superuser("vertaler", "v@example.org", "a-long-test-password")
    client.force_login(admin)
    return admin


def _english_parents(site_tree, english):
    news = site_tree["samen_news"].copy_for_translation(english, copy_parents=True)
    for page in [*news.get_ancestors().filter(depth__gt=1).specific(), news]:
        if page.alias_of_id is None:  # the parents it made are aliases, live with their source
            page.save_revision().publish()


ENGLISH = {"title": "Looking back at the symposium", "slug": "looking-back-at-the-symposium"}


def _start_translation(client, site_tree, capture):
    """As in the admin: Translate -> English on the article, below an English site that is live."""
    english = Locale.objects.get(language_code="en")
    _english_parents(site_tree, english)
    article = site_tree["article"]
    with capture(execute=True):  # wagtail-localize publishes on commit
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[article.pk]),
            {"locales": [english.pk], "include_subtree": ""},
        )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=article.translation_key, target_locale=english)


def _translate_every_string(client, translation):
    """What the translation editor sends for each string: ENGLISH's title and slug, the rest marked."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("context", "string")
    for segment in segments:
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": ENGLISH.get(segment.context.path, f"EN: {segment.string.data}")}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 201, segment.context.path
    return segments


@pytest.mark.django_db
def test_a_translation_through_the_translation_editor(site_tree, django_capture_on_commit_callbacks):
    """Start, translate string by string, publish, change the Dutch, sync: the report follows each step."""
    client = Client()
    _translator(client)
    article = site_tree["article"]
    assert _statuses()[article.pk] == MISSING
    translation = _start_translation(client, site_tree, django_capture_on_commit_callbacks)
    target = article.get_translation(translation.target_locale)
    assert _statuses()[article.pk] == IN_PROGRESS

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
    assert "wagtail_localize/admin/edit_translation.html" in [template.name for template in editor.templates]
    segments = _translate_every_string(client, translation)
    assert "slug" in {segment.context.path for segment in segments}  # the English slug is a string to translate
    assert _statuses()[article.pk] == IN_PROGRESS  # translated, not yet published

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    target.refresh_from_db()
    assert target.live and target.title == ENGLISH["title"] and target.slug == ENGLISH["slug"]
    item = next(item for item in translation_statuses("en") if item.source.pk == article.pk)
    assert item.status == UP_TO_DATE and item.progress == (len(segments), len(segments))
    assert Client().get(target.url).status_code == 200 and target.url.endswith("/looking-back-at-the-symposium/")

    article.refresh_from_db()
    article.title = "Terugblik symposium (bijgewerkt)"
    article.save_revision().publish()
    assert _statuses()[article.pk] == OUT_OF_DATE  # the editor offers "Sync translated pages"

    client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source.pk]),
        {"publish_translations": ""},
    )
    assert _statuses()[article.pk] == IN_PROGRESS  # the new Dutch title waits for its English


@pytest.mark.django_db
def test_status_of_an_english_page_made_by_hand(site_tree):
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
    client = Client()
    _translator(client)
    record = _start_translation(client, site_tree, django_capture_on_commit_callbacks)
    translation = site_tree["article"].get_translation(record.target_locale)
    assert not translation.live  # a draft until it is translated and approved
    assert translation.has_unpublished_changes
    assert Client().get(translation.url or f"/en/{translation.slug}/").status_code == 404


@pytest.mark.django_db
def test_a_werkplaats_editor_sends_a_translation_through_moderation(site_tree, django_capture_on_commit_callbacks):
    """An editor who may not publish translates in the translation editor, then submits it for approval."""
    from wagtail.models import WorkflowState

    translator = Client()
    _translator(translator)
    article = site_tree["article"]
    translation = _start_translation(translator, site_tree, django_capture_on_commit_callbacks)
    target = article.get_translation(translation.target_locale)

    samen = site_tree["samen"]
    samen.refresh_from_db()
    editor = get_user_model().objects.create_user("redactie", "r@example.org", "a-long-test-password")
    editor.groups.add(samen.editor_group)
    client = Client()
    client.force_login(editor)
    _translate_every_string(client, translation)  # an editor of SAMEN may translate
    refused = client.post(reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"})
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")  # the admin's "no permission"
    target.refresh_from_db()
    assert not target.live

    submit = reverse("wiel_submit_translation", args=[translation.pk])
    listing = client.get(reverse("wagtailadmin_explore", args=[target.get_parent().pk])).content.decode()
    assert submit in listing  # offered in the page's menu
    assert submit not in translator.get(reverse("wagtailadmin_explore", args=[target.get_parent().pk])).content.decode()
    assert client.get(submit).status_code == 200
    assert client.post(submit).status_code == 302

    target.refresh_from_db()
    assert not target.live and target.get_latest_revision().as_object().title == ENGLISH["title"]
    state = target.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert _statuses()[article.pk] == IN_PROGRESS

    task_state = state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[target.pk, "approve", task_state.pk])
    translator.post(approve, {"comment": ""})
    target.refresh_from_db()
    assert target.live and target.title == ENGLISH["title"]
    assert _statuses()[article.pk] == UP_TO_DATE

    other = get_user_model().objects.create_user("elders", "e@example.org", "a-long-test-password")
    other.groups.add(site_tree["groningen"].specific.editor_group)
    outsider = Client()
    outsider.force_login(other)
    assert outsider.post(submit).url == reverse("wagtailadmin_home")  # another werkplaats's editor may not


@pytest.mark.django_db
def test_the_translation_editor_gives_each_their_own_actions(
    site_tree, editor_client, django_capture_on_commit_callbacks
):
    """The werkplaats editor's main action is "Vertaling ter goedkeuring aanbieden" (wagtail-localize's
    footer, with "Verwijderen" first, is replaced); the moderator approves or asks for changes there,
    and approves the strings as they stand in the editor."""
    from django.contrib.auth.models import Group
    from wagtail.models import WorkflowState

    translator = Client()
    _translator(translator)
    translation = _start_translation(translator, site_tree, django_capture_on_commit_callbacks)
    target = site_tree["article"].get_translation(translation.target_locale)
    site_tree["samen"].refresh_from_db()
    editor = editor_client(site_tree["samen"].editor_group, "redactie", language="nl")
    moderator = editor_client(Group.objects.get(name="Moderators"), "landelijk", language="nl")
    _translate_every_string(editor, translation)
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.pk])
    submit = reverse("wiel_submit_translation", args=[translation.pk])
    review = reverse("wiel_review_translation", args=[translation.pk])

    html = editor.get(edit_url).content.decode()
    assert f'action="{submit}"' in html and "Vertaling ter goedkeuring aanbieden" in html
    assert "wiel-own-footer" in html  # wagtail-localize's footer (Verwijderen, Stop synchrone vertaling) hidden
    assert review not in html
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(submit)
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert editor.post(review, {"action": "approve"}).status_code in (302, 403)
    target.refresh_from_db()
    assert not target.live  # the editor cannot approve their own work

    html = moderator.get(edit_url).content.decode()
    assert "Deze vertaling wacht op je goedkeuring" in html and f'action="{review}"' in html
    assert "wiel-own-footer" not in html  # the moderator keeps wagtail-localize's footer (Publiceer in …)
    assert "Wat moet er anders?" in moderator.get(review).content.decode()
    assert moderator.post(review, {"action": "reject", "comment": ""}).status_code == 200  # asked again
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(review, {"action": "reject", "comment": "Graag 'terugblik' anders vertalen."})
    assert target.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(submit)  # sent again
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    title = StringSegment.objects.get(source=translation.source, context__path="title")
    moderator.put(  # the moderator corrects a string in the editor before approving
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, title.pk]),
        urlencode({"value": "A look back at the symposium"}),
        content_type="application/x-www-form-urlencoded",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(review, {"action": "approve"})
    assert response.status_code == 302 and response.url == edit_url
    target.refresh_from_db()
    assert target.live and target.title == "A look back at the symposium"
