"""News, interviews and retrospectives (terugblikken), national and per werkplaats."""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import params
from core.blocks import BodyBlock
from core.images import prefetch_listing_images
from core.models import BasePage, SectionIndexPage, Theme, WerkplaatsContentPage
from core.pagination import paginate

from .feeds import ArticleFeed

PAGE_SIZE = 12


class ArticleIndexPage(RoutablePageMixin, SectionIndexPage):
    """Lists articles: below a werkplaats its own, below the home page all of them."""

    subpage_types = ["articles.ArticlePage"]

    class Meta:
        verbose_name = _("article overview")
        verbose_name_plural = _("article overviews")

    def get_articles(self):
        return self.in_scope(ArticlePage.objects.all()).select_related("werkplaats").order_by("-date", "-pk")

    def filter_articles(self, articles, request):
        kind = request.GET.get("soort")
        if kind in ArticlePage.Kind.values:
            articles = articles.filter(kind=kind)
        theme = params.slug(request.GET.get("thema"))
        if theme:
            articles = articles.filter(themes__slug=theme)
        return articles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.filter_articles(self.get_articles(), request)
        page_obj = paginate(articles, request, PAGE_SIZE)
        page_obj.object_list = prefetch_listing_images(page_obj.object_list)
        context.update(
            articles=page_obj,
            kinds=ArticlePage.Kind.choices,
            themes=Theme.objects.filter(articlepage__in=self.get_articles()).distinct(),
            active_kind=request.GET.get("soort", ""),
            active_theme=params.slug(request.GET.get("thema")) or "",
        )
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("rss/", name="feed")
    def feed(self, request):
        return ArticleFeed(self)(request)


class ArticlePage(WerkplaatsContentPage):
    class Kind(models.TextChoices):
        NEWS = "nieuws", _("news")
        INTERVIEW = "interview", _("interview")
        RETROSPECTIVE = "terugblik", _("retrospective")

    date = models.DateField(_("date"), default=timezone.localdate)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    themes = ParentalManyToManyField("core.Theme", verbose_name=_("themes"), blank=True)
    body = StreamField(BodyBlock, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        InlinePanel("authors", heading=_("Authors"), label=_("author")),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("kind"),
        index.RelatedFields("authors", [index.SearchField("name")]),
    ]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")


class ArticleAuthor(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=160, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role")]

    def __str__(self):
        return self.name
