"""Ambitions: ``demo/data/ambitions.json`` through ``import_ambitions``' functions.

Groningen's three shared ambitions from its 2020 annual report, with the baseline year the
report gives and, where it gives no figure, the honest "not measurable yet"; SAMEN's two with
figures made up for the demo (each says so in its source). Figures dated on or after
``moves_from`` move forward with the day the demo is loaded (by whole weeks), so SAMEN's
statuses stay as meant; new ambitions only, so a reload adds no second series.
"""

import datetime

from django.utils import timezone

from ambitions import importing
from ambitions.models import AmbitionIndexPage, AmbitionPage
from demo.utils import data, locale, sections, weeks_since

DATED = (("baseline", "date"), ("target", "date"))


def moved(records, dated_from, moves_from, today):
    """The records with every date on or after ``moves_from`` moved by the whole weeks since ``dated_from``."""
    shift = datetime.timedelta(weeks=weeks_since(dated_from, today))

    def move(value):
        day = datetime.date.fromisoformat(value)
        return (day + shift).isoformat() if day >= moves_from else value

    for record in records:
        for indicator in record["indicators"]:
            for part, key in DATED:
                if key in indicator.get(part, {}):
                    indicator[part][key] = move(indicator[part][key])
            for measurement in indicator.get("measurements", []):
                measurement["date"] = move(measurement["date"])
    return records


def load(stdout):
    sections(AmbitionIndexPage, "ambities", in_menu=False)
    file = data("ambitions.json")
    dutch = locale("nl")
    records = moved(
        file["ambitions"],
        datetime.date.fromisoformat(file["dated_from"]),
        datetime.date.fromisoformat(file["moves_from"]),
        timezone.localdate(),
    )
    new = [record for record in records if not AmbitionPage.objects.filter(slug=record["slug"], locale=dutch).exists()]
    importer, cleaned, errors = importing.validate(new)
    if errors:
        raise ValueError("ambitions.json: " + "; ".join(errors.messages))
    importing.import_all(importer, cleaned)
    stdout.write(f"  {len(new)} ambitions")
