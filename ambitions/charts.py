"""An indicator's chart, drawn on the server as SVG (like the maps): its measurements, the
baseline, the target with the straight line towards it, and today.

Only the geometry is worked out here; ``ambitions/components/chart.html`` draws it, with a
title and a description that say in words what the chart shows, and a table of the same
figures beside it. An indicator without a baseline or target gets no chart: a line with nothing
to measure it against would suggest more than is known.
"""

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import values
from .choices import Unit

DAY = "j F Y"  # 31 December 2024, in the reader's language
WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 24, 44  # room for the axis labels


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    title: str


@dataclass(frozen=True)
class Chart:
    id: str  # for the ids of its title and description
    width: int
    height: int
    viewbox: str
    left: int
    right: int
    top: int
    bottom: int
    x_ticks: list  # [(x, label)]
    y_ticks: list  # [(y, label)]
    line: str  # SVG path data through the measurements
    points: list  # [Mark] the measurements
    baseline: Mark
    target: Mark
    plan: str  # the straight line from baseline to target
    today: Mark | None  # None when today lies outside the chart
    description: str


def nice_step(span, ticks=5):
    """A round step (1, 2 or 5 times a power of ten) that cuts ``span`` into about ``ticks`` parts."""
    if span <= 0:
        return 1
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


def chart(indicator, today, today_label=None):
    """The Chart of a read indicator (``models.read``), or None without a baseline and target.
    ``today`` is marked with ``today_label`` ("Today" unless given: a report marks its year's end)."""
    baseline, target = indicator.baseline, indicator.target
    if baseline is None or target is None:
        return None
    measured = [(m.measured_on, m.value) for m in indicator.measurements]
    days = [baseline.on, target.on, *(day for day, _value in measured)]
    first, last = min(days), max([*days, today])
    first_year, last_year = first.year, last.year + (0 if last == date(last.year, 1, 1) else 1)
    start, end = date(first_year, 1, 1), date(last_year, 1, 1)
    numbers = [float(baseline.value), float(target.value), *(float(value) for _day, value in measured)]
    low = float(Unit(indicator.unit).rule.minimum or 0)
    step = nice_step(max(numbers) - low or 1)
    high = low + step * math.ceil((max(numbers) - low) / step + 0.001)

    def x(day):
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - start).days / max((end - start).days, 1), 1)

    def y(value):
        return round(HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (float(value) - low) / (high - low), 1)

    def title(label, day, value):
        return f"{label}: {indicator.shown(value)} ({date_format(day, DAY)})"

    years = range(first_year, last_year + 1)
    every = max(1, math.ceil(len(years) / 8))
    x_ticks = [(x(date(year, 1, 1)), str(year)) for year in years if (year - first_year) % every == 0]
    y_ticks = []
    tick = low
    while tick <= high + step / 1000:
        y_ticks.append((y(tick), values.with_unit(Decimal(str(round(tick, 2))), indicator.unit)))
        tick += step
    points = [Mark(x(day), y(value), title(_("Measured"), day, value)) for day, value in measured]
    series = [(x(baseline.on), y(baseline.value))] + [(point.x, point.y) for point in points]
    series.sort()
    line = "M" + " L".join(f"{px},{py}" for px, py in series) if len(series) > 1 else ""
    start_mark = Mark(x(baseline.on), y(baseline.value), title(_("Baseline"), baseline.on, baseline.value))
    end_mark = Mark(x(target.on), y(target.value), title(_("Target"), target.on, target.value))
    today_mark = Mark(x(today), TOP, today_label or _("Today")) if start <= today <= end else None
    return Chart(
        id=f"chart-{indicator.translation_key.hex[:12]}",
        width=WIDTH,
        height=HEIGHT,
        viewbox=f"0 0 {WIDTH} {HEIGHT}",
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        line=line,
        points=points,
        baseline=start_mark,
        target=end_mark,
        plan=f"M{start_mark.x},{start_mark.y} L{end_mark.x},{end_mark.y}",
        today=today_mark,
        description=describe(indicator),
    )


def describe(indicator):
    """The chart in words: baseline, target, the measurements and the status."""
    reading = indicator.read_as
    parts = [
        _("Baseline %(value)s on %(day)s.")
        % {"value": indicator.shown(indicator.baseline_value), "day": date_format(indicator.baseline_on, DAY)},
        _("Target %(value)s by %(day)s.")
        % {"value": indicator.shown(indicator.target_value), "day": date_format(indicator.target_on, DAY)},
    ]
    count = len(indicator.measurements)
    if count:
        latest = indicator.measurements[-1]
        parts.append(
            _("%(count)s measurements since; the latest %(value)s on %(day)s.")
            % {"count": count, "value": indicator.shown(latest.value), "day": date_format(latest.measured_on, DAY)}
            if count > 1
            else _("One measurement since: %(value)s on %(day)s.")
            % {"value": indicator.shown(latest.value), "day": date_format(latest.measured_on, DAY)}
        )
    else:
        parts.append(_("No measurement since the baseline yet."))
    parts.append(_("Status: %(status)s.") % {"status": reading.status.label})
    return " ".join(str(part) for part in parts)
