"""Lived-experience stories (ervaringsverhalen): moderated per werkplaats, never published with
what looks like personal data until a moderator has resolved it (``personal_data``)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.models import Page
from wagtail.search import index

from core import params
from core.feeds import OverviewFeed
from core.models import BasePage, SectionIndexPage, Theme, WerkplaatsContentPage
from core.pagination import paginate
from core.routes import LocalizedRoutablePageMixin, answer, localized_path
from practices.serializers import MunicipalitySerializer, TermSerializer, YouthRegionSerializer

from .. import personal_data
from ..choices import AgeBand, Publication, Source, Teller
from ..forms import StoryAdminForm

PAGE_SIZE = 12


class StoryIndexPage(LocalizedRoutablePageMixin, SectionIndexPage):
    """The stories: below a werkplaats its own, below the home page those of all werkplaatsen."""

    subpage_types = ["learning.StoryPage"]

    # An English reader sees the Dutch ones too (marked with their language) until they are translated.
    lists_untranslated = True

    class Meta:
        verbose_name = _("story overview")
        verbose_name_plural = _("story overviews")

    def get_stories(self):
        return self.in_scope(StoryPage.objects.all()).select_related("werkplaats").order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        scope = self.get_stories()
        stories = scope
        teller = request.GET.get("verteller")
        if teller in StoryPage.Teller.values:
            stories = stories.filter(teller=teller)
        theme = params.slug(request.GET.get("thema"))
        if theme:
            stories = stories.filter(themes__slug=theme)
        context.update(
            stories=paginate(stories, request, PAGE_SIZE),
            tellers=StoryPage.Teller.choices,
            themes=Theme.objects.filter(storypage__in=scope).distinct(),
            active_teller=teller if teller in StoryPage.Teller.values else "",
            active_theme=theme or "",
        )
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    def feed_items(self):
        return self.get_stories()

    @path("rss/", name="feed")
    def feed(self, request):
        return OverviewFeed(self)(request)

    @localized_path({"nl": "deel-je-ervaring/", "en": "share-your-experience/"}, name="share")
    def share(self, request):
        return answer(self, "share_story", request)

    @localized_path({"nl": "mijn-verhaal/<str:token>/", "en": "my-story/<str:token>/"}, name="teller")
    def teller(self, request, token):
        return answer(self, "teller_page", request, token)


class StoryPage(WerkplaatsContentPage):
    """One person's experience, told in their words and published only as their consent allows.

    Who told it stays private: the teller's name is shown only with :attr:`Publication.WITH_FIRST_NAME`,
    and the e-mail address (for the teller's own link) is never shown, searched or exported.
    """

    # The fixed answers (learning.choices), also as StoryPage.Teller and so on, as on other pages.
    Teller, AgeBand, Source, Publication = Teller, AgeBand, Source, Publication

    teller = models.CharField(_("who tells it"), max_length=20, choices=Teller.choices)
    teller_name = models.CharField(
        _("teller's first name"),
        max_length=60,
        blank=True,
        help_text=_("Shown only when the consent allows the first name."),
    )
    teller_email = models.EmailField(
        _("teller's e-mail address"),
        blank=True,
        help_text=_("Never shown: for the teller's own link to read, change or withdraw the story."),
    )
    age_band = models.CharField(_("age of the young person"), max_length=5, choices=AgeBand.choices, blank=True)
    themes = ParentalManyToManyField("core.Theme", verbose_name=_("themes"), blank=True)
    municipality = models.ForeignKey(
        "geography.Municipality", verbose_name=_("municipality"), null=True, blank=True, on_delete=models.SET_NULL
    )
    youth_region = models.ForeignKey(
        "geography.YouthRegion",
        verbose_name=_("jeugdregio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("When the municipality is not named."),
    )
    story = models.TextField(_("the story"), help_text=_("In the teller's words. A blank line starts a paragraph."))
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.SITE)
    source_note = models.CharField(
        _("about the source"), max_length=200, blank=True, help_text=_("For example the platform and its permission.")
    )
    publication = models.CharField(
        _("what may be published"), max_length=20, choices=Publication.choices, default=Publication.WITHOUT_NAME
    )
    consent_until = models.DateField(
        _("consent until"), null=True, blank=True, help_text=_("After this date the story is taken offline.")
    )
    may_contact = models.BooleanField(_("Wiel may contact the teller"), default=False)
    keep_after_withdrawal = models.BooleanField(
        _("the text may be kept after withdrawal"),
        default=False,
        help_text=_("Without any name, only for the werkplaats to learn from. Otherwise a withdrawn story is erased."),
    )
    received_at = models.DateTimeField(_("received"), null=True, blank=True, editable=False)
    # The keys of the personal-data flags a moderator confirmed may stay (``personal_data.Flag.key``).
    confirmed_flags = models.JSONField(default=list, blank=True, editable=False)

    base_form_class = StoryAdminForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("story"),
        FieldPanel("confirm_flags", heading=_("What looks like personal data")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("teller"), FieldPanel("age_band")]),
                FieldPanel("teller_name"),
                FieldPanel("teller_email"),
                FieldRowPanel([FieldPanel("municipality"), FieldPanel("youth_region")]),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who and where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("source"), FieldPanel("source_note")]),
                FieldRowPanel([FieldPanel("publication"), FieldPanel("consent_until")]),
                FieldRowPanel([FieldPanel("may_contact"), FieldPanel("keep_after_withdrawal")]),
            ],
            heading=_("Source and consent"),
        ),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("story"),
        index.FilterField("teller"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    # Never the teller's e-mail address; the first name only as ``shown_name`` (with consent).
    api_fields = [
        APIField("summary"),
        APIField("teller"),
        APIField("shown_name"),
        APIField("age_band"),
        APIField("themes", serializer=TermSerializer(many=True)),
        APIField("municipality", serializer=MunicipalitySerializer()),
        APIField("youth_region", serializer=YouthRegionSerializer()),
        APIField("story"),
        APIField("source"),
        APIField("source_note"),
        APIField("consent_until"),
        APIField("werkplaats"),
    ]
    api_select = ("werkplaats", "municipality__province", "municipality__youth_region", "youth_region")
    api_prefetch = ("themes",)
    parent_page_types = ["learning.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lived-experience story")
        verbose_name_plural = _("lived-experience stories")

    @property
    def paragraphs(self):
        return [part.strip() for part in self.story.split("\n\n") if part.strip()]

    @property
    def shown_name(self):
        return self.teller_name if self.publication == self.Publication.WITH_FIRST_NAME else ""

    def unresolved_flags(self):
        return personal_data.unresolved(f"{self.title}\n\n{self.summary}\n\n{self.story}", self.confirmed_flags)

    def publication_problems(self):
        """(field, why) for every reason this story may not go live now; empty when it may."""
        problems = []
        if self.unresolved_flags():
            problems.append(
                (
                    "confirm_flags",
                    _("Resolve every flag under “What looks like personal data” first: edit or confirm it."),
                )
            )
        if self.publication == self.Publication.NOT_PUBLIC:
            problems.append(("publication", _("The teller's consent does not allow publishing this story.")))
        if self.consent_until and self.consent_until < timezone.localdate():
            problems.append(("consent_until", _("The teller's consent has ended.")))
        return problems

    def publish(self, revision, *args, **kwargs):
        """The backstop behind the editor's form: a workflow's approval from the dashboard, a bulk
        publish and a scheduled go-live come through here (the editor's own publish is refused
        by ``StoryAdminForm``). Only what the revision's content decides is checked, so a
        scheduled go-live never fails on the calendar and stops the others with it."""
        story = revision.as_object()
        problems = [problem for field, problem in story.publication_problems() if field != "consent_until"]
        if problems:
            raise ValidationError(problems)
        return super().publish(revision, *args, **kwargs)
