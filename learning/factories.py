import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from .models import Action, ProposalIndexPage, ProposalPage, StoryIndexPage, StoryPage


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


class ProposalIndexPageFactory(wagtail_factories.PageFactory):
    title = "Verbetervoorstellen"
    slug = "verbetervoorstellen"

    class Meta:
        model = ProposalIndexPage


def owner(n, **changes):
    """The fields of one action, its owner numbered ``n``."""
    return {
        "what": f"Actie {n}: een vast aanspreekpunt voor gezinnen.",
        "owner_name": f"Eigenaar {n}",
        "owner_role": "wethouder jeugd",
        "owner_organisation": f"Gemeente {n}",
        "owner_email": f"eigenaar{n}@example.org",
        **changes,
    }


class ProposalPageFactory(wagtail_factories.PageFactory):
    """A proposal made on ``made_on`` (90 days ago by default); ``actions`` is a list of field dicts
    (``owner``), and the page is published through a revision, as an editor would."""

    title = factory.Sequence(lambda n: f"Voorstel {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    summary = "Wat de groep voorstelt, in het kort."
    made_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=90))
    problem = "Gezinnen vertellen hun verhaal steeds opnieuw."
    proposal = "Eén vast aanspreekpunt per gezin, binnen een maand."

    class Meta:
        model = ProposalPage
        skip_postgeneration_save = True

    @factory.post_generation
    def actions(obj, create, extracted, **kwargs):
        if not create:
            return
        obj.actions = [Action(**fields) for fields in (extracted if extracted is not None else [owner(1)])]
        if obj.live:
            obj.save_revision().publish()
        else:
            obj.save_revision()
