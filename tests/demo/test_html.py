"""Every page type of the demo is valid HTML by the Nu HTML checker (vnu.jar, installed by `make test`)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from events.models import EventPage
from newsletters.models import NewsletterPage
from practices.models import PracticePage

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = pytest.mark.skipif(
    not (VNU.exists() and shutil.which("java")), reason="the Nu HTML checker is not installed (make test installs it)"
)


def page_types():
    """One URL of every kind of public page, in Dutch and a few in English, with forms in error."""
    event = EventPage.objects.live().filter(locale__language_code="nl", registration_enabled=True).first()
    practice = PracticePage.objects.live().filter(locale__language_code="nl").order_by("pk").first()
    issue = NewsletterPage.objects.live().filter(mailing__started_at__isnull=False).first()
    ids = PracticePage.objects.live().filter(locale=practice.locale).values_list("pk", flat=True)[:3]
    return {
        "home": "/",
        "werkplaatsen": "/werkplaatsen/",
        "werkplaats": practice.werkplaats.url,
        "practice overview": "/praktijkvoorbeelden/?thema=informele-steun&gemeente=leiden",
        "practice": practice.url + "?gemeente=groningen",
        "comparison": "/praktijkvoorbeelden/vergelijk/?" + "&".join(f"p={pk}" for pk in ids),
        "article overview": "/nieuws/",
        "article": "/werkplaatsen/samen/nieuws/terugblik-symposium-informele-steun/",
        "calendar": "/agenda/",
        "past events": "/agenda/afgelopen/",
        "event": event.url,
        "registration": event.url + "aanmelden/",
        "newsletters": "/nieuwsbrieven/",
        "archive": "/nieuwsbrieven/archief/",
        "issue": issue.url,
        "search": "/zoeken/?q=jongeren",
        "municipalities": "/gemeenten/",
        "municipality": "/gemeenten/leiden/",
        "municipality with ambitions": "/gemeenten/groningen/",
        "ambitions": "/ambities/?status=op-koers",
        "ambition": "/werkplaatsen/samen/ambities/informele-steun-in-elk-traject/",
        "ambition without a baseline": "/werkplaatsen/groningen/ambities/kans-op-een-goede-ontwikkeling/",
        "opportunities log": "/werkplaatsen/groningen/kansenlog/?volgorde=score",
        "national log": "/kansenlog/",
        "opportunity form": "/werkplaatsen/groningen/kansenlog/kans-indienen/",
        "opportunity": "/werkplaatsen/groningen/kansenlog/maatwerk-voor-dakloze-jongeren/",
        "projects": "/projecten/",
        "project": "/werkplaatsen/groningen/projecten/doorbraakprojecten-dakloze-jongeren-2020/",
        "reports": "/jaarverslagen/",
        "report": "/werkplaatsen/groningen/jaarverslagen/jaarverslag-2020/",
        "report figure": "/werkplaatsen/groningen/jaarverslagen/jaarverslag-2020/cijfers/actions/",
        "privacy": "/privacy/",
        "English home": "/en/",
        "English calendar": "/en/events/",
        "not found": "/bestaat-niet/",
    }


def learning_pages(client):
    """The learning loop's pages on the demo's: stories, the share form, a teller's and an owner's
    page (with a form in error each), the proposal overview and a proposal, and the pages that show
    proposals elsewhere (the practice they adopt, the meeting, the municipality)."""
    from core.models import WerkplaatsPage
    from learning import follow_up, telling
    from learning.factories import StoryPageFactory
    from learning.models import FollowUp, ProposalPage, StoryIndexPage

    samen = WerkplaatsPage.objects.get(locale__language_code="nl", slug="samen")
    index = StoryIndexPage.objects.child_of(samen).get()
    story = StoryPageFactory(parent=index, title="Eindelijk gehoord", teller="jongere")
    story.teller_email = "verteller@example.org"
    story.save()
    share = index.url + index.reverse_subpage("share")
    proposal = ProposalPage.objects.get(slug="samenwerken-op-recept-westerkwartier")
    overview = proposal.get_parent().specific
    owner = overview.url + overview.reverse_subpage("owner", args=[follow_up.owner_token(FollowUp.objects.first())])
    pages = {}
    for name, url in {
        "stories": index.url,
        "story": story.url,
        "share form": share,
        "teller page": index.url + index.reverse_subpage("teller", args=[telling.teller_token(story)]),
        "proposals": "/verbetervoorstellen/?status=klaar",
        "proposal": proposal.url,
        "owner page": owner,
        "adopted practice": proposal.practice.url,
        "meeting": proposal.meeting.url,
        "municipality with proposals": "/gemeenten/westerkwartier/",
    }.items():
        response = client.get(url)
        pages[name] = (url, response.status_code, response.content)
    errors = client.post(share, {"story": "Kort.", "teller": "ouder"})
    pages["share form errors"] = (share, errors.status_code, errors.content)
    answer = client.post(owner, {"action": "answer", "status": "gestopt", "key": "x"})
    pages["owner form errors"] = (owner, answer.status_code, answer.content)
    return pages


@pytest.mark.django_db
def test_every_page_type_is_valid_html(tmp_path):
    client = Client()
    files = {}  # file name: what it is
    for name, url in page_types().items():
        response = client.get(url)
        assert response.status_code == (404 if name == "not found" else 200), (name, url, response.status_code)
        files[name.replace(" ", "-") + ".html"] = (f"{name} ({url})", response.content)
    posted = client.post("/nieuwsbrieven/", {"email": "geen adres"})
    assert posted.status_code == 400 and b"form-error" in posted.content
    files["form-errors.html"] = ("the subscription form with its errors", posted.content)
    for name, (url, status, content) in learning_pages(client).items():
        assert status in (200, 400), (name, url, status)
        files[name.replace(" ", "-") + ".html"] = (f"{name} ({url})", content)
    for file_name, (_what, content) in files.items():
        (tmp_path / file_name).write_bytes(content)
    result = subprocess.run(  # noqa: S603 (our own files, our own checker)
        [
            shutil.which("java"),
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            *map(str, sorted(tmp_path.iterdir())),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # vnu reports on stderr as JSON, exiting 0 when clean and 1 when it found errors: anything else
    # (no output, a crash) fails here rather than passing with nothing checked.
    assert result.returncode in (0, 1), result.stderr
    messages = json.loads(result.stderr)["messages"]
    errors = [
        f"{files[message['url'].rsplit('/', 1)[-1]][0]}: line {message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors)
    assert len(files) == 48 and result.returncode == 0
