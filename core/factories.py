import factory
import wagtail_factories
from django.utils.text import slugify

from geography.models import Municipality

from .models import ContentPage, Theme, WerkplaatsIndexPage, WerkplaatsPage


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))

    class Meta:
        model = Theme


class WerkplaatsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Werkplaatsen"
    slug = "werkplaatsen"

    class Meta:
        model = WerkplaatsIndexPage


class WerkplaatsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Werkplaats {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    short_name = factory.Sequence(lambda n: f"WP{n}")
    intro = "<p>Een werkplaats jeugd.</p>"

    class Meta:
        model = WerkplaatsPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))

    class Meta:
        model = ContentPage


def publish_with(page, **fields):
    """Set ``fields`` on ``page`` and publish a new revision of it."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def municipality(name, urbanisation=None, population=None):
    """One of the 342 municipalities the migrations load, optionally with other figures for a test."""
    place = Municipality.objects.select_related("province", "youth_region").get(name=name)
    if urbanisation is not None or population is not None:
        place.urbanisation_class, place.population = urbanisation, population
        place.save()
    return place
