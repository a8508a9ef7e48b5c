"""The fixed answers of an ambition's indicators: which way is better, in what unit it is counted,
and the status worked out from its figures (never typed)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    """Which way an indicator should move from its baseline."""

    LOWER = "lager", _("lower is better")
    HIGHER = "hoger", _("higher is better")
    TARGET = "streefwaarde", _("a target value to reach")


@dataclass(frozen=True)
class UnitRule:
    """What a value in one unit may be: whole or not, and its bounds (None: unbounded)."""

    whole: bool
    minimum: Decimal | None
    maximum: Decimal | None
    suffix: str  # after the number, as the site shows it ("%", " maanden"); the euro goes before it


class Unit(models.TextChoices):
    COUNT = "aantal", _("number of people or things")
    PERCENT = "procent", _("percent")
    PER_THOUSAND = "per-1000", _("per 1,000 young people")
    EUROS = "euro", _("euros")
    DAYS = "dagen", _("days")
    WEEKS = "weken", _("weeks")
    MONTHS = "maanden", _("months")
    MARK = "rapportcijfer", _("mark from 1 to 10")

    @property
    def rule(self):
        return UNIT_RULES[self]


ZERO = Decimal(0)
UNIT_RULES = {
    Unit.COUNT: UnitRule(True, ZERO, None, ""),
    Unit.PERCENT: UnitRule(False, ZERO, Decimal(100), "%"),
    Unit.PER_THOUSAND: UnitRule(False, ZERO, Decimal(1000), " ‰"),
    Unit.EUROS: UnitRule(False, ZERO, None, ""),
    Unit.DAYS: UnitRule(False, ZERO, None, ""),
    Unit.WEEKS: UnitRule(False, ZERO, None, ""),
    Unit.MONTHS: UnitRule(False, ZERO, None, ""),
    Unit.MARK: UnitRule(False, Decimal(1), Decimal(10), ""),
}


class Status(models.TextChoices):
    """Where an indicator stands, in the order the overview sorts them (``rank``)."""

    ACHIEVED = "behaald", _("achieved")
    ON_TRACK = "op-koers", _("on track")
    BEHIND = "achter", _("behind")
    NO_RECENT_FIGURE = "geen-recent-cijfer", _("no recent figure")
    NOT_MEASURABLE = "niet-meetbaar", _("not measurable yet")

    @property
    def rank(self):
        return list(Status).index(self)
