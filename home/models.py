from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from articles.models import ArticlePage
from core.http.visibility import public
from core.images import prefetch_listing_images
from core.models import BasePage, WerkplaatsPage
from events.models import EventIndexPage, EventPage
from newsletters.models import NewsletterIndexPage
from practices.models import PracticeIndexPage, PracticePage

LATEST_ARTICLES = 3
NEXT_EVENTS = 3
NEWEST_PRACTICES = 3


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

    def route(self, request, path_components):
        """The page a URL names, found in one query instead of one per level of the tree.

        Wagtail walks the path a level at a time (a child query and a specific query each). Here
        the deepest page whose URL path is a prefix of the request's is read at once, and routes
        the rest itself (a routable page's own routes, such as ``csv/`` or ``rss/``).
        """
        if not path_components:
            return super().route(request, path_components)
        prefixes = {
            self.url_path + "/".join(path_components[:length]) + "/": length
            for length in range(1, len(path_components) + 1)
        }
        page = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path).order_by("-depth").specific().first()
        )
        if page is None:
            return super().route(request, path_components)
        return page.route(request, path_components[prefixes[page.url_path] :])

    def clean(self):
        super().clean()
        # One home page per language: Wagtail's max_count would also count the translations.
        others = HomePage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(_("There already is a home page in this language."))

    def featured_in_own_language(self):
        """The featured pages in this home page's language where they are translated, in the editor's order.

        A translated home page keeps the featured items of its source (wagtail-localize
        synchronises them), so the English home shows the English version of each live
        featured page that has one, and the page itself otherwise. One query (and one per
        page type for the specific pages).
        """
        ids = [item.page_id for item in self.featured_items.all()]
        chosen_keys = Page.objects.filter(pk__in=ids).values("translation_key")
        candidates = list(
            public(
                Page.objects.filter(Q(pk__in=ids) | Q(locale_id=self.locale_id, translation_key__in=chosen_keys)).live()
            ).specific()
        )
        own = {page.translation_key: page for page in candidates if page.locale_id == self.locale_id}
        chosen = {page.pk: page for page in candidates if page.pk in ids}
        return [own.get(chosen[pk].translation_key, chosen[pk]) for pk in ids if pk in chosen]

    def get_context(self, request, *args, **kwargs):
        # The lists are read only when the template's cached block is rendered (contentcache).
        context = super().get_context(request, *args, **kwargs)
        featured = SimpleLazyObject(lambda: prefetch_listing_images(self.featured_in_own_language()))
        context["featured_pages"] = featured
        context["werkplaatsen"] = (
            public(WerkplaatsPage.objects.live()).filter(locale_id=self.locale_id).order_by("title")
        )
        context["latest_articles"] = SimpleLazyObject(
            lambda: prefetch_listing_images(
                public(ArticlePage.objects.live())
                .filter(locale_id=self.locale_id)
                .exclude(pk__in=[page.pk for page in featured])
                .select_related("werkplaats")
                .order_by("-date", "-pk")[:LATEST_ARTICLES]
            )
        )
        context["practice_finder"] = SimpleLazyObject(self.practice_finder)
        context["next_events"] = SimpleLazyObject(self.next_events)
        context["newest_practices"] = SimpleLazyObject(self.newest_practices)
        context["newsletters"] = SimpleLazyObject(
            lambda: public(NewsletterIndexPage.objects.child_of(self).live()).first()
        )
        return context

    def next_events(self):
        """The national calendar and its next events, today's included all day (the block is kept per day)."""
        calendar = public(EventIndexPage.objects.child_of(self).live()).first()
        if calendar is None:
            return None
        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        events = (
            calendar.get_events()
            .filter(end__gte=today)
            .exclude(status=EventPage.Status.CANCELLED)
            .select_related("werkplaats")
            .order_by("start", "pk")[:NEXT_EVENTS]
        )
        return {"calendar": calendar, "events": list(events)}

    def newest_practices(self):
        """The practice examples published last, in this language."""
        return prefetch_listing_images(
            public(PracticePage.objects.live())
            .filter(locale_id=self.locale_id)
            .select_related("werkplaats")
            .order_by("-first_published_at", "-pk")[:NEWEST_PRACTICES]
        )

    def practice_finder(self):
        """The national practice overview, where the finder form sends the reader's municipality."""
        overview = public(PracticeIndexPage.objects.child_of(self).live()).first()
        if overview is None:
            return None
        return {"overview": overview}


class HomeFeaturedItem(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))

    panels = [FieldPanel("page")]
