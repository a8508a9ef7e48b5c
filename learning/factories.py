import factory
import wagtail_factories
from django.utils.text import slugify

from .models import StoryIndexPage, StoryPage


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ervaringsverhalen"
    slug = "ervaringsverhalen"

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Verhaal {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    summary = "Wat er gebeurde, in het kort."
    teller = StoryPage.Teller.PARENT
    story = "We wachtten lang op hulp.\n\nToen kwam er iemand die luisterde."

    class Meta:
        model = StoryPage
