"""The follow-up asks by itself: once per owner, a reminder, then "no answer"; the owner's link
answers, hands over and stops; a moderator's acceptance puts the answer on the timeline."""

import datetime
import uuid
from urllib.parse import urlsplit

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from learning import follow_up
from learning.factories import ProposalPageFactory, owner
from learning.models import ActionUpdate, FollowUp, ProposalPage
from outbox.models import OutgoingMail
from outbox.signals import address_bounced


def questions(to=None):
    mails = OutgoingMail.objects.filter(once=True)
    return list(mails.filter(to=to) if to else mails)


def link_in(mail):
    return urlsplit(next(line for line in mail.body.splitlines() if "/opvolging/" in line).strip()).path


@pytest.mark.django_db
def test_publishing_starts_one_follow_up_per_action_two_months_after_the_meeting(proposals):
    proposal = proposals["proposal"]
    first, second = FollowUp.objects.order_by("owner_email")
    assert [first.owner_email, second.owner_email] == ["eigenaar1@example.org", "eigenaar2@example.org"]
    assert first.due_on == proposal.made_on + relativedelta(months=2)
    assert first.status == "aangekondigd" and first.asked_at is None
    proposal.save_revision().publish()  # publishing again starts nothing new
    assert FollowUp.objects.count() == 2


@pytest.mark.django_db
def test_each_owner_is_asked_once_reminded_once_and_then_shown_without_an_answer(proposals):
    now = timezone.now()
    assert follow_up.run(now=now) == {"asked": 2, "reminded": 0, "silent": 0}
    assert follow_up.run(now=now) == {"asked": 0, "reminded": 0, "silent": 0}  # asked once
    assert sorted(mail.to for mail in questions()) == ["eigenaar1@example.org", "eigenaar2@example.org"]
    link = link_in(questions("eigenaar1@example.org")[0])
    client = Client()
    page = client.get(link)
    assert page.status_code == 200 and "Eén aanspreekpunt" in page.content.decode()
    key = str(uuid.uuid4())
    answer = {"action": "answer", "status": "gestart", "text": "We zijn begonnen met twee gezinnen.", "key": key}
    assert client.post(link, answer).status_code == 200
    assert client.post(link, answer).status_code == 200  # sent twice: stored once
    assert ActionUpdate.objects.count() == 1

    later = now + datetime.timedelta(days=15)
    assert follow_up.run(now=later) == {"asked": 0, "reminded": 1, "silent": 0}  # only the one who did not answer
    [reminder] = [mail for mail in questions("eigenaar2@example.org") if "Herinnering" in mail.subject]
    assert follow_up.run(now=later + datetime.timedelta(days=15)) == {"asked": 0, "reminded": 0, "silent": 1}
    silent = FollowUp.objects.get(owner_email="eigenaar2@example.org")
    assert silent.status == "geen-antwoord" and reminder.once
    assert len(questions()) == 3


@pytest.mark.django_db
def test_a_moderator_accepts_the_answer_and_it_shows_on_the_timeline(proposals, editor_client):
    follow_up.run()
    found = FollowUp.objects.get(owner_email="eigenaar1@example.org")
    text = "Elk gezin heeft nu één <script>x</script> contact."
    follow_up.answer(found, {"status": "klaar", "text": text}, uuid.uuid4())
    page_url = proposals["proposal"].url
    assert "Elk gezin heeft" not in Client().get(page_url).content.decode()  # not before it is accepted

    groningen = proposals["groningen"].get_parent().specific
    editor = editor_client(groningen.editor_group, "redactie-groningen", language="nl")
    report = editor.get("/admin/opvolging/")
    assert report.status_code == 200 and "Elk gezin heeft" in report.content.decode()
    update = ActionUpdate.objects.get()
    editor.post(f"/admin/opvolging/{update.pk}/accepteren/")  # editors do not accept
    assert ActionUpdate.objects.get().accepted_at is None
    moderator = editor_client(Group.objects.get(name="Moderators"), "landelijk", language="nl")
    assert moderator.post(f"/admin/opvolging/{update.pk}/accepteren/").status_code == 302
    html = Client().get(page_url).content.decode()
    assert "Elk gezin heeft nu één &lt;script&gt;x&lt;/script&gt; contact." in html and "<script>x" not in html
    assert "Klaar" in html and FollowUp.objects.get(pk=found.pk).status == "klaar"
    assert "eigenaar1@example.org" not in html and "Eigenaar 1" not in html  # no address, no name without consent


@pytest.mark.django_db
def test_another_werkplaats_never_sees_the_owners(proposals, editor_client):
    follow_up.run()
    samen = proposals["samen"].get_parent().specific
    editor = editor_client(samen.editor_group, "redactie-samen", language="nl")
    report = editor.get("/admin/opvolging/").content.decode()
    assert "eigenaar1@example.org" not in report and "Eén aanspreekpunt" not in report
    follow_up.answer(FollowUp.objects.first(), {"status": "gestart", "text": "Begonnen."}, uuid.uuid4())
    assert "Begonnen." not in editor.get("/admin/opvolging/").content.decode()
    editor.post(f"/admin/opvolging/{ActionUpdate.objects.get().pk}/afwijzen/")
    assert ActionUpdate.objects.get().declined_at is None


@pytest.mark.django_db
def test_a_hand_over_gives_the_colleague_a_link_and_stops_the_old_one(proposals):
    follow_up.run()
    old_link = link_in(questions("eigenaar1@example.org")[0])
    client = Client()
    colleague = {
        "action": "hand-over",
        "name": "Collega",
        "role": "teamleider sociaal team",
        "email": "collega@example.org",
    }
    assert "Collega" in client.post(old_link, colleague).content.decode()
    [handed] = questions("collega@example.org")
    new_link = link_in(handed)
    stale = client.get(old_link)
    assert stale.status_code == 400 and "werkt niet" in stale.content.decode()
    assert client.get(new_link).status_code == 200
    html = Client().get(proposals["proposal"].url).content.decode()
    assert "teamleider sociaal team" in html and "Collega" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("tamper", ["", "x", "abc.def", "%00", "A" * 400])
def test_a_tampered_link_shows_a_clear_page_and_changes_nothing(proposals, tamper):
    follow_up.run()
    link = link_in(questions("eigenaar1@example.org")[0])
    broken = link.rstrip("/")[:-3] + tamper + "/"
    answer = Client().post(broken, {"action": "answer", "status": "klaar", "text": "x", "key": str(uuid.uuid4())})
    assert answer.status_code in (400, 404)
    assert not ActionUpdate.objects.exists()


@pytest.mark.django_db
def test_an_answer_that_stopped_must_say_why_and_a_lasting_practice_needs_a_place(proposals):
    follow_up.run()
    link = link_in(questions("eigenaar1@example.org")[0])
    client = Client()
    form = {"action": "answer", "status": "gestopt", "text": "Het lukte niet.", "key": str(uuid.uuid4())}
    stopped = client.post(link, form)
    assert stopped.status_code == 400 and "Vertel waarom het stopte" in stopped.content.decode()
    lasting = client.post(link, {**form, "status": "klaar", "lasting": "on", "place": "Nergenshuizen"})
    assert lasting.status_code == 400
    assert not ActionUpdate.objects.exists()


@pytest.mark.django_db
def test_an_owner_whose_address_bounces_is_reported_to_the_editors(proposals, editor_client):
    groningen = proposals["groningen"].get_parent().specific
    editor_client(groningen.editor_group, "redactie-groningen")
    editor_client(proposals["samen"].get_parent().specific.editor_group, "redactie-samen")
    follow_up.run()
    OutgoingMail.objects.all().delete()
    address_bounced.send(sender=OutgoingMail, address="Eigenaar2@example.org", detail="550 no such user")
    bounced = FollowUp.objects.get(owner_email="eigenaar2@example.org")
    assert bounced.bounced_at is not None and "550" in bounced.bounce_detail
    [report] = OutgoingMail.objects.all()
    assert report.to == "redactie-groningen@example.org" and "550 no such user" in report.body
    assert follow_up.run()["reminded"] == 0  # nobody writes to the bounced address again


@pytest.mark.django_db
def test_an_editor_who_names_another_owner_has_the_new_one_asked(proposals):
    follow_up.run()
    proposal = proposals["proposal"]
    draft = proposal.get_latest_revision_as_object()
    first = draft.actions.all()[0]
    first.owner_email = "nieuw@example.org"
    draft.save_revision().publish()
    moved = FollowUp.objects.get(action_key=first.translation_key)
    assert moved.owner_email == "nieuw@example.org" and moved.asked_at is None and moved.generation == 2
    assert follow_up.run()["asked"] == 1
    assert len(questions("nieuw@example.org")) == 1


@pytest.mark.django_db
def test_an_unpublished_proposal_asks_nobody(proposals):
    ProposalPageFactory(parent=proposals["samen"], title="Concept", live=False, actions=[owner(3)])
    assert follow_up.run()["asked"] == 2
    assert not questions("eigenaar3@example.org")


@pytest.mark.django_db
def test_an_action_with_its_own_date_is_asked_on_that_date(proposals):
    later = timezone.localdate() + datetime.timedelta(days=5)
    ProposalPageFactory(parent=proposals["samen"], title="Eigen datum", actions=[owner(4, follow_up_on=later)])
    assert FollowUp.objects.get(owner_email="eigenaar4@example.org").due_on == later
    assert follow_up.run()["asked"] == 2  # the two due ones, not this one
    assert follow_up.run(now=timezone.now() + datetime.timedelta(days=6))["asked"] == 1


@pytest.mark.django_db
def test_an_adopted_practice_becomes_a_draft_implementation_and_then_teaches_the_fit_check(
    proposals, practice_db, editor_client
):
    follow_up.run()
    practice = practice_db["a"]
    link = link_in(questions("eigenaar1@example.org")[0])
    answer = {
        "action": "answer",
        "status": "klaar",
        "text": "Het is nu vast werk in de wijkteams.",
        "lasting": "on",
        "practice": practice.pk,
        "place": "Westerkwartier",
        "key": str(uuid.uuid4()),
    }
    assert Client().post(link, answer).status_code == 200
    used_here = "Al gebruikt in Westerkwartier"
    assert used_here not in Client().get(practice.url, {"gemeente": "Westerkwartier"}).content.decode()

    moderator = editor_client(Group.objects.get(name="Moderators"), "landelijk", language="nl")
    moderator.post(f"/admin/opvolging/{ActionUpdate.objects.get().pk}/accepteren/")
    practice.refresh_from_db()
    assert practice.has_unpublished_changes  # a draft for the practice's editors to confirm
    assert used_here not in Client().get(practice.url, {"gemeente": "Westerkwartier"}).content.decode()
    draft = practice.get_latest_revision_as_object()
    added = [i for i in draft.implementations.all() if "Westerkwartier" in {m.name for m in i.municipalities.all()}]
    assert len(added) == 1 and "Eén aanspreekpunt" in added[0].adaptations

    practice.get_latest_revision().publish()  # confirmed
    assert used_here in Client().get(practice.url, {"gemeente": "Westerkwartier"}).content.decode()


@pytest.mark.django_db
def test_a_year_after_the_follow_up_the_owners_name_and_address_are_erased_everywhere(proposals, settings):
    settings.FOLLOW_UP_RETENTION_MONTHS = 12
    follow_up.run()
    proposal = proposals["proposal"]
    draft = proposal.get_latest_revision_as_object()
    draft.title = "Eén aanspreekpunt, bijgewerkt"
    draft.save_revision().publish()  # a second revision that holds the owners too
    due = FollowUp.objects.order_by("due_on").first().due_on
    assert follow_up.erase_owners(today=due + relativedelta(months=12)) == 0  # not yet
    assert follow_up.erase_owners(today=due + relativedelta(months=12, days=1)) == 2
    assert not FollowUp.objects.exclude(owner_email="").exists() and not FollowUp.objects.exclude(owner_name="")
    proposal = ProposalPage.objects.get(pk=proposal.pk)
    assert [(a.owner_name, a.owner_email, a.owner_role) for a in proposal.actions.all()] == [
        ("", "", "wethouder jeugd")
    ] * 2
    for revision in proposal.revisions.all():
        assert "eigenaar1@example.org" not in str(revision.content) and "Eigenaar 1" not in str(revision.content)
    assert not OutgoingMail.objects.filter(to__startswith="eigenaar").exists()  # nothing waits for them
    assert "wethouder jeugd, Gemeente 1" in Client().get(proposal.url).content.decode()  # the role stays
    assert follow_up.run()["asked"] == 0 and follow_up.erase_owners(today=due + relativedelta(years=2)) == 0


@pytest.mark.django_db
def test_the_english_page_shares_the_follow_up_of_the_dutch_one(proposals):
    from wagtail.models import Locale

    follow_up.run()
    dutch = proposals["proposal"]
    english = dutch.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "One point of contact"
    english.save_revision().publish()
    assert FollowUp.objects.count() == 2  # the translation's actions are the same actions
    assert follow_up.run()["asked"] == 0 and len(questions()) == 2  # nobody is asked twice
    found = FollowUp.objects.get(owner_email="eigenaar1@example.org")
    follow_up.accept(follow_up.answer(found, {"status": "klaar", "text": "Gedaan."}, uuid.uuid4())[0], None)
    html = Client().get(english.url).content.decode()
    assert "Gedaan." in html and "Done" in html  # the answer, and its status in English


@pytest.mark.django_db
def test_script_in_an_action_arrives_as_plain_text_in_the_question(proposals):
    ProposalPageFactory(
        parent=proposals["samen"], title="Script", actions=[owner(9, what="<script>alert(1)</script> bellen")]
    )
    follow_up.run()
    [question] = questions("eigenaar9@example.org")
    assert "<script>alert(1)</script> bellen" in question.body and question.alternatives == []
