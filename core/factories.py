import factory
import wagtail_factories
from django.utils.text import slugify

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
