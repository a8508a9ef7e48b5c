"""Practice examples (praktijkvoorbeelden) and the record of where they were used.

A practice lives below the werkplaats that owns it. Besides *what* it is and how
strong its evidence is, it records every implementation: where, when, under which
local conditions, what was adapted and how it ended. The fit check
(``practices.fit``) reads that record to tell a professional whether the practice
suits their own municipality.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock
from core.documents import text_of
from core.models import BasePage, SectionIndexPage, Term, WerkplaatsContentPage
from core.routes import LocalizedRoutablePageMixin, answer, localized_path
from core.widgets import MunicipalityChooser
from geography.models import Municipality

from .serializers import MunicipalitySerializer, TermSerializer

MAX_AGE = 27
REVIEW_INTERVAL_YEARS = 2
KNOWLEDGE_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def review_threshold():
    """The date a practice's last review must not lie before: REVIEW_INTERVAL_YEARS ago today."""
    today = timezone.localdate()
    try:
        return today.replace(year=today.year - REVIEW_INTERVAL_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - REVIEW_INTERVAL_YEARS, day=28)


# Page types a practice can point to as related reading.
RELATED_PAGE_TYPES = ["practices.PracticePage", "articles.ArticlePage"]


class PartnerType(Term):
    """A kind of partner a practice needs or an implementation worked with (school, huisarts...)."""

    class Meta(Term.Meta):
        verbose_name = _("partner type")
        verbose_name_plural = _("partner types")


class Evidence(models.TextChoices):
    """The recognition ladder of the NJi and Movisie databanks, weakest first."""

    NOT_ASSESSED = "niet-beoordeeld", _("not assessed")
    WELL_DESCRIBED = "goed-beschreven", _("well described")
    WELL_FOUNDED = "goed-onderbouwd", _("well founded")
    EFFECTIVE_FIRST = "effectief-eerste", _("effective: first indications")
    EFFECTIVE_GOOD = "effectief-goede", _("effective: good indications")
    EFFECTIVE_STRONG = "effectief-sterke", _("effective: strong indications")


EVIDENCE_RANK = {value: rank for rank, value in enumerate(Evidence.values)}


class CostBand(models.IntegerChoices):
    """Cost per child or family reached, per year, after the EIF Guidebook's 1-5 cost rating."""

    VERY_LOW = 1, _("1, very low: under €100 per child or family a year")
    LOW = 2, _("2, low: €100-500 per child or family a year")
    MEDIUM = 3, _("3, medium: €500-1,000 per child or family a year")
    HIGH = 4, _("4, high: €1,000-2,000 per child or family a year")
    VERY_HIGH = 5, _("5, very high: over €2,000 per child or family a year")


# The euro range of each band, for a badge: the unit and period are in its label.
COST_RANGES = {
    CostBand.VERY_LOW: _("under €100"),
    CostBand.LOW: _("€100-500"),
    CostBand.MEDIUM: _("€500-1,000"),
    CostBand.HIGH: _("€1,000-2,000"),
    CostBand.VERY_HIGH: _("over €2,000"),
}


class PracticeIndexPage(LocalizedRoutablePageMixin, SectionIndexPage):
    """Lists practices: below a werkplaats its own, below the home page all of them."""

    subpage_types = ["practices.PracticePage"]

    class Meta:
        verbose_name = _("practice overview")
        verbose_name_plural = _("practice overviews")

    def get_practices(self):
        return self.in_scope(PracticePage.objects.all())

    @path("")
    def index(self, request):
        return answer(self, "practice_listing", request)

    @localized_path({"nl": "vergelijk/", "en": "compare/"}, name="compare")
    def compare(self, request):
        return answer(self, "practice_comparison", request)

    @path("csv/", name="csv")
    def csv(self, request):
        return answer(self, "practice_csv", request)


class PracticePage(LocalizedRoutablePageMixin, WerkplaatsContentPage):
    aim = models.TextField(_("aim (doel)"), help_text=_("What the practice sets out to achieve, in a few sentences."))
    target_groups = ParentalManyToManyField("core.TargetGroup", verbose_name=_("target groups"), blank=True)
    age_min = models.PositiveSmallIntegerField(
        _("age from"), default=0, validators=[MaxValueValidator(MAX_AGE)], help_text=_("In years.")
    )
    age_max = models.PositiveSmallIntegerField(
        _("age to"), default=18, validators=[MaxValueValidator(MAX_AGE)], help_text=_("In years, up to 27.")
    )
    care_settings = ParentalManyToManyField("core.CareSetting", verbose_name=_("settings"), blank=True)
    themes = ParentalManyToManyField("core.Theme", verbose_name=_("themes"), blank=True)

    approach = StreamField(BodyBlock, verbose_name=_("approach (aanpak)"), blank=True)

    evidence_level = models.CharField(
        _("recognition (NJi/Movisie)"), max_length=20, choices=Evidence, default=Evidence.NOT_ASSESSED
    )
    databank_url = models.URLField(
        _("databank record"), blank=True, help_text=_("The practice's page in the NJi or Movisie databank, if any.")
    )
    evidence_summary = RichTextField(
        _("research it rests on"), blank=True, features=KNOWLEDGE_FEATURES, help_text=_("Studies and evaluations.")
    )

    research_knowledge = RichTextField(_("what research says"), blank=True, features=KNOWLEDGE_FEATURES)
    professional_knowledge = RichTextField(_("what professionals learned"), blank=True, features=KNOWLEDGE_FEATURES)
    lived_experience_knowledge = RichTextField(
        _("what young people and parents say (ervaringskennis)"), blank=True, features=KNOWLEDGE_FEATURES
    )

    cost_band = models.PositiveSmallIntegerField(_("cost band"), choices=CostBand, null=True, blank=True)
    cost_notes = models.TextField(_("what the costs cover"), blank=True)
    staff_needed = models.TextField(_("staff"), blank=True)
    training_needed = models.TextField(_("training"), blank=True)
    time_needed = models.TextField(_("time"), blank=True)
    partners_needed = ParentalManyToManyField(
        PartnerType, verbose_name=_("partners needed"), blank=True, related_name="practices_needing"
    )
    partners_indispensable = ParentalManyToManyField(
        PartnerType,
        verbose_name=_("partners it cannot do without"),
        blank=True,
        related_name="practices_depending",
        help_text=_(
            "Tick only the partners without whom it does not work. A reader who lacks one gets a "
            "lower fit; the other partners needed only count in favour when the reader has them."
        ),
    )
    partners_why = models.TextField(
        _("why it cannot do without them"),
        blank=True,
        help_text=_("One or two sentences the fit check shows beside the partners it cannot do without."),
    )

    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_role = models.CharField(_("role"), max_length=160, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    # Derived on every save (see ``save``): the parts of the regional-fit record the fit check
    # reads, so a listing sorted by fit costs one query however many practices there are.
    fit_profile = models.JSONField(default=dict, editable=False)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("aim"),
        MultiFieldPanel(
            [
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldPanel("care_settings", widget=forms.CheckboxSelectMultiple),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("For whom and where"),
        ),
        FieldPanel("approach"),
        InlinePanel("working_elements", heading=_("Working elements (werkzame elementen)"), label=_("element")),
        MultiFieldPanel(
            [FieldPanel("evidence_level"), FieldPanel("databank_url"), FieldPanel("evidence_summary")],
            heading=_("Evidence"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("research_knowledge"),
                FieldPanel("professional_knowledge"),
                FieldPanel("lived_experience_knowledge"),
            ],
            heading=_("Three knowledge sources"),
        ),
        InlinePanel("sources", heading=_("Sources"), label=_("source")),
        MultiFieldPanel(
            [
                FieldPanel("cost_band"),
                FieldPanel("cost_notes"),
                FieldPanel("staff_needed"),
                FieldPanel("training_needed"),
                FieldPanel("time_needed"),
                FieldPanel("partners_needed", widget=forms.CheckboxSelectMultiple),
                FieldPanel("partners_indispensable", widget=forms.CheckboxSelectMultiple),
                FieldPanel("partners_why"),
            ],
            heading=_("Costs and implementation needs"),
        ),
        InlinePanel(
            "implementations",
            heading=_("Where it was used (regional-fit record)"),
            label=_("implementation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_role"), FieldPanel("contact_email")]),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Contact and review"),
        ),
        InlinePanel("documents", heading=_("Documents and factsheets"), label=_("document")),
        InlinePanel("related_pages", heading=_("Related practices, events and articles"), label=_("related page")),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("listing_image")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("aim"),
        index.SearchField("approach"),
        index.SearchField("research_knowledge"),
        index.SearchField("professional_knowledge"),
        index.SearchField("lived_experience_knowledge"),
        index.FilterField("evidence_level"),
        index.FilterField("cost_band"),
        index.FilterField("werkplaats"),
        index.RelatedFields("working_elements", [index.SearchField("name"), index.SearchField("explanation")]),
        index.RelatedFields("themes", [index.SearchField("name"), index.SearchField("name_en")]),
        index.RelatedFields("target_groups", [index.SearchField("name"), index.SearchField("name_en")]),
        index.SearchField("document_text"),
        index.SearchField("partner_text"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("aim"),
        APIField("target_groups", serializer=TermSerializer(many=True)),
        APIField("age_min"),
        APIField("age_max"),
        APIField("care_settings", serializer=TermSerializer(many=True)),
        APIField("themes", serializer=TermSerializer(many=True)),
        APIField("approach"),
        APIField("working_elements"),
        APIField("evidence_level"),
        APIField("databank_url"),
        APIField("evidence_summary"),
        APIField("research_knowledge"),
        APIField("professional_knowledge"),
        APIField("lived_experience_knowledge"),
        APIField("sources"),
        APIField("cost_band"),
        APIField("cost_notes"),
        APIField("staff_needed"),
        APIField("training_needed"),
        APIField("time_needed"),
        APIField("partners_needed", serializer=TermSerializer(many=True)),
        APIField("partners_indispensable", serializer=TermSerializer(many=True)),
        APIField("partners_why"),
        APIField("implementations"),
        APIField("werkplaats"),
        APIField("contact_name"),
        APIField("contact_role"),
        APIField("contact_email"),
        APIField("last_reviewed"),
        APIField("documents"),
        APIField("related_pages"),
    ]

    # What api_fields read, fetched for a whole API listing at once (site_/api.py).
    api_select = ("werkplaats", "werkplaats__locale")
    api_prefetch = (
        "target_groups",
        "care_settings",
        "themes",
        "partners_needed",
        "partners_indispensable",
        "working_elements",
        "sources",
        "documents__document",
        "related_pages__target",
        "implementations__partners",
        models.Prefetch(
            "implementations__municipalities",
            queryset=Municipality.objects.select_related("province", "youth_region"),
        ),
    )

    # Explicit, so that facts (ages, levels, municipalities, contact details) are kept in step
    # with the Dutch page on every sync and only words go to the translator. The taxonomies
    # must be named: wagtail-localize leaves many-to-many fields out of its own list.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus"),
        SynchronizedField("listing_image"),
        TranslatableField("summary"),
        TranslatableField("aim"),
        SynchronizedField("target_groups"),
        SynchronizedField("age_min"),
        SynchronizedField("age_max"),
        SynchronizedField("care_settings"),
        SynchronizedField("themes"),
        TranslatableField("approach"),
        TranslatableField("working_elements"),
        SynchronizedField("evidence_level"),
        SynchronizedField("databank_url"),
        TranslatableField("evidence_summary"),
        TranslatableField("research_knowledge"),
        TranslatableField("professional_knowledge"),
        TranslatableField("lived_experience_knowledge"),
        TranslatableField("sources"),
        SynchronizedField("cost_band"),
        TranslatableField("cost_notes"),
        TranslatableField("staff_needed"),
        TranslatableField("training_needed"),
        TranslatableField("time_needed"),
        SynchronizedField("partners_needed"),
        SynchronizedField("partners_indispensable"),
        TranslatableField("partners_why"),
        TranslatableField("implementations"),
        SynchronizedField("contact_name"),
        TranslatableField("contact_role"),
        SynchronizedField("contact_email"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("documents"),
        SynchronizedField("related_pages"),
    ]
    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def document_text(self):
        """The text of the attached documents (factsheets), read when they were uploaded."""
        return text_of([link.document_id for link in self.documents.all()])

    def partner_text(self):
        """The partners it needs and those its implementations worked with, by their Dutch and
        English names and as named locally, so that "JGZ" or "leerplicht" finds the practice."""
        partners = {*self.partners_needed.all()}
        notes = []
        for implementation in self.implementations.all():
            partners.update(implementation.partners.all())
            notes.append(implementation.partners_note)
        names = sorted({name for partner in partners for name in (partner.name, partner.name_en) if name})
        return " ".join([*names, *filter(None, notes)])

    def clean(self):
        super().clean()
        self.check_ranges()

    def check_ranges(self):
        """The rules that span fields; shared by the admin form and import_practices."""
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValidationError({"age_max": _("The upper age must not be below the lower age.")})
        if self.last_reviewed and self.last_reviewed > timezone.localdate():
            raise ValidationError({"last_reviewed": _("The review date cannot lie in the future.")})

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            # A partner it cannot do without is needed too, also where the editor ticked only the first.
            needed = list(self.partners_needed.all())
            extra = [partner for partner in self.partners_indispensable.all() if partner not in needed]
            if extra:
                self.partners_needed = needed + extra
            self.fit_profile = self.build_fit_profile()
        return super().save(*args, **kwargs)

    def build_fit_profile(self):
        """What the fit check needs, read from the (possibly unsaved) regional-fit record."""
        return {
            "partners_needed": sorted(partner.slug for partner in self.partners_needed.all()),
            "partners_indispensable": sorted(partner.slug for partner in self.partners_indispensable.all()),
            "partners_why": self.partners_why,
            "implementations": [
                {
                    "municipalities": sorted(municipality.pk for municipality in implementation.municipalities.all()),
                    "urbanisation": implementation.urbanisation_class,
                    "population": implementation.population,
                    "density": implementation.density,
                    "outcome": implementation.outcome,
                    "started": implementation.started,
                    "ended": implementation.ended,
                    "why_not": implementation.why_not_carried_over,
                }
                for implementation in self.implementations.all()
            ],
        }

    @property
    def cost_badge(self):
        """'Costs €500-1,000 per child or family a year', or '' when the band is unknown."""
        if not self.cost_band:
            return ""
        return _("Costs %(range)s per child or family a year") % {"range": COST_RANGES[self.cost_band]}

    @property
    def review_due(self):
        """True when the last review is more than two years ago (or never happened)."""
        return not self.last_reviewed or self.last_reviewed < review_threshold()

    @property
    def evidence_rank(self):
        return EVIDENCE_RANK.get(self.evidence_level, 0)

    @property
    def municipality_ids_used(self):
        ids = set()
        for implementation in self.fit_profile.get("implementations", []):
            ids.update(implementation["municipalities"])
        return ids

    @path("")
    def index(self, request):
        return answer(self, "practice_detail", request)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return answer(self, "practice_pdf", request)


class WorkingElement(TranslatableMixin, Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="working_elements")
    name = models.CharField(_("element"), max_length=200)
    explanation = models.TextField(_("explanation"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("explanation")]
    api_fields = [APIField("name"), APIField("explanation")]
    translatable_fields = [TranslatableField("name"), TranslatableField("explanation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("working element")
        verbose_name_plural = _("working elements")

    def __str__(self):
        return self.name


class PracticeSource(TranslatableMixin, Orderable):
    """A source behind one of the three knowledge sources."""

    class Knowledge(models.TextChoices):
        RESEARCH = "onderzoek", _("research")
        PROFESSIONAL = "praktijk", _("professional experience")
        LIVED_EXPERIENCE = "ervaring", _("ervaringskennis of young people and parents")

    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="sources")
    knowledge = models.CharField(_("knowledge source"), max_length=12, choices=Knowledge.choices)
    citation = models.CharField(_("source"), max_length=400)
    url = models.URLField(_("link"), blank=True)

    panels = [FieldPanel("knowledge"), FieldPanel("citation"), FieldPanel("url")]
    api_fields = [APIField("knowledge"), APIField("citation"), APIField("url")]
    translatable_fields = [SynchronizedField("knowledge"), TranslatableField("citation"), SynchronizedField("url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.citation


class Implementation(TranslatableMixin, ClusterableModel, Orderable):
    """One time and place a practice was used: the unit of the regional-fit record."""

    class Outcome(models.TextChoices):
        ONGOING = "loopt", _("still running (pilot)")
        CONTINUED = "voortgezet", _("continued")
        SCALED_UP = "opgeschaald", _("scaled up")
        STOPPED = "gestopt", _("stopped")

    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="implementations")
    municipalities = ParentalManyToManyField(
        "geography.Municipality", verbose_name=_("municipalities"), related_name="practice_implementations"
    )
    started = models.PositiveSmallIntegerField(
        _("started (year)"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    ended = models.PositiveSmallIntegerField(
        _("ended (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Leave empty while it runs."),
    )
    urbanisation_class = models.PositiveSmallIntegerField(
        _("urbanisation where it ran"),
        choices=Municipality.Urbanisation.choices,
        null=True,
        blank=True,
        help_text=_("CBS class of the area where it ran, if different from the municipality as a whole."),
    )
    population = models.PositiveIntegerField(
        _("inhabitants reached area"), null=True, blank=True, help_text=_("Inhabitants of the area where it ran.")
    )
    density = models.PositiveIntegerField(
        _("inhabitants per km² where it ran"),
        null=True,
        blank=True,
        help_text=_("Only if it ran in part of the municipality; otherwise the municipality's CBS figure counts."),
    )
    partners = ParentalManyToManyField(
        PartnerType, verbose_name=_("partners who took part"), blank=True, related_name="implementations"
    )
    partners_note = models.CharField(_("partners by name"), max_length=400, blank=True)
    adaptations = models.TextField(_("what was adapted"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.ONGOING)
    why_not_carried_over = models.TextField(
        _("why it did not carry over"), blank=True, help_text=_("Required when the practice stopped here.")
    )

    panels = [
        FieldPanel("municipalities", widget=MunicipalityChooser),
        FieldRowPanel([FieldPanel("started"), FieldPanel("ended")]),
        FieldRowPanel([FieldPanel("population"), FieldPanel("density"), FieldPanel("urbanisation_class")]),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partners_note"),
        FieldPanel("adaptations"),
        FieldPanel("outcome"),
        FieldPanel("why_not_carried_over"),
    ]
    api_fields = [
        APIField("municipalities", serializer=MunicipalitySerializer(many=True)),
        APIField("started"),
        APIField("ended"),
        APIField("urbanisation_class"),
        APIField("population"),
        APIField("density"),
        APIField("partners", serializer=TermSerializer(many=True)),
        APIField("partners_note"),
        APIField("adaptations"),
        APIField("outcome"),
        APIField("why_not_carried_over"),
    ]
    translatable_fields = [
        SynchronizedField("municipalities"),
        SynchronizedField("started"),
        SynchronizedField("ended"),
        SynchronizedField("urbanisation_class"),
        SynchronizedField("population"),
        SynchronizedField("density"),
        SynchronizedField("partners"),
        SynchronizedField("partners_note"),
        TranslatableField("adaptations"),
        SynchronizedField("outcome"),
        TranslatableField("why_not_carried_over"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("implementation")
        verbose_name_plural = _("implementations")

    def __str__(self):
        return f"{self.period}"

    @property
    def period(self):
        if self.ended == self.started:
            return str(self.started)
        return f"{self.started}-{self.ended or ''}"

    def clean(self):
        super().clean()
        errors = {}
        if self.started and self.started > datetime.date.today().year + 1:
            errors["started"] = _("The start year lies too far in the future.")
        if self.started and self.ended and self.ended < self.started:
            errors["ended"] = _("The end year must not be before the start year.")
        if self.outcome == self.Outcome.STOPPED and not self.why_not_carried_over.strip():
            errors["why_not_carried_over"] = _("Say why it stopped: that is what others learn most from.")
        if self.outcome == self.Outcome.ONGOING and self.ended:
            errors["outcome"] = _("A practice that has ended cannot still be running.")
        if errors:
            raise ValidationError(errors)


class PracticeDocument(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    description = models.CharField(_("description"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("description")]
    api_fields = [APIField("document"), APIField("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class RelatedPage(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="related_pages")
    target = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("target", page_type=RELATED_PAGE_TYPES)]
    api_fields = [APIField("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
