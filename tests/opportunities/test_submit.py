""" "Kans indienen" without an account, moderation, and the submitter told of every stage."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from opportunities import stages
from opportunities.choices import Stage
from opportunities.factories import ProjectPageFactory
from opportunities.models import OpportunityPage, Progress
from outbox.models import OutgoingMail

pytestmark = pytest.mark.django_db


def submit_url(index):
    return index.url + index.reverse_subpage("submit")


def sent(**changes):
    data = {
        "title": "Een buddy voor elke thuiszitter",
        "description": "Koppel elke leerling die thuis zit aan een student die wekelijks langskomt en meedenkt.",
        "for_whom": "Thuiszitters van 12 tot 18 jaar",
        "place": "Den Haag",
        "involved": "Scholen, de hogeschool",
        "estimated_cost": "25000",
        "name": "Fatima",
        "email": "fatima@example.org",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def link_in(mail):
    return urlsplit(next(line for line in mail.body.splitlines() if "/mijn-kans/" in line).strip()).path


def test_an_opportunity_arrives_as_a_draft_and_its_submitter_follows_it(log):
    client = Client()
    assert client.get(submit_url(log["groningen"])).status_code == 200
    answer = client.post(submit_url(log["groningen"]), sent())
    assert answer.status_code == 200
    opportunity = OpportunityPage.objects.get(title="Een buddy voor elke thuiszitter")
    assert not opportunity.live and opportunity.get_parent().pk == log["groningen"].pk
    assert [place.name for place in opportunity.municipalities.all()] == ["'s-Gravenhage"]
    assert opportunity.estimated_cost == 25000 and opportunity.submitter_email == "fatima@example.org"
    received = OutgoingMail.objects.get(to="fatima@example.org")
    own = client.get(link_in(received))
    assert own.status_code == 200 and "Een buddy voor elke thuiszitter" in own.content.decode()
    assert {"no-store", "private"} <= {part.strip() for part in own["Cache-Control"].split(",")}
    assert "fatima@example.org" not in client.get(log["groningen"].url).content.decode()

    def told():
        return [mail.subject for mail in OutgoingMail.objects.filter(to="fatima@example.org").order_by("pk")][1:]

    opportunity.save_revision().publish()
    assert told() == ["Je kans “Een buddy voor elke thuiszitter” staat in het kansenlog"]
    Progress.objects.filter(opportunity_key=opportunity.translation_key).update(chosen_on="2026-01-05")
    assert stages.tell(opportunity) == Stage.PRIORITISED
    project = ProjectPageFactory(parent=log["projects"], opportunity=opportunity, status="loopt")
    project.save_revision().publish()  # a second publish of the same stage tells nothing new
    project.status = "afgerond"
    project.save_revision().publish()
    assert len(told()) == 4 and "afgelopen" in told()[-1]
    assert stages.tell(opportunity) is None
    assert "fatima@example.org" not in client.get(opportunity.url).content.decode()
    assert "Fatima" not in client.get(opportunity.url).content.decode()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"description": "Te kort."}, "description"),
        ({"consent": None}, "consent"),
        ({"email": "geen adres"}, "email"),
        ({"estimated_cost": "-5"}, "estimated_cost"),
        ({"estimated_cost": "veel"}, "estimated_cost"),
        ({"place": "Atlantis"}, "place"),
        ({"title": "a\x00b"}, None),
    ],
)
def test_bad_input_is_told_and_keeps_nothing(log, changes, field):
    response = Client().post(submit_url(log["groningen"]), sent(**changes))
    assert response.status_code == 400
    if field:
        assert f'id="id_{field}-error"' in response.content.decode()
    assert not OpportunityPage.objects.filter(title__startswith="Een buddy").exists()
    assert not OutgoingMail.objects.exists()


def test_script_is_kept_as_text_and_shown_escaped(log):
    client = Client()
    client.post(submit_url(log["groningen"]), sent(title="<script>alert(1)</script>", email=""))
    opportunity = OpportunityPage.objects.get(title="<script>alert(1)</script>")
    opportunity.save_revision().publish()
    html = client.get(log["groningen"].url).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_bot_filling_the_hidden_field_leaves_nothing(log):
    response = Client().post(submit_url(log["groningen"]), sent(website="http://spam.example"))
    assert response.status_code == 200 and not OpportunityPage.objects.filter(title__startswith="Een buddy").exists()


def test_too_many_submissions_are_turned_away(log, settings):
    settings.OPPORTUNITY_RATE_LIMIT = 2
    client = Client()
    codes = [client.post(submit_url(log["groningen"]), sent(email="")).status_code for _attempt in range(3)]
    assert codes == [200, 200, 429]
    assert OpportunityPage.objects.filter(title__startswith="Een buddy").count() == 2


def test_a_tampered_or_foreign_link_shows_nothing(log):
    client = Client()
    index = log["groningen"]
    token = stages.submitter_token(log["first"])
    assert client.get(index.url + index.reverse_subpage("submitter", args=[token[:-3] + "abc"])).status_code == 400
    assert client.get(index.url + index.reverse_subpage("submitter", args=["x"])).status_code == 400


def test_who_submitted_is_erased_after_the_retention_period_from_every_version(log, settings):
    from datetime import timedelta

    from django.utils import timezone

    from opportunities.retention import erase_submitters

    Client().post(submit_url(log["groningen"]), sent())
    opportunity = OpportunityPage.objects.get(title="Een buddy voor elke thuiszitter")
    opportunity.save_revision().publish()
    assert erase_submitters() == 0
    later = timezone.now() + timedelta(days=31 * settings.OPPORTUNITY_RETENTION_MONTHS + 1)
    assert erase_submitters(now=later) == 1
    opportunity.refresh_from_db()
    assert (opportunity.submitter_name, opportunity.submitter_email) == ("", "")
    assert all(not revision.content.get("submitter_email") for revision in opportunity.revisions.all())
    assert all("Fatima" not in str(revision.content) for revision in opportunity.revisions.all())
    assert opportunity.live and erase_submitters(now=later) == 0
