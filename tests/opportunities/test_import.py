"""``manage.py import_opportunities``: criteria, opportunities with scores and choices, and
projects, all checked before anything is written; the same file twice changes nothing."""

import json

import pytest
from django.core.management import CommandError, call_command

from opportunities.choices import Stage
from opportunities.log import entries
from opportunities.models import Assessment, OpportunityPage, ProjectPage

pytestmark = pytest.mark.django_db

FILE = {
    "criteria": [{"werkplaats": "groningen", "criteria": [{"name": "Bereik", "weight": 3}, {"name": "Haalbaarheid"}]}],
    "opportunities": [
        {
            "slug": "buddy",
            "werkplaats": "groningen",
            "title": "Een buddy",
            "description": "Een student voor elke thuiszitter.",
            "municipalities": ["Groningen"],
            "received": "2020-01-20",
            "estimated_cost": 20000,
            "scores": [{"criterion": "Bereik", "score": 4}, {"criterion": "Haalbaarheid", "score": 2}],
            "chosen": "2020-03-01",
        }
    ],
    "projects": [
        {
            "slug": "buddy-project",
            "werkplaats": "groningen",
            "title": "Buddyproject",
            "opportunity": "buddy",
            "description": "Twintig buddy's.",
            "budget_granted": 15000,
            "starts_on": "2020-04-01",
            "lead_organisation": "Hanzehogeschool",
            "status": "loopt",
            "updates": [{"date": "2020-10-01", "text": "Tien koppels."}],
        }
    ],
}


def write(tmp_path, data):
    path = tmp_path / "kansen.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_a_file_is_imported_once(tmp_path, site_tree, capsys):
    path = write(tmp_path, FILE)
    call_command("import_opportunities", path, language="en")
    opportunity = OpportunityPage.objects.get(slug="buddy")
    project = ProjectPage.objects.get(slug="buddy-project")
    assert opportunity.live and project.live and project.opportunity_id == opportunity.pk
    (entry,) = entries([opportunity])
    assert entry.stage == Stage.FUNDED and entry.score == pytest.approx((3 * 4 + 2) / 4)
    assert [update.text for update in project.updates.all()] == ["Tien koppels."]
    capsys.readouterr()
    call_command("import_opportunities", path, language="en")
    out = capsys.readouterr().out
    assert (
        "opportunities: 0 created, 0 updated, 1 unchanged" in out
        and "projects: 0 created, 0 updated, 1 unchanged" in out
    )
    assert Assessment.objects.count() == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("opportunities", "scores"), "opportunities: record 1 (buddy), scores[0].criterion: no criterion of this"),
        (("opportunities", "estimated_cost"), "opportunities: record 1 (buddy), estimated_cost: -5 is not a whole"),
        (("projects", "status"), "projects: record 1 (buddy-project), status: 'klaar' is none of"),
        (("projects", "opportunity"), "projects: record 1 (buddy-project), opportunity: no opportunity with slug"),
        (("projects", "starts_on"), "projects: record 1 (buddy-project), starts_on: “gisteren” is not a date"),
        (("criteria", "weight"), "criteria: record 1 (groningen), criteria[0].weight: a weight is a whole number"),
    ],
)
def test_a_bad_record_is_refused_naming_it_and_nothing_is_written(tmp_path, site_tree, capsys, change, message):
    data = json.loads(json.dumps(FILE))
    kind, field = change
    bad = {
        "scores": [{"criterion": "Schoonheid", "score": 3}],
        "estimated_cost": -5,
        "status": "klaar",
        "opportunity": "bestaat-niet",
        "starts_on": "gisteren",
    }
    if kind == "criteria":
        data["criteria"][0]["criteria"][0]["weight"] = 9
    else:
        data[kind][0][field] = bad[field]
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_opportunities", write(tmp_path, data), language="en")
    assert message in capsys.readouterr().err
    assert not OpportunityPage.objects.exists() and not ProjectPage.objects.exists()
