import datetime

import factory
import wagtail_factories
from django.utils.text import slugify

from .models import PracticeIndexPage, PracticePage


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
