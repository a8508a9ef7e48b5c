"""The opportunities log (kansenlog) and the projects that come out of it.

Anyone may send in an opportunity; it arrives as a draft page below its werkplaats' log and goes
live only when a moderator publishes it. The werkplaats scores the published ones on criteria it
defines itself (each with a weight); the ranking follows from the scores. A chosen opportunity may
become a project: budget, period, lead organisation, status, dated updates, linked ambitions and
practices. A project that proves itself becomes a practice example with one action.

What the werkplaats decides about an opportunity (its scores, that it was chosen, which stage its
submitter was last told) is not page content: it lives in ``Assessment`` and ``Progress``, keyed
by the opportunity's ``translation_key``, so an older revision never undoes it. The stage is
worked out from those and the projects (``stages`` below), never typed; ``opportunities.stages``
tells the submitter when it moves on.
"""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.models import BasePage, SectionIndexPage, Theme, WerkplaatsContentPage
from core.routes import LocalizedRoutablePageMixin, answer, localized_path
from core.widgets import MunicipalityChooser
from practices.serializers import MunicipalitySerializer, TermSerializer

from .choices import ProjectStatus, Stage

WEIGHTS = [(weight, str(weight)) for weight in range(1, 6)]
HIGHEST_SCORE = 5


class OpportunityIndexPage(LocalizedRoutablePageMixin, SectionIndexPage):
    """The log: below a werkplaats its own opportunities and the criteria it weighs them by, below
    the home page those of all werkplaatsen. Its form takes new opportunities from anyone."""

    subpage_types = ["opportunities.OpportunityPage"]
    lists_untranslated = True

    content_panels = [
        *SectionIndexPage.content_panels,
        InlinePanel("criteria", heading=_("Criteria"), label=_("criterion")),
    ]

    class Meta:
        verbose_name = _("opportunities log")
        verbose_name_plural = _("opportunities logs")

    def get_opportunities(self):
        return self.in_scope(OpportunityPage.objects.all()).select_related("werkplaats")

    @path("")
    def index(self, request):
        return answer(self, "opportunity_log", request)

    @localized_path({"nl": "kans-indienen/", "en": "submit-an-opportunity/"}, name="submit")
    def submit(self, request):
        return answer(self, "submit_opportunity", request)

    @localized_path({"nl": "mijn-kans/<str:token>/", "en": "my-opportunity/<str:token>/"}, name="submitter")
    def submitter(self, request, token):
        return answer(self, "submitter_page", request, token)


class Criterion(TranslatableMixin, Orderable):
    """What a werkplaats weighs its opportunities by, such as reach, fit with the ambition,
    feasibility or the involvement of lived experience; a score runs from 0 to 5."""

    page = ParentalKey(OpportunityIndexPage, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=120)
    description = models.CharField(_("what scores high"), max_length=300, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), choices=WEIGHTS, default=1)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("weight")]), FieldPanel("description")]
    translatable_fields = [TranslatableField("name"), TranslatableField("description"), SynchronizedField("weight")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return self.name


class OpportunityPage(WerkplaatsContentPage):
    """One opportunity as it was sent in (and edited by the moderator): what, for whom, where,
    who is involved and what it may cost. The submitter's name and address are never shown."""

    description = models.TextField(_("what is the opportunity"), help_text=_("A blank line starts a paragraph."))
    for_whom = models.TextField(_("for whom"), blank=True)
    involved = models.TextField(_("who is involved"), blank=True)
    estimated_cost = models.DecimalField(
        _("estimated cost (euros)"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="opportunities")
    municipalities = ParentalManyToManyField(
        "geography.Municipality", verbose_name=_("where"), blank=True, related_name="opportunities"
    )
    submitter_name = models.CharField(_("submitted by"), max_length=120, blank=True, help_text=_("Never shown."))
    submitter_email = models.EmailField(
        _("submitter's e-mail address"),
        blank=True,
        help_text=_("Never shown: the submitter is told here when the opportunity changes stage."),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("for_whom"),
        FieldPanel("municipalities", widget=MunicipalityChooser),
        FieldPanel("involved"),
        FieldPanel("estimated_cost"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("submitter_name"), FieldPanel("submitter_email")]), FieldPanel("received_at")],
            heading=_("Submitted by"),
        ),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("for_whom"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("description"),
        APIField("for_whom"),
        APIField("involved"),
        APIField("estimated_cost"),
        APIField("themes", serializer=TermSerializer(many=True)),
        APIField("municipalities", serializer=MunicipalitySerializer(many=True)),
        APIField("werkplaats"),
        APIField("stage"),
    ]
    api_prefetch = ("themes", "municipalities__province", "municipalities__youth_region")
    parent_page_types = ["opportunities.OpportunityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")

    @property
    def paragraphs(self):
        return [part.strip() for part in self.description.split("\n\n") if part.strip()]

    @property
    def year(self):
        return timezone.localtime(self.received_at).year

    @property
    def stage(self):
        return stage_of(self).value

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stage"] = stage_of(self)
        context["projects"] = (
            ProjectPage.objects.live().public().filter(opportunity__translation_key=self.translation_key)
        )
        return context


class Progress(models.Model):
    """What the werkplaats decided about one opportunity (all languages): when it was chosen, by
    whom, and which stage its submitter was last told of."""

    opportunity_key = models.UUIDField(unique=True)
    chosen_on = models.DateField(_("chosen on"), null=True, blank=True)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    told_stage = models.CharField(max_length=14, choices=Stage.choices, blank=True)

    class Meta:
        verbose_name = _("progress of an opportunity")
        verbose_name_plural = _("progress of opportunities")

    def __str__(self):
        return str(self.opportunity_key)


class Assessment(models.Model):
    """One score (0 to 5) of one opportunity on one criterion."""

    opportunity_key = models.UUIDField()
    criterion_key = models.UUIDField()
    score = models.PositiveSmallIntegerField(_("score"), validators=[MaxValueValidator(HIGHEST_SCORE)])
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scored_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["opportunity_key", "criterion_key"], name="opportunities_one_score"),
            models.CheckConstraint(condition=models.Q(score__lte=HIGHEST_SCORE), name="opportunities_score_range"),
        ]

    def __str__(self):
        return str(self.score)


class ProjectIndexPage(SectionIndexPage):
    """The projects: below a werkplaats its own, below the home page those of all werkplaatsen."""

    subpage_types = ["opportunities.ProjectPage"]
    lists_untranslated = True

    class Meta:
        verbose_name = _("projects overview")
        verbose_name_plural = _("projects overviews")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects = self.in_scope(ProjectPage.objects.all()).select_related("werkplaats").order_by("-starts_on", "title")
        status = request.GET.get("status", "")
        if status in ProjectStatus.values:
            projects = projects.filter(status=status)
        context.update(projects=projects, statuses=ProjectStatus.choices, active_status=status)
        return context


class ProjectPage(WerkplaatsContentPage):
    """A project funded from an opportunity: budget, period, lead organisation, status, its
    results as dated updates, and the ambitions and practices it is linked to."""

    Status = ProjectStatus

    opportunity = models.ForeignKey(
        OpportunityPage,
        verbose_name=_("from the opportunity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    description = models.TextField(_("what the project does"), help_text=_("A blank line starts a paragraph."))
    budget_granted = models.DecimalField(
        _("budget granted (euros)"), max_digits=12, decimal_places=0, validators=[MinValueValidator(Decimal(0))]
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    lead_organisation = models.CharField(_("lead organisation"), max_length=160)
    status = models.CharField(
        _("status"), max_length=14, choices=ProjectStatus.choices, default=ProjectStatus.PREPARING
    )
    why_stopped = models.TextField(_("why it stopped"), blank=True)
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="projects")
    municipalities = ParentalManyToManyField(
        "geography.Municipality", verbose_name=_("municipalities"), blank=True, related_name="projects"
    )
    ambitions = ParentalManyToManyField(
        "ambitions.AmbitionPage", verbose_name=_("ambitions it serves"), blank=True, related_name="projects"
    )
    practices = ParentalManyToManyField(
        "practices.PracticePage", verbose_name=_("practices it uses"), blank=True, related_name="projects"
    )
    became_practice = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("published as the practice example"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        PageChooserPanel("opportunity", "opportunities.OpportunityPage"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("budget_granted"), FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel([FieldPanel("lead_organisation"), FieldPanel("status")]),
        FieldPanel("why_stopped"),
        FieldPanel("municipalities", widget=MunicipalityChooser),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("ambitions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("practices"),
        InlinePanel("updates", heading=_("Results"), label=_("update")),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("lead_organisation"),
        index.FilterField("status"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("updates", [index.SearchField("text")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("opportunity"),
        APIField("description"),
        APIField("budget_granted"),
        APIField("starts_on"),
        APIField("ends_on"),
        APIField("lead_organisation"),
        APIField("status"),
        APIField("why_stopped"),
        APIField("themes", serializer=TermSerializer(many=True)),
        APIField("municipalities", serializer=MunicipalitySerializer(many=True)),
        APIField("ambitions"),
        APIField("practices"),
        APIField("became_practice"),
        APIField("updates"),
        APIField("werkplaats"),
    ]
    api_select = ("werkplaats", "opportunity", "became_practice")
    api_prefetch = ("themes", "municipalities__province", "municipalities__youth_region", "ambitions", "practices")
    parent_page_types = ["opportunities.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    @property
    def paragraphs(self):
        return [part.strip() for part in self.description.split("\n\n") if part.strip()]

    def clean(self):
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A project ends on or after the day it starts.")})
        if self.status == ProjectStatus.STOPPED and not self.why_stopped.strip():
            raise ValidationError({"why_stopped": _("Say why the project stopped: others learn most from this.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["updates"] = sorted(self.updates.all(), key=lambda update: update.happened_on, reverse=True)
        context["ambitions"] = [page for page in self.ambitions.all() if page.live]
        context["practices"] = [page for page in self.practices.all() if page.live]
        return context


class ProjectUpdate(TranslatableMixin, Orderable):
    """A dated result of a project, as it happened."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="updates")
    happened_on = models.DateField(_("date"))
    text = models.TextField(_("what happened"))

    panels = [FieldPanel("happened_on"), FieldPanel("text")]
    translatable_fields = [SynchronizedField("happened_on"), TranslatableField("text")]
    api_fields = [APIField("happened_on"), APIField("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("update")
        verbose_name_plural = _("updates")

    def __str__(self):
        return f"{self.happened_on:%Y-%m-%d}"


def stages(keys):
    """{opportunity translation key: Stage} for ``keys``, in two queries."""
    keys = set(keys)
    found = dict.fromkeys(keys, Stage.SUBMITTED)
    for key in Progress.objects.filter(opportunity_key__in=keys, chosen_on__isnull=False).values_list(
        "opportunity_key", flat=True
    ):
        found[key] = Stage.PRIORITISED
    projects = ProjectPage.objects.live().filter(opportunity__translation_key__in=keys)
    for key, status in projects.values_list("opportunity__translation_key", "status"):
        stage = Stage.FINISHED if ProjectPage.Status(status).ended else Stage.FUNDED
        if stage.rank > found[key].rank:
            found[key] = stage
    return found


def stage_of(opportunity):
    return stages([opportunity.translation_key])[opportunity.translation_key]
