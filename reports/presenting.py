"""A report's snapshot as the reader sees it: each section and figure with its label in the
reader's language, its value written out, and whether records stand behind it."""

import datetime
from dataclasses import dataclass

from django.utils.dateparse import parse_datetime
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from ambitions.choices import Status

LABELS = {
    "events": _("Events"),
    "events_held": _("Events held"),
    "people_registered": _("People registered"),
    "people_attended": _("People who attended"),
    "newsletters": _("Newsletters"),
    "issues_sent": _("Issues sent"),
    "readers_reached": _("Readers reached"),
    "readers_per_issue": _("Readers per issue"),
    "practices": _("Practice examples"),
    "practices_published": _("Practice examples published"),
    "practices_reviewed": _("Practice examples reviewed"),
    "learning": _("Learning from experience"),
    "stories_published": _("Lived-experience stories published"),
    "proposals_made": _("Improvement proposals made"),
    "actions": _("Actions, each with someone who took up the glove"),
    "actions_answered": _("Actions whose owner answered the follow-up"),
    "actions_done": _("Actions done"),
    "opportunities": _("Opportunities and projects"),
    "opportunities_ingediend": _("Opportunities that came in"),
    "opportunities_geprioriteerd": _("Opportunities prioritised"),
    "opportunities_gefinancierd": _("Opportunities funded"),
    "opportunities_afgerond": _("Opportunities whose project ended"),
    "projects_started": _("Projects started"),
    "budget_granted": _("Budget granted to them"),
    "networks": _("Leernetwerken"),
    "leernetwerken": _("Leernetwerken"),
}


@dataclass(frozen=True)
class ShownFigure:
    key: str
    label: str
    value: object
    text: str
    records: list


@dataclass(frozen=True)
class ShownSection:
    key: str
    label: str
    figures: list


@dataclass(frozen=True)
class Report:
    year: int
    calculated_at: datetime.datetime | None
    complete: bool
    sections: list
    ambitions: list


def label(key):
    return str(LABELS.get(key, key.replace("_", " ")))


def written(value, unit=""):
    if value is None:
        return str(_("not recorded"))
    shown = number_format(value, decimal_pos=0 if float(value).is_integer() else 1, force_grouping=True)
    return f"€ {shown}" if unit == "euro" else shown


def present(snapshot):
    sections = [
        ShownSection(
            section["key"],
            label(section["key"]),
            [
                ShownFigure(
                    figure["key"],
                    label(figure["key"]),
                    figure["value"],
                    written(figure["value"], figure.get("unit", "")),
                    figure.get("records", []),
                )
                for figure in section["figures"]
            ],
        )
        for section in snapshot.get("sections", [])
    ]
    ambitions = [{**row, "status": Status(row["status"])} for row in snapshot.get("ambitions", [])]
    calculated = parse_datetime(snapshot.get("calculated_at", "") or "")
    return Report(snapshot.get("year"), calculated, snapshot.get("complete", True), sections, ambitions)


def rows(snapshot):
    """Every figure as a flat row (section label, key, label, value, unit), for CSV and JSON."""
    units = {figure["key"]: figure.get("unit", "") for s in snapshot.get("sections", []) for figure in s["figures"]}
    return [
        (section.label, figure.key, figure.label, figure.value, units[figure.key])
        for section in present(snapshot).sections
        for figure in section.figures
    ]
