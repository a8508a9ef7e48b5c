"""``manage.py import_ambitions``: every record checked before anything is written, and the same
file twice changes nothing."""

import json

import pytest
from django.core.management import CommandError, call_command

from ambitions.factories import AmbitionIndexPageFactory
from ambitions.models import AmbitionPage, Measurement

pytestmark = pytest.mark.django_db

RECORD = {
    "slug": "minder-wachten",
    "werkplaats": "groningen",
    "title": "Minder wachten",
    "themes": [],
    "jeugdregios": ["JZ01"],
    "municipalities": ["Den Haag"],
    "indicators": [
        {
            "name": "Wachttijd",
            "definition": "Weken tot het eerste gesprek.",
            "unit": "weken",
            "direction": "lager",
            "source": "Aanbieders",
            "baseline": {"value": "9", "date": "2024-01-01", "source": "Nulmeting"},
            "target": {"value": 4, "date": "2027-12-31"},
            "measurements": [{"date": "2024-07-01", "value": "8,5", "source": "Aanbieders"}],
        }
    ],
}


def write(tmp_path, records):
    path = tmp_path / "ambities.json"
    path.write_text(json.dumps({"ambitions": records}), encoding="utf-8")
    return str(path)


def test_a_file_is_imported_once(tmp_path, site_tree, capsys):
    AmbitionIndexPageFactory(parent=site_tree["home"])
    path = write(tmp_path, [RECORD])
    call_command("import_ambitions", path)
    page = AmbitionPage.objects.get(slug="minder-wachten")
    assert page.live and page.werkplaats.pk == site_tree["groningen"].pk
    assert [place.name for place in page.municipalities.all()] == ["'s-Gravenhage"]
    indicator = page.indicators.get()
    assert (indicator.baseline_value, indicator.target_value) == (9, 4)
    assert list(Measurement.objects.values_list("value", flat=True)) == [8.5]
    call_command("import_ambitions", path, language="en")
    assert "0 created, 0 updated, 1 unchanged" in capsys.readouterr().out
    assert Measurement.objects.count() == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"unit": "liters"}, "indicators[0].unit: Value 'liters' is not a valid choice."),
        ({"target": {"value": 12, "date": "2027-12-31"}}, "indicators[0].target.value: With “lower is better”"),
        ({"target": {"value": 4, "date": "2020-01-01"}}, "indicators[0].target.date: The target date comes after"),
        ({"baseline": {"value": 9}}, "indicators[0].baseline.date: Give the baseline's value and its date"),
        (
            {"measurements": [{"date": "2024-07-01", "value": "-1", "source": "x"}]},
            "indicators[0].measurements[0].value: -1 is below 0",
        ),
        (
            {"measurements": [{"date": "morgen", "value": 3, "source": "x"}]},
            "indicators[0].measurements[0].date: “morgen” is not a date",
        ),
        (
            {"measurements": [{"date": "2024-07-01", "value": True, "source": "x"}]},
            "indicators[0].measurements[0].value: True is not a number",
        ),
    ],
)
def test_a_bad_record_is_refused_naming_record_and_field(tmp_path, site_tree, capsys, change, message, settings):
    settings.LANGUAGE_CODE = "en"
    AmbitionIndexPageFactory(parent=site_tree["home"])
    record = {**RECORD, "indicators": [{**RECORD["indicators"][0], **change}]}
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_ambitions", write(tmp_path, [RECORD | {"slug": "goed"}, record]), language="en")
    errors = capsys.readouterr().err
    assert f"record 2 (minder-wachten), {message}" in errors, errors
    assert not AmbitionPage.objects.exists() and not Measurement.objects.exists()


def test_an_unknown_place_is_named_with_a_suggestion(tmp_path, site_tree, capsys):
    AmbitionIndexPageFactory(parent=site_tree["home"])
    with pytest.raises(CommandError):
        call_command("import_ambitions", write(tmp_path, [{**RECORD, "municipalities": ["Groningn"]}]), language="en")
    assert "municipalities: unknown municipality 'Groningn' (did you mean: Groningen" in capsys.readouterr().err
