import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils.text import slugify

from .choices import Direction, Unit
from .models import AmbitionIndexPage, AmbitionPage, Indicator


class AmbitionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ambities"
    slug = "ambities"

    class Meta:
        model = AmbitionIndexPage


class AmbitionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Ambitie {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    summary = "Wat we samen willen bereiken."

    class Meta:
        model = AmbitionPage


def indicator(n=1, **changes):
    """The fields of one indicator: a count that should go down from 100 (1 January 2024) to 50
    (31 December 2027), numbered ``n``."""
    return {
        "name": f"Indicator {n}",
        "definition": "Wat precies geteld wordt.",
        "unit": Unit.COUNT,
        "direction": Direction.LOWER,
        "source": "De gemeenten",
        "baseline_value": Decimal(100),
        "baseline_on": datetime.date(2024, 1, 1),
        "baseline_source": "Nulmeting",
        "target_value": Decimal(50),
        "target_on": datetime.date(2027, 12, 31),
        **changes,
    }


def make_ambition(parent, indicators=None, **fields):
    """A published ambition below ``parent`` with ``indicators`` (dicts of fields; one by default)."""
    page = AmbitionPageFactory.build(**fields)
    page.indicators = [Indicator(locale_id=parent.locale_id, **item) for item in (indicators or [indicator()])]
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
