"""An indicator's status, worked out from its baseline, target and measurements (never typed).

The rules, in this order (docs/ambitions.md has them with examples):

1. Without a baseline (on the day read), or without a target value and date, the indicator is
   :attr:`Status.NOT_MEASURABLE`, with the editor's reason or the missing part as why.
2. The latest figure is the newest measurement, or the baseline when there is none yet.
3. When the latest figure meets the target, it is :attr:`Status.ACHIEVED` (for a target value:
   within its tolerance).
4. When the latest figure is older than :data:`RECENT` (18 months), it is
   :attr:`Status.NO_RECENT_FIGURE`: nobody can say where it stands today.
5. When the target date has passed without meeting it, it is :attr:`Status.BEHIND`.
6. Otherwise it is :attr:`Status.ON_TRACK` when the latest figure is at least as good as the straight
   line from baseline to target gives for its date (so that line, carried on, still reaches the
   target in time), and :attr:`Status.BEHIND` when it is not.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.utils.translation import gettext_lazy as _

from .choices import Direction, Status

RECENT = relativedelta(months=18)


@dataclass(frozen=True)
class Point:
    on: date
    value: Decimal


@dataclass(frozen=True)
class Reading:
    """What the status rules found: the status, why (for "not measurable yet"), the latest figure
    and what the straight line from baseline to target gives for its date."""

    status: Status
    latest: Point | None = None
    expected: Decimal | None = None
    why: str = ""


def meets(value, target, direction, tolerance=Decimal(0)):
    if direction == Direction.LOWER:
        return value <= target
    if direction == Direction.HIGHER:
        return value >= target
    return abs(value - target) <= tolerance


def on_the_line(baseline, target, on):
    """The value the straight line from ``baseline`` to ``target`` gives for the day ``on``."""
    span = (target.on - baseline.on).days
    share = min(max((on - baseline.on).days / span, 0), 1) if span > 0 else 1
    return baseline.value + (target.value - baseline.value) * Decimal(str(share))


def at_least_as_good(value, expected, baseline, target, direction, tolerance):
    if direction == Direction.LOWER:
        return value <= expected
    if direction == Direction.HIGHER:
        return value >= expected
    # A target value: as close to it as the line has come by now.
    return abs(value - target.value) <= abs(expected - target.value) + tolerance


def assess(baseline, target, measurements, direction, today, tolerance=Decimal(0), reason=""):
    """The :class:`Reading` of one indicator. ``baseline`` and ``target`` are Points or None;
    ``measurements`` any Points; ``reason`` the editor's why it cannot be measured yet."""
    if baseline is None or baseline.on > today:  # (a past day's reading: the baseline came later)
        return Reading(Status.NOT_MEASURABLE, why=reason or str(_("There is no baseline yet.")))
    if target is None:
        return Reading(Status.NOT_MEASURABLE, why=reason or str(_("There is no target value and date yet.")))
    latest = max([baseline, *measurements], key=lambda point: point.on)
    expected = on_the_line(baseline, target, latest.on)
    if meets(latest.value, target.value, direction, tolerance):
        status = Status.ACHIEVED
    elif latest.on + RECENT < today:
        status = Status.NO_RECENT_FIGURE
    elif target.on < today:
        status = Status.BEHIND
    elif at_least_as_good(latest.value, expected, baseline, target, direction, tolerance):
        status = Status.ON_TRACK
    else:
        status = Status.BEHIND
    return Reading(status, latest=latest, expected=expected)
