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
        "privacy": "/privacy/",
        "English home": "/en/",
        "English calendar": "/en/events/",
        "not found": "/bestaat-niet/",
    }


@pytest.mark.django_db
def test_every_page_type_is_valid_html(tmp_path):
    client = Client()
    files = {}
    for name, url in page_types().items():
        response = client.get(url)
        assert response.status_code in (200, 404), (name, url, response.status_code)
        path = tmp_path / (name.replace(" ", "-") + ".html")
        path.write_bytes(response.content)
        files[path.as_uri()] = f"{name} ({url})"
    posted = client.post("/nieuwsbrieven/", {"email": "geen adres"})  # a form with its errors
    (tmp_path / "form-errors.html").write_bytes(posted.content)
    files[(tmp_path / "form-errors.html").as_uri()] = "subscription form with errors"
    java = shutil.which("java")
    result = subprocess.run(  # noqa: S603 (our own files, our own checker)
        [
            java,
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            *[str(tmp_path / Path(uri).name) for uri in files],
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{files.get(message.get('url'), message.get('url'))}: line {message.get('lastLine')}: {message['message']}"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]
    assert errors == [], "\n".join(errors)
    assert len(files) == 23
