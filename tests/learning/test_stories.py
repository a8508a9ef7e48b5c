"""Lived-experience stories: the flags of what looks like personal data block publishing until a
moderator resolves them, consent decides what is shown, and each werkplaats edits its own."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from learning.models import StoryPage


def story_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "story": page.story,
        "teller": page.teller,
        "teller_name": page.teller_name,
        "teller_email": page.teller_email,
        "age_band": page.age_band,
        "source": page.source,
        "source_note": page.source_note,
        "publication": page.publication,
        "consent_until": page.consent_until or "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def moderator(site_tree, editor_client):
    return editor_client(Group.objects.get(name="Moderators"), "landelijk", language="nl")


def publish(client, page, **changes):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, {**story_form(page, **changes), "action-publish": "action-publish"})


@pytest.mark.django_db
def test_a_flagged_story_is_published_only_once_every_flag_is_resolved(stories, moderator):
    story = stories["draft"]
    named = "Mijn dochter Noor wachtte negen maanden. Bel me: 06-12345678."
    refused = publish(moderator, story, story=named)
    assert refused.status_code == 200  # the editor again, with what to resolve
    html = refused.content.decode()
    assert "Voornaam: Noor" in html and "Telefoonnummer: 06-12345678" in html
    assert not StoryPage.objects.get(pk=story.pk).live

    confirmed = publish(moderator, story, story=named, confirm_flags=["voornaam:Noor"])
    assert confirmed.status_code == 200 and not StoryPage.objects.get(pk=story.pk).live  # the phone is left

    edited = publish(
        moderator, story, story="Mijn dochter Noor wachtte negen maanden.", confirm_flags=["voornaam:Noor"]
    )
    assert edited.status_code == 302
    live = StoryPage.objects.get(pk=story.pk)
    assert live.live and live.confirmed_flags == ["voornaam:Noor"]
    page = Client().get(live.url).content.decode()
    assert "Noor wachtte negen maanden" in page


@pytest.mark.django_db
def test_every_other_way_to_publish_meets_the_same_rule(stories):
    story = stories["other"]  # "Mijn zoon Daan wachtte."
    with pytest.raises(ValidationError):
        story.save_revision().publish()
    assert not Page.objects.get(pk=story.pk).live
    story.confirmed_flags = ["voornaam:Daan"]
    story.save_revision().publish()
    assert Page.objects.get(pk=story.pk).live


@pytest.mark.django_db
def test_consent_decides_what_is_published(stories, moderator):
    story = stories["draft"]
    internal = publish(moderator, story, publication="niet-openbaar")
    assert internal.status_code == 200 and not StoryPage.objects.get(pk=story.pk).live
    assert "staat niet toe" in internal.content.decode()
    ended = publish(moderator, story, consent_until="2020-01-31")
    assert ended.status_code == 200 and not StoryPage.objects.get(pk=story.pk).live

    named = {"teller_name": "Sanne", "teller_email": "sanne@example.org"}
    assert publish(moderator, story, **named).status_code == 302
    page = Client().get(StoryPage.objects.get(pk=story.pk).url).content.decode()
    assert "Negen maanden wachten" in page
    assert "Sanne" not in page and "sanne@example.org" not in page  # consent: without a name
    assert publish(moderator, story, **named, publication="met-voornaam").status_code == 302
    page = Client().get(StoryPage.objects.get(pk=story.pk).url).content.decode()
    assert "Sanne, ouder of verzorger" in page and "sanne@example.org" not in page


@pytest.mark.django_db
def test_a_werkplaats_editor_edits_its_own_stories_and_never_sees_another_werkplaats_drafts(
    stories, site_tree, editor_client
):
    samen = site_tree["samen"]
    samen.refresh_from_db()
    client = editor_client(samen.editor_group, "redactie-samen", language="nl")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[stories["draft"].pk])).status_code == 200
    other = client.get(reverse("wagtailadmin_pages:edit", args=[stories["other"].pk]))
    assert other.status_code in (302, 403) and b"Daan" not in other.content
    preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[stories["other"].pk]))
    assert preview.status_code in (302, 403) and b"Daan" not in preview.content
    assert Client().get(stories["groningen"].url + stories["other"].slug + "/").status_code == 404  # a draft


@pytest.mark.django_db
def test_the_overview_lists_published_stories_and_filters_them(stories):
    from learning.factories import StoryPageFactory

    StoryPageFactory(parent=stories["samen"], title="Eindelijk gehoord", teller="jongere")
    StoryPageFactory(parent=stories["samen"], title="Als ouder alleen", teller="ouder")
    client = Client()
    html = client.get(stories["samen"].url).content.decode()
    assert "Eindelijk gehoord" in html and "Als ouder alleen" in html and "Negen maanden wachten" not in html
    young = client.get(stories["samen"].url, {"verteller": "jongere"}).content.decode()
    assert "Eindelijk gehoord" in young and "Als ouder alleen" not in young
    assert client.get(stories["samen"].url, {"verteller": "<script>", "thema": "x" * 500}).status_code == 200


@pytest.mark.django_db
def test_an_approval_from_the_dashboard_is_refused_with_the_reason(stories, moderator, django_user_model):
    story = stories["other"]  # "Mijn zoon Daan wachtte."
    writer = django_user_model.objects.create_user("schrijver", "s@example.org", "a-long-test-password")
    story.save_revision(user=writer)
    story.get_workflow().start(story, writer)
    task_state = story.current_workflow_state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk])
    answer = moderator.post(approve, {"comment": ""}, follow=True)
    assert "Handel eerst alles af onder" in answer.content.decode()
    story.refresh_from_db()
    assert not story.live and story.current_workflow_state.status == "in_progress"


@pytest.mark.django_db
def test_an_approval_in_the_editor_shows_the_reason_beside_the_field(stories, moderator, django_user_model):
    story = stories["other"]
    writer = django_user_model.objects.create_user("schrijver", "s@example.org", "a-long-test-password")
    story.save_revision(user=writer)
    story.get_workflow().start(story, writer)
    data = {**story_form(story), "action-workflow-action": "true", "workflow-action-name": "approve"}
    answer = moderator.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)
    assert answer.status_code == 200 and "Handel eerst alles af onder" in answer.content.decode()
    story.refresh_from_db()
    assert not story.live and story.current_workflow_state.status == "in_progress"


@pytest.mark.django_db
def test_the_overview_costs_the_same_queries_however_many_stories_it_lists(stories, page_queries):
    from learning.factories import StoryPageFactory

    client = Client()
    StoryPageFactory(parent=stories["samen"], title="Eerste")
    one = page_queries(client, stories["samen"].url)
    for number in range(5):
        StoryPageFactory(parent=stories["samen"], title=f"Nog een {number}")
    assert len(page_queries(client, stories["samen"].url)) == len(one)
    assert "Nog een 4" in client.get(stories["samen"].url).content.decode()
