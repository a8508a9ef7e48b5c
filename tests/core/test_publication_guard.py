"""Approve means published (core/publication_guard.py), and a new page's autosave and its submit end
on one page (core/created_drafts.py): the races of Wagtail 8's autosave with the editor's clicks."""

import threading
import time
import uuid

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core import mail
from django.db import connection
from django.urls import reverse
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from articles.models import ArticlePage

JSON = {"HTTP_ACCEPT": "application/json"}  # what Wagtail's autosave asks for


def article_form(title, **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": "",
            "date": "2026-11-20",
            "kind": "nieuws",
            "summary": "Kort.",
            "body": streamfield([("paragraph", rich_text("Tekst."))]),
            **extra,
        }
    )
    data.update({"authors-TOTAL_FORMS": "0", "authors-INITIAL_FORMS": "0"})
    return data


@pytest.fixture
def in_moderation(site_tree, editor_client):
    """The SAMEN article as a draft in the approval workflow, an editor who wrote it and a moderator."""
    article = site_tree["article"]
    article.unpublish()
    samen = site_tree["samen"]
    samen.refresh_from_db()
    writer = editor_client(samen.editor_group, "redacteur", language="nl")
    moderator = editor_client(Group.objects.get(name="Moderators"), "moderator", language="nl")
    author = Page.objects.get(pk=article.pk).specific
    author.save_revision(user=author.owner)
    from django.contrib.auth import get_user_model

    article.get_workflow().start(article, get_user_model().objects.get(username="redacteur"))
    mail.outbox.clear()
    return {"article": article, "writer": writer, "moderator": moderator}


def approve(client, page, **post):
    data = article_form(page.title, slug=page.slug, **post)
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def approval_mail():
    return [message for message in mail.outbox if "redacteur@example.org" in message.to]


@pytest.mark.django_db
def test_an_autosave_never_approves(in_moderation, django_capture_on_commit_callbacks):
    """The footer's approve button leaves its fields in the form; an autosave that sends them saves a draft."""
    article, moderator = in_moderation["article"], in_moderation["moderator"]
    data = article_form("Terugblik, bijgewerkt", slug=article.slug)
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data, **JSON)
    assert response.status_code == 200 and response.json()["success"]
    article.refresh_from_db()
    assert not article.live
    assert article.workflow_in_progress  # still waiting for a person to approve it
    assert article.latest_revision.as_object().title == "Terugblik, bijgewerkt"  # the draft was saved
    assert approval_mail() == []


@pytest.mark.django_db
def test_approving_publishes_and_then_tells_the_editor(in_moderation, django_capture_on_commit_callbacks):
    article, moderator = in_moderation["article"], in_moderation["moderator"]
    with django_capture_on_commit_callbacks(execute=True):
        response = approve(moderator, article)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live and not article.workflow_in_progress
    [message] = approval_mail()
    assert article.title in message.subject


@pytest.mark.django_db
@pytest.mark.parametrize("failure", ["nothing-published", "publish-raises"])
def test_an_approval_that_does_not_publish_is_undone_and_said(
    in_moderation, django_capture_on_commit_callbacks, monkeypatch, failure
):
    """Whatever stops the publish, the moderator is told, the page stays in moderation, and the
    editor gets no "approved" e-mail."""
    article, moderator = in_moderation["article"], in_moderation["moderator"]

    def broken_publish(self, *args, **kwargs):
        if failure == "publish-raises":
            raise RuntimeError("the database went away")

    monkeypatch.setattr(PublishRevisionAction, "execute", broken_publish)
    with django_capture_on_commit_callbacks(execute=True):
        response = approve(moderator, article)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_pages:edit", args=[article.pk])
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert said == [
        "Deze actie is niet doorgegaan: de pagina is niet gepubliceerd en niemand is verteld dat ze is "
        "goedgekeurd. Er is niets veranderd. Probeer het opnieuw, of vraag een ontwikkelaar in het log te kijken."
    ]
    article.refresh_from_db()
    assert not article.live
    assert article.workflow_in_progress  # the approval was undone: the moderator can approve again
    assert approval_mail() == []


@pytest.mark.django_db
def test_a_new_pages_autosave_and_its_submit_end_on_one_page(site_tree, editor_client):
    """The submit that reaches the create view after an autosave made the page continues on that page."""
    samen = site_tree["samen"]
    samen.refresh_from_db()
    writer = editor_client(samen.editor_group, "redacteur", language="nl")
    news = site_tree["samen_news"]
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", news.pk))
    key = str(uuid.uuid4())
    autosaved = writer.post(
        add_url, article_form("Nieuw bericht", slug="nieuw-bericht", **{"wiel-draft-key": key}), **JSON
    )
    assert autosaved.json()["success"]
    submitted = writer.post(
        add_url, article_form("Nieuw bericht", slug="nieuw-bericht", **{"wiel-draft-key": key, "action-submit": "1"})
    )
    assert submitted.status_code == 302
    [page] = ArticlePage.objects.filter(slug="nieuw-bericht")  # one page, not two
    assert page.pk == autosaved.json()["pk"]
    assert page.workflow_in_progress  # the autosaved draft is the page in the workflow
    # Another form (another key) makes its own page, and a clashing slug is a form error, not a 500.
    again = writer.post(
        add_url, article_form("Nieuw bericht", slug="nieuw-bericht", **{"wiel-draft-key": str(uuid.uuid4())})
    )
    assert again.status_code == 200 and ArticlePage.objects.filter(slug="nieuw-bericht").count() == 1


@pytest.mark.django_db
def test_a_key_from_another_editor_is_not_followed(site_tree, editor_client):
    samen = site_tree["samen"]
    samen.refresh_from_db()
    first = editor_client(samen.editor_group, "redacteur", language="nl")
    second = editor_client(samen.editor_group, "collega", language="nl")
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", site_tree["samen_news"].pk))
    key = str(uuid.uuid4())
    first.post(add_url, article_form("Eerste", slug="eerste", **{"wiel-draft-key": key}), **JSON)
    second.post(add_url, article_form("Tweede", slug="tweede", **{"wiel-draft-key": key}))
    assert ArticlePage.objects.get(slug="eerste").title == "Eerste"
    assert ArticlePage.objects.get(slug="tweede").owner.username == "collega"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (DATABASE_URL)")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_autosave_under_way_while_another_approves_leaves_the_page_live(in_moderation):
    """A moderator's autosave has loaded the draft when a second moderator approves: the autosave's
    draft is saved first or after, and the page ends live either way (Wagtail saves a page that is
    not live whole, so a draft loaded before the publish would write "not live" back)."""
    from django.contrib.auth import get_user_model
    from wagtail import hooks

    article, moderator, second = in_moderation["article"], in_moderation["moderator"], in_moderation["writer"]
    Group.objects.get(name="Moderators").user_set.add(get_user_model().objects.get(username="redacteur"))
    loaded = threading.Event()

    def hold_the_autosave(request, page):  # the autosave has read the page; keep it there a moment
        if request.method == "POST" and "application/json" in request.headers.get("Accept", ""):
            loaded.set()
            time.sleep(0.7)

    def autosave():
        data = article_form("Terugblik, bijgewerkt", slug=article.slug)
        responses.append(
            moderator.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data, **JSON).status_code
        )
        connection.close()

    def approve_meanwhile():
        loaded.wait(5)
        responses.append(approve(second, article).status_code)
        connection.close()

    responses = []
    with hooks.register_temporarily("before_edit_page", hold_the_autosave):
        threads = [threading.Thread(target=autosave), threading.Thread(target=approve_meanwhile)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(responses) == [200, 302]
    article.refresh_from_db()
    assert article.live
    assert [state.status for state in WorkflowState.objects.filter(object_id=str(article.pk))] == [
        WorkflowState.STATUS_APPROVED
    ]


@pytest.mark.django_db
def test_a_page_sent_before_its_slug_was_filled_in_takes_one_from_its_title(site_tree, editor_client):
    samen = site_tree["samen"]
    samen.refresh_from_db()
    writer = editor_client(samen.editor_group, "redacteur", language="nl")
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", site_tree["samen_news"].pk))
    for _copy in range(2):
        assert writer.post(add_url, article_form("Snel bericht", **{"action-submit": "1"})).status_code == 302
    assert sorted(ArticlePage.objects.filter(title="Snel bericht").values_list("slug", flat=True)) == [
        "snel-bericht",
        "snel-bericht-2",
    ]
