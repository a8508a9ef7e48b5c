"""Figures as people write and read them: a number typed the Dutch or the English way, checked
against its unit (a percentage is 0 to 100, a count is whole), and shown with its unit."""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .choices import Unit

# The largest figure a field holds (DecimalField max_digits=15, decimal_places=2).
LARGEST = Decimal("9999999999999.99")
EARLIEST = date(1950, 1, 1)
# 1.000.000 or 1.000.000,5 (Dutch), 1,000,000 or 1,000,000.5 (English), 12,5 or 12.5, -3.
GROUPED_DUTCH = re.compile(r"^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$")
GROUPED_ENGLISH = re.compile(r"^-?[1-9]\d{0,2}(,\d{3}){2,}(\.\d+)?$|^-?[1-9]\d{0,2}(,\d{3})+\.\d+$")
PLAIN = re.compile(r"^-?\d+([.,]\d+)?$")


class BadValue(ValueError):
    """A figure that cannot be stored; its message says why, for the editor."""


def parse_number(text):
    """A Decimal from "12,5", "12.5", "1.000.000", "1.000.000,50" or "1,000,000"; BadValue otherwise.

    Read the Dutch way first: a dot followed by groups of three digits groups thousands ("12.500"
    is twelve thousand five hundred), a comma is the decimal sign. Several commas, or commas
    before a dot, group thousands the English way ("1,000,000", "1,000.5"). Otherwise the one
    comma or dot is the decimal sign ("0.125", "12.5").
    """
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "")
    for sign in ("€", "%"):
        cleaned = cleaned.replace(sign, "")
    if GROUPED_DUTCH.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif GROUPED_ENGLISH.match(cleaned):
        cleaned = cleaned.replace(",", "")
    elif PLAIN.match(cleaned):
        cleaned = cleaned.replace(",", ".")
    else:
        raise BadValue(_("“%(text)s” is not a number") % {"text": str(text)[:40]})
    try:
        return Decimal(cleaned)
    except InvalidOperation as error:
        raise BadValue(_("“%(text)s” is not a number") % {"text": str(text)[:40]}) from error


def check_value(value, unit):
    """Raise BadValue when ``value`` makes no sense in ``unit``."""
    rule = Unit(unit).rule
    if abs(value) > LARGEST:
        raise BadValue(_("%(value)s is larger than any figure Wiel keeps") % {"value": value})
    if value != value.quantize(Decimal("0.01")):
        raise BadValue(_("%(value)s has more than two decimals") % {"value": value})
    if rule.whole and value != value.to_integral_value():
        raise BadValue(_("a number of people or things is a whole number, not %(value)s") % {"value": value})
    if rule.minimum is not None and value < rule.minimum:
        raise BadValue(
            _("%(value)s is below %(minimum)s, the lowest a figure in %(unit)s can be")
            % {"value": value, "minimum": rule.minimum, "unit": Unit(unit).label}
        )
    if rule.maximum is not None and value > rule.maximum:
        raise BadValue(
            _("%(value)s is above %(maximum)s, the highest a figure in %(unit)s can be")
            % {"value": value, "maximum": rule.maximum, "unit": Unit(unit).label}
        )


def check_date(day, today=None):
    """Raise BadValue for a measurement date in the future or before 1950."""
    today = today or timezone.localdate()
    if day > today:
        raise BadValue(_("%(day)s is in the future: a figure is measured on a day that has passed") % {"day": day})
    if day < EARLIEST:
        raise BadValue(_("%(day)s is before 1950") % {"day": day})


def number(value):
    """``value`` in the reader's language, without trailing zeros: 12,5 · 1.000.000 · 3."""
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else (1 if value * 10 == (value * 10).to_integral_value() else 2)
    return number_format(value, decimal_pos=places, force_grouping=abs(value) >= 10_000)


def with_unit(value, unit):
    """The figure as the site shows it: "12,5%", "€ 1.000.000", "3 maanden", "140"."""
    if value is None:
        return ""
    shown = number(value)
    unit = Unit(unit)
    whole = Decimal(value) == 1
    if unit == Unit.EUROS:
        return f"€ {shown}"
    if unit == Unit.DAYS:
        return ngettext("%(n)s day", "%(n)s days", 1 if whole else 2) % {"n": shown}
    if unit == Unit.WEEKS:
        return ngettext("%(n)s week", "%(n)s weeks", 1 if whole else 2) % {"n": shown}
    if unit == Unit.MONTHS:
        return ngettext("%(n)s month", "%(n)s months", 1 if whole else 2) % {"n": shown}
    return f"{shown}{unit.rule.suffix}"
