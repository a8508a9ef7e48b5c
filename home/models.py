from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from core.images import prefetch_listing_images
from core.models import BasePage, WerkplaatsPage

LATEST_ARTICLES = 3


class HomePage(BasePage):
    """The front page of one language tree: what Wiel is, featured content, the werkplaatsen."""

    hero_heading = models.CharField(_("heading"), max_length=120)
    hero_text = RichTextField(_("introduction"), features=["bold", "italic", "link"])
    featured_heading = models.CharField(_("heading above featured items"), max_length=80, blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("hero_heading"), FieldPanel("hero_text")], heading=_("Introduction")),
        FieldPanel("featured_heading"),
        InlinePanel("featured_items", heading=_("Featured"), label=_("featured page"), max_num=6),
    ]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def clean(self):
        super().clean()
        # One home page per language: Wagtail's max_count would also count the translations.
        others = HomePage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(_("There already is a home page in this language."))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        ids = [item.page_id for item in self.featured_items.all()]
        found = {page.pk: page for page in Page.objects.filter(pk__in=ids).live().public().specific()}
        featured = prefetch_listing_images(found[pk] for pk in ids if pk in found)
        context["featured_pages"] = featured
        context["werkplaatsen"] = (
            WerkplaatsPage.objects.live().public().filter(locale_id=self.locale_id).order_by("title")
        )
        # A lazy reference: the home page aggregates content without importing the content apps.
        article_model = apps.get_model("articles", "ArticlePage")
        context["latest_articles"] = prefetch_listing_images(
            article_model.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .exclude(pk__in=ids)
            .select_related("werkplaats")
            .order_by("-date", "-pk")[:LATEST_ARTICLES]
        )
        context["practice_finder"] = self.practice_finder()
        return context

    def practice_finder(self):
        """The national practice overview, where the finder form sends the reader's municipality."""
        index_model = apps.get_model("practices", "PracticeIndexPage")
        overview = index_model.objects.child_of(self).live().public().first()
        if overview is None:
            return None
        return {"overview": overview}


class HomeFeaturedItem(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))

    panels = [FieldPanel("page")]
