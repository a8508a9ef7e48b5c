import datetime

import factory
import wagtail_factories
from django.utils.text import slugify

from core.models import Theme
from geography.models import Municipality

from .models import Implementation, PartnerType, PracticeIndexPage, PracticePage


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Praktijkvoorbeelden"
    slug = "praktijkvoorbeelden"

    class Meta:
        model = PracticeIndexPage


class PracticePageFactory(wagtail_factories.PageFactory):
    """A practice; pass ``implementations`` (a list of Implementation objects) to give it a record."""

    title = factory.Sequence(lambda n: f"Praktijk {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    summary = "Een korte samenvatting van de aanpak."
    aim = "Wat de aanpak wil bereiken."
    age_min = 4
    age_max = 18
    evidence_level = "goed-beschreven"
    cost_band = 2
    last_reviewed = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=100))
    approach = factory.LazyFunction(lambda: [("paragraph", "<p>Zo werkt het.</p>")])

    class Meta:
        model = PracticePage


def make_practice(parent, title, themes=(), record=(), needs=(), publish=True, **fields):
    """A practice below ``parent`` with its regional-fit record, published unless ``publish`` is False.

    ``themes`` and ``needs`` are slugs; ``record`` is a list of (municipality names, outcome,
    extra Implementation fields), one implementation each.
    """
    page = PracticePageFactory.build(title=title, **fields)
    page.themes = list(Theme.objects.filter(slug__in=themes))
    page.partners_needed = list(PartnerType.objects.filter(slug__in=needs))
    implementations = []
    for names, outcome, extra in record:
        implementation = Implementation(started=2020, outcome=outcome, **extra)
        implementation.municipalities = list(Municipality.objects.filter(name__in=names))
        implementations.append(implementation)
    page.implementations = implementations
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page
