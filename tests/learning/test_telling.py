""" "Deel je ervaring" without an account, and what the teller's own link lets them do."""

import datetime
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone

from learning import telling
from learning.models import StoryPage
from outbox.models import OutgoingMail

STORY = (
    "We wachtten negen maanden op hulp voor onze zoon. Niemand belde terug, en elke keer moesten we "
    "ons verhaal opnieuw vertellen. Wat had geholpen: één vast aanspreekpunt."
)


def share_url(index):
    return index.url + index.reverse_subpage("share")


def sent(**changes):
    data = {
        "teller": "ouder",
        "age_band": "12-17",
        "place": "Den Haag",
        "title": "Negen maanden wachten",
        "story": STORY,
        "publication": "zonder-naam",
        "keep_years": "2",
        "email": "ouder@example.org",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.django_db
def test_a_story_sent_without_an_account_arrives_as_a_draft_with_a_link_for_its_teller(stories):
    index, client = stories["samen"], Client()
    assert client.get(share_url(index)).status_code == 200
    before = StoryPage.objects.count()
    answer = client.post(share_url(index), sent())
    assert answer.status_code == 200 and "Bedankt voor je verhaal" in answer.content.decode()
    story = StoryPage.objects.exclude(pk__in=[stories["draft"].pk, stories["other"].pk]).get()
    assert StoryPage.objects.count() == before + 1
    assert not story.live and story.get_parent().pk == index.pk and story.get_latest_revision() is not None
    assert story.municipality.name == "'s-Gravenhage" and story.source == "website"
    assert story.consent_until == telling.years_after(timezone.localdate(), 2)
    mail = OutgoingMail.objects.get(to="ouder@example.org")
    link = next(line for line in mail.body.splitlines() if "/mijn-verhaal/" in line).strip()
    own = client.get(urlsplit(link).path)
    assert own.status_code == 200 and "Negen maanden wachten" in own.content.decode()
    assert {"no-store", "private"} <= {part.strip() for part in own["Cache-Control"].split(",")}


@pytest.mark.django_db
def test_bad_input_is_told_and_keeps_nothing(stories):
    index, client = stories["samen"], Client()
    before = StoryPage.objects.count()
    bad = client.post(
        share_url(index), sent(story="Te kort.", consent=None, place="Atlantis", publication="met-voornaam")
    )
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "Vul je voornaam in" in html and "Atlantis" in html and "consent" in html
    assert client.post(share_url(index), sent(website="https://spam.example")).status_code == 200  # a bot
    assert StoryPage.objects.count() == before and not OutgoingMail.objects.exists()


@pytest.mark.django_db
def test_the_form_is_rate_limited(stories, settings):
    settings.STORY_RATE_LIMIT = 2
    index, client = stories["samen"], Client()
    codes = [client.post(share_url(index), sent(title=f"Verhaal {n}")).status_code for n in range(3)]
    assert codes == [200, 200, 429]


def link_path(story):
    index = story.get_parent().specific
    return index.url + index.reverse_subpage("teller", args=[telling.teller_token(story)])


@pytest.mark.django_db
def test_the_teller_asks_for_a_change_and_the_editors_hear_of_it(stories, site_tree, editor_client):
    samen = site_tree["samen"]
    samen.refresh_from_db()
    editor_client(samen.editor_group, "redactie-samen")  # an editor of the werkplaats, with an address
    story = telling.receive(stories["samen"], {**sent(keep_years=2), "keep_years": 2, "first_name": ""})
    OutgoingMail.objects.all().delete()
    client = Client()
    assert client.post(link_path(story), {"action": "change", "message": ""}).status_code == 400
    answer = client.post(link_path(story), {"action": "change", "message": "Haal <script>alert(1)</script> weg."})
    assert "De werkplaats heeft je vraag" in answer.content.decode()
    assert answer.status_code == 200 and "<script>alert" not in answer.content.decode()
    mails = OutgoingMail.objects.all()
    assert "redactie-samen@example.org" in {mail.to for mail in mails}
    assert all(
        "Haal <script>alert(1)</script> weg." in mail.body and "ouder@example.org" not in mail.body for mail in mails
    )


@pytest.mark.django_db
def test_withdrawing_takes_the_story_offline_and_erases_the_teller(stories, django_capture_on_commit_callbacks):
    kept = telling.receive(stories["samen"], {**sent(), "keep_years": 2, "keep_text": True, "first_name": "Sanne"})
    kept.confirmed_flags = ["voornaam:Sanne"]
    kept.save_revision().publish()
    client = Client()
    done = client.post(link_path(kept), {"action": "withdraw"})
    assert done.status_code == 200 and "bewaart de werkplaats de tekst" in done.content.decode()
    kept = StoryPage.objects.get(pk=kept.pk)
    assert not kept.live and (kept.teller_name, kept.teller_email) == ("", "")
    assert all("ouder@example.org" not in str(revision.content) for revision in kept.revisions.all())
    assert STORY in kept.story

    erased = telling.receive(stories["samen"], {**sent(), "keep_years": 2, "first_name": ""})
    path = link_path(erased)
    client.post(path, {"action": "withdraw"})
    assert not StoryPage.objects.filter(pk=erased.pk).exists()
    assert client.get(path).status_code == 400  # the link ends with the story


@pytest.mark.django_db
def test_a_tampered_or_expired_link_shows_a_clear_page_and_changes_nothing(stories):
    story = telling.receive(stories["samen"], {**sent(), "keep_years": 1, "first_name": ""})
    client = Client()
    index = stories["samen"]
    tampered = index.url + index.reverse_subpage("teller", args=[telling.teller_token(story)[:-3] + "abc"])
    for path in (tampered, index.url + index.reverse_subpage("teller", args=["x" * 300])):
        answer = client.post(path, {"action": "withdraw"})
        assert answer.status_code == 400 and "Er is niets veranderd" in answer.content.decode()
    StoryPage.objects.filter(pk=story.pk).update(consent_until=timezone.localdate() - datetime.timedelta(days=1))
    assert client.post(link_path(story), {"action": "withdraw"}).status_code == 400
    assert StoryPage.objects.filter(pk=story.pk).exists()
