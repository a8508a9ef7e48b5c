import datetime

import factory
import wagtail_factories
from django.utils.text import slugify

from .models import ArticleIndexPage, ArticlePage


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nieuws"
    slug = "nieuws"

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Artikel {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    summary = "Een korte samenvatting."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Tekst van het artikel.</p>")])

    class Meta:
        model = ArticlePage
