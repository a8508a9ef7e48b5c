"""``manage.py import_reports``: the editors' parts and reported figures, checked before anything is
written; a published report freezes the figures the site counts."""

import json

import pytest
from django.core.management import CommandError, call_command

from reports.factories import ReportIndexPageFactory
from reports.models import AnnualReportPage

pytestmark = pytest.mark.django_db

RECORD = {
    "slug": "jaarverslag-2024",
    "werkplaats": "groningen",
    "title": "Jaarverslag 2024",
    "year": 2024,
    "foreword": "<p>Een jaar.</p><script>alert(1)</script><p onclick='x()'>Met <a href='javascript:x()'>link</a>.</p>",
    "challenges": "Eerste alinea.\n\nTweede alinea.",
    "reported": [{"label": "Gesprekken", "value": "1.000", "unit": "aantal", "source": "Programmateam"}],
}


def write(tmp_path, records):
    path = tmp_path / "verslagen.json"
    path.write_text(json.dumps({"reports": records}), encoding="utf-8")
    return str(path)


def test_a_report_is_imported_published_and_frozen_once(tmp_path, site_tree, capsys):
    ReportIndexPageFactory(parent=site_tree["home"])
    path = write(tmp_path, [RECORD])
    call_command("import_reports", path, language="en")
    report = AnnualReportPage.objects.get(slug="jaarverslag-2024")
    assert report.live and report.snapshot["year"] == 2024
    assert "script" not in report.foreword and "onclick" not in report.foreword and "javascript" not in report.foreword
    assert report.challenges == "<p>Eerste alinea.</p><p>Tweede alinea.</p>"
    assert [(f.label, f.value) for f in report.reported_figures.all()] == [("Gesprekken", 1000)]
    frozen = report.snapshot
    capsys.readouterr()
    call_command("import_reports", path, language="en")
    assert "0 created, 0 updated, 1 unchanged" in capsys.readouterr().out
    report.refresh_from_db()
    assert report.snapshot == frozen


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"year": 2099}, "year: A year that has not begun"),
        ({"year": 2999}, "year: Ensure this value is less than or equal to 2100."),
        ({"werkplaats": ""}, "werkplaats: is required"),
        (
            {"reported": [{"label": "Geld", "value": "veel", "source": "x"}]},
            "reported[0].value: “veel” is not a number",
        ),
        (
            {"reported": [{"label": "Procent", "value": 120, "unit": "procent", "source": "x"}]},
            "reported[0].value: 120 is above 100",
        ),
        ({"reported": [{"label": "Iets", "value": 3}]}, "reported[0].source: This field cannot be blank."),
    ],
)
def test_a_bad_record_is_refused_naming_record_and_field(tmp_path, site_tree, capsys, change, message):
    ReportIndexPageFactory(parent=site_tree["home"])
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_reports", write(tmp_path, [{**RECORD, **change}]), language="en")
    assert f"record 1 (jaarverslag-2024), {message}" in capsys.readouterr().err
    assert not AnnualReportPage.objects.exists()
