import datetime

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify

from .models import OpportunityIndexPage, OpportunityPage, ProjectIndexPage, ProjectPage


class OpportunityIndexPageFactory(wagtail_factories.PageFactory):
    title = "Kansenlog"
    slug = "kansenlog"

    class Meta:
        model = OpportunityIndexPage


class OpportunityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kans {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    description = "Wat er beter kan, en hoe."
    for_whom = "Jongeren in de regio."
    received_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = OpportunityPage


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = "Projecten"
    slug = "projecten"

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Project {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    description = "Wat het project doet."
    budget_granted = 50000
    starts_on = datetime.date(2020, 4, 1)
    lead_organisation = "Gemeente Groningen"

    class Meta:
        model = ProjectPage
