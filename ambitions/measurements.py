"""New measurements for an indicator, one typed in the admin or many from a CSV file, checked
before anything is saved.

A file has a line per figure: ``date;value;source`` and optionally ``;note`` (a first line of
column names is skipped; a comma separates the columns when no line has a semicolon). A date is
2024-12-31 or 31-12-2024; a value is written the Dutch or the English way (``values.parse_number``).
Every line is checked against the indicator's unit and the calendar; one bad line refuses the
file, naming the line and the column. What is only odd is shown as a warning before saving:

- a *gap*: more than :data:`GAP` between two figures in a row (or since the baseline);
- an *implausible jump*: a figure that moves more than half away from the one before it, and,
  when the series has four changes or more, more than three times its typical (median) change.

A cell is kept as the text it is: ``=HYPERLINK(...)`` in a source stays those characters (and a
spreadsheet export adds the quote that keeps it from running, ``core.spreadsheets``); a value
that is a formula is no number and refuses the line.
"""

import csv
import io
import statistics
from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.params import has_control_characters

from . import values
from .models import Measurement

DAY = "j F Y"  # 31 December 2024, in the reader's language
GAP = relativedelta(months=18)
MAX_FILE_BYTES = 2 * 2**20
MAX_LINES = 5_000
SOURCE_LENGTH = Measurement._meta.get_field("source").max_length
NOTE_LENGTH = Measurement._meta.get_field("note").max_length
HEADER_WORDS = {"date", "datum"}


@dataclass(frozen=True)
class Row:
    line: int
    measured_on: date
    value: object  # Decimal
    source: str
    note: str = ""


@dataclass
class Checked:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # "line 3, value: ..."
    warnings: list = field(default_factory=list)
    replaced: list = field(default_factory=list)  # rows whose date already has a figure

    @property
    def ok(self):
        return not self.errors and bool(self.rows)


def parse_day(text):
    text = text.strip()
    for candidate in (text, "-".join(reversed(text.replace("/", "-").split("-")))):
        try:
            day = parse_date(candidate)
        except ValueError:
            day = None
        if day:
            return day
    raise values.BadValue(_("“%(text)s” is not a date (2024-12-31 or 31-12-2024)") % {"text": text[:40]})


def check_row(indicator, line, day_text, value_text, source, note="", today=None):
    """A Row, or BadValue naming the column."""
    try:
        day = parse_day(day_text)
        values.check_date(day, today)
    except values.BadValue as problem:
        raise values.BadValue(_("date: %(problem)s") % {"problem": problem}) from problem
    try:
        value = values.parse_number(value_text)
        values.check_value(value, indicator.unit)
    except values.BadValue as problem:
        raise values.BadValue(_("value: %(problem)s") % {"problem": problem}) from problem
    source, note = source.strip(), note.strip()
    if not source:
        raise values.BadValue(_("source: say where the figure comes from"))
    for name, text, longest in (("source", source, SOURCE_LENGTH), ("note", note, NOTE_LENGTH)):
        if len(text) > longest:
            raise values.BadValue(_("%(column)s: longer than %(n)s characters") % {"column": name, "n": longest})
        if has_control_characters(text):
            raise values.BadValue(_("%(column)s: holds control characters") % {"column": name})
    return Row(line, day, value, source, note)


def read_csv(data, indicator, today=None):
    """Check the bytes of a CSV file for ``indicator``: a Checked with its rows, errors and warnings."""
    checked = Checked()
    if len(data) > MAX_FILE_BYTES:
        checked.errors.append(_("The file is larger than 2 MB."))
        return checked
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        checked.errors.append(_("The file is not UTF-8 text (byte %(byte)s).") % {"byte": error.start})
        return checked
    lines = text.splitlines()
    delimiter = ";" if any(";" in line for line in lines) else ","
    seen = {}
    for number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if number > MAX_LINES:
            checked.errors.append(_("More than %(n)s lines: split the file.") % {"n": MAX_LINES})
            break
        if not any(cell.strip() for cell in cells):
            continue
        if number == 1 and cells[0].strip().lower() in HEADER_WORDS:
            continue
        if len(cells) < 3 or len(cells) > 4:
            message = _("line %(line)s: expected date;value;source (and a note), found %(n)s columns")
            checked.errors.append(message % {"line": number, "n": len(cells)})
            continue
        try:
            row = check_row(indicator, number, *cells, today=today)
        except values.BadValue as problem:
            checked.errors.append(_("line %(line)s, %(problem)s") % {"line": number, "problem": problem})
            continue
        if row.measured_on in seen:
            message = _("line %(line)s, date: %(day)s appears on line %(other)s too")
            checked.errors.append(message % {"line": number, "day": row.measured_on, "other": seen[row.measured_on]})
            continue
        seen[row.measured_on] = number
        checked.rows.append(row)
    if not checked.rows and not checked.errors:
        checked.errors.append(_("The file holds no figures."))
    if checked.rows:
        checked.warnings = warnings(indicator, checked.rows)
        checked.replaced = replacing(indicator, checked.rows)
    return checked


def replacing(indicator, rows):
    existing = {m.measured_on: m for m in indicator.measurements}
    return [(row, existing[row.measured_on]) for row in rows if row.measured_on in existing]


def warnings(indicator, rows):
    """What is odd about ``rows`` among the indicator's figures: gaps and implausible jumps."""
    series = {m.measured_on: m.value for m in indicator.measurements}
    if indicator.baseline_on:
        series.setdefault(indicator.baseline_on, indicator.baseline_value)
    series.update({row.measured_on: row.value for row in rows})
    new = {row.measured_on for row in rows}
    ordered = sorted(series.items())
    found = []
    changes = [abs(b - a) for (_d1, a), (_d2, b) in zip(ordered, ordered[1:], strict=False)]
    typical = statistics.median(changes) if len(changes) >= 4 else None
    for (before, old), (day, value) in zip(ordered, ordered[1:], strict=False):
        if day not in new and before not in new:
            continue
        if day > before + GAP:
            found.append(
                _("A gap: no figure between %(before)s and %(day)s.")
                % {"before": date_format(before, DAY), "day": date_format(day, DAY)}
            )
        change = abs(value - old)
        if change > abs(old) / 2 and (typical is None or change > 3 * typical):
            found.append(
                _("An implausible jump: from %(old)s on %(before)s to %(new)s on %(day)s. Is the figure right?")
                % {
                    "old": indicator.shown(old),
                    "before": date_format(before, DAY),
                    "new": indicator.shown(value),
                    "day": date_format(day, DAY),
                }
            )
    return found


@transaction.atomic
def save(indicator, rows, user):
    """Save every row for ``indicator`` (one on a date that has a figure replaces it); all or none."""
    now = timezone.now()
    for row in rows:
        Measurement.objects.update_or_create(
            indicator_key=indicator.translation_key,
            measured_on=row.measured_on,
            defaults={
                "value": row.value,
                "source": row.source,
                "note": row.note,
                "entered_by": user,
                "entered_at": now,
            },
        )
    indicator.__dict__.pop("measurements", None)
    return len(rows)
