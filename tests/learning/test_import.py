"""``import_proposals``: stories and proposals with their follow-ups so far, all or nothing, every
problem named by record and field, and a second import that changes nothing."""

import copy
import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from events.factories import EventIndexPageFactory, EventPageFactory
from learning.models import ActionUpdate, FollowUp, ProposalPage, StoryPage

STORY = {
    "slug": "lang-wachten",
    "werkplaats": "groningen",
    "title": "Lang wachten",
    "teller": "ouder",
    "age_band": "12-17",
    "municipality": "Den Haag",
    "story": "We wachtten maanden op een gesprek. Niemand belde ons terug, en school wist van niets.",
    "source": "bijeenkomst",
    "consent_until": "2035-01-01",
}
PROPOSAL = {
    "slug": "een-aanspreekpunt",
    "werkplaats": "groningen",
    "title": "Eén aanspreekpunt",
    "meeting": "leren-van-ervaringen",
    "stories": ["lang-wachten"],
    "municipalities": ["Westerkwartier", "Den Haag"],
    "problem": "Ouders vertellen hun verhaal steeds opnieuw.",
    "proposal": "Elk gezin krijgt één vast aanspreekpunt.",
    "practice": "aanpak-a",
    "adoption": "overnemen",
    "actions": [
        {
            "what": "Een overleg met de huisartsen beleggen.",
            "owner": {"role": "wethouder jeugd", "organisation": "Gemeente", "email": "wethouder@example.org"},
            "follow_up": {
                "asked": "2020-04-13",
                "answers": [{"date": "2020-04-20", "status": "klaar", "text": "Het overleg was er.", "accepted": True}],
            },
        },
        {
            "what": "Verhalen ophalen in het jongerencentrum.",
            "owner": {"role": "beleidsmedewerker", "email": "beleid@example.org"},
            "follow_up": {"asked": "2020-04-13", "reminded": "2020-04-27", "no_answer": "2020-05-11"},
        },
    ],
}


@pytest.fixture
def meeting(site_tree, practice_db):
    calendar = EventIndexPageFactory(parent=site_tree["groningen"])
    return EventPageFactory(parent=calendar, title="Leren van Ervaringen", slug="leren-van-ervaringen", days=-300)


def run(tmp_path, stories=(), proposals=(), **options):
    path = tmp_path / "leren.json"
    path.write_text(json.dumps({"stories": list(stories), "proposals": list(proposals)}), encoding="utf-8")
    call_command("import_proposals", str(path), language="en", **options)


def errors_of(tmp_path, capsys, stories=(), proposals=()):
    with pytest.raises(CommandError, match="nothing was imported"):
        run(tmp_path, stories, proposals)
    return capsys.readouterr().err.splitlines()


@pytest.mark.django_db
def test_a_good_file_imports_with_its_follow_ups_and_a_second_import_changes_nothing(meeting, tmp_path):
    run(tmp_path, [STORY], [PROPOSAL])
    proposal = ProposalPage.objects.get(slug="een-aanspreekpunt")
    assert proposal.live and proposal.made_on == meeting.start.date() and proposal.practice.slug == "aanpak-a"
    assert [story.slug for story in proposal.stories.all()] == ["lang-wachten"]
    assert sorted(place.name for place in proposal.municipalities.all()) == ["'s-Gravenhage", "Westerkwartier"]
    done, silent = (
        FollowUp.objects.get(owner_email=email) for email in ("wethouder@example.org", "beleid@example.org")
    )
    assert done.status == "klaar" and done.answered_in_time and done.asked_at.date() == datetime.date(2020, 4, 13)
    assert silent.status == "geen-antwoord" and silent.answered_at is None
    assert StoryPage.objects.get(slug="lang-wachten").live
    revisions, updates = proposal.revisions.count(), ActionUpdate.objects.count()
    keys = set(FollowUp.objects.values_list("action_key", flat=True))
    run(tmp_path, [STORY], [PROPOSAL])
    assert proposal.revisions.count() == revisions and ActionUpdate.objects.count() == updates == 1
    assert set(FollowUp.objects.values_list("action_key", flat=True)) == keys  # the same actions, not new ones
    changed = copy.deepcopy(PROPOSAL)
    changed["actions"][1]["what"] = "Verhalen ophalen in twee jongerencentra."
    run(tmp_path, [STORY], [changed])
    assert set(FollowUp.objects.values_list("action_key", flat=True)) == keys


@pytest.mark.django_db
def test_every_bad_record_is_named_by_record_and_field_and_nothing_is_written(meeting, tmp_path, capsys):
    bad_story = {**STORY, "slug": "b", "teller": "kat", "municipality": "Nergenshuizen", "consent_until": "morgen"}
    named = {**STORY, "slug": "c", "story": "Mijn dochter Sanne wachtte een jaar. Bel 06-12345678 als je wilt."}
    bad = copy.deepcopy(PROPOSAL)
    bad.update(slug="x", meeting="geen", stories=["onbekend"], practice="geen", adoption="stelen")
    bad["actions"][0]["owner"]["email"] = "geen adres"
    bad["actions"][0]["follow_up"]["answers"][0].update(status="gestopt", date="20-04-2020")
    bad["actions"][1]["owner"] = {"name": "Iemand", "name_public": "ja"}
    lines = errors_of(tmp_path, capsys, [STORY, bad_story, named], [bad])
    expected = [
        "stories: record 2 (b), teller: 'kat' is none of: jongere, ouder, professional, anders",
        "stories: record 2 (b), municipality: unknown municipality 'Nergenshuizen' (did you mean: Enkhuizen?)",
        "stories: record 2 (b), consent_until: 'morgen' is not a date (YYYY-MM-DD)",
        "stories: record 3 (c), story: looks like personal data: voornaam:Sanne (edit it, or confirm it in "
        "confirmed_flags)",
        "stories: record 3 (c), story: looks like personal data: telefoon:06-12345678 (edit it, or confirm it in "
        "confirmed_flags)",
        "proposals: record 1 (x), meeting: no event with slug 'geen' in this language",
        "proposals: record 1 (x), practice: no practice with slug 'geen' in this language",
        "proposals: record 1 (x), adoption: 'stelen' is none of: overnemen, aanpassen, nieuw",
        "proposals: record 1 (x), stories: no story with slug 'onbekend' in this language",
        "proposals: record 1 (x), actions[0].owner.email: Enter a valid email address.",
        "proposals: record 1 (x), actions[0].follow_up.answers[0].why_stopped: say why it stopped",
        "proposals: record 1 (x), actions[0].follow_up.answers[0].date: '20-04-2020' is not a date (YYYY-MM-DD)",
        "proposals: record 1 (x), actions[1].owner.name_public: 'ja' is not true or false",
        "proposals: record 1 (x), actions[1].owner.role: This field cannot be blank.",
    ]
    for line in expected:
        assert line in lines, (line, lines)
    assert sum("made_on" in line for line in lines) == 1  # the unknown meeting leaves no day: said once
    assert not StoryPage.objects.exists() and not ProposalPage.objects.exists()  # the good story waits too


@pytest.mark.django_db
def test_a_file_that_is_not_an_object_of_lists_is_refused(meeting, tmp_path):
    path = tmp_path / "leren.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(CommandError, match="stories"):
        call_command("import_proposals", str(path), language="en")


@pytest.mark.django_db
def test_a_story_names_its_jeugdregio_by_code(meeting, tmp_path, capsys):
    lines = errors_of(tmp_path, capsys, [{**STORY, "municipality": None, "jeugdregio": "JZ99"}])
    assert lines[0] == "stories: record 1 (lang-wachten), jeugdregio: no jeugdregio with code 'JZ99'"
    run(tmp_path, [{**STORY, "municipality": None, "jeugdregio": "JZ01"}])
    assert StoryPage.objects.get().youth_region.name == "Groningen"
