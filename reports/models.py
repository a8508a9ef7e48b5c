"""Annual reports (jaarverslagen): per werkplaats per year, the editors' own words beside the
facts and figures the site counts from its records (``reports.figures``).

The counted figures are frozen when the report is first published (``snapshot``), so a
published report never changes afterwards: a later event, a late registration or an erased
list changes nothing in it. "Recalculate" in the admin shows what would change before it saves
a new revision with new figures (``reports.admin_views``). Figures the site cannot count (money
spent, conversations held) are typed in as reported figures, with their source, and shown apart.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ambitions import values
from ambitions.choices import Unit
from core.models import BasePage, SectionIndexPage, WerkplaatsContentPage, WerkplaatsPage
from core.routes import LocalizedRoutablePageMixin, answer, localized_path

from .charts import charts_of
from .figures import calculate
from .presenting import present

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol", "h3"]


class ReportIndexPage(SectionIndexPage):
    """The annual reports: below a werkplaats its own, below the home page those of all werkplaatsen."""

    subpage_types = ["reports.AnnualReportPage"]
    lists_untranslated = True

    class Meta:
        verbose_name = _("annual reports overview")
        verbose_name_plural = _("annual reports overviews")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["reports"] = (
            self.in_scope(AnnualReportPage.objects.all())
            .select_related("werkplaats")
            .order_by("-year", "werkplaats__title")
        )
        return context


class AnnualReportPage(LocalizedRoutablePageMixin, WerkplaatsContentPage):
    """One werkplaats' account of one year."""

    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    foreword = RichTextField(_("foreword"), blank=True, features=TEXT_FEATURES)
    highlights = RichTextField(_("highlights"), blank=True, features=TEXT_FEATURES)
    findings = RichTextField(_("findings"), blank=True, features=TEXT_FEATURES)
    challenges = RichTextField(_("challenges"), blank=True, features=TEXT_FEATURES)
    # The counted figures as frozen on first publish (reports.figures.calculate); empty until then.
    snapshot = models.JSONField(default=dict, blank=True, editable=False)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("year"),
        FieldPanel("summary"),
        FieldPanel("foreword"),
        FieldPanel("highlights"),
        FieldPanel("findings"),
        FieldPanel("challenges"),
        MultiFieldPanel(
            [
                HelpPanel(template="reports/admin/figures_help.html"),
                InlinePanel("reported_figures", label=_("reported figure")),
            ],
            heading=_("Facts and figures"),
        ),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("foreword"),
        index.SearchField("highlights"),
        index.SearchField("findings"),
        index.SearchField("challenges"),
        index.FilterField("year"),
    ]
    api_fields = [
        APIField("year"),
        APIField("summary"),
        APIField("foreword"),
        APIField("highlights"),
        APIField("findings"),
        APIField("challenges"),
        APIField("reported_figures"),
        APIField("snapshot"),
        APIField("werkplaats"),
    ]
    api_select = ("werkplaats",)
    parent_page_types = ["reports.ReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")

    def clean(self):
        super().clean()
        if self.year and self.year > timezone.localdate().year:
            raise ValidationError({"year": _("A year that has not begun has nothing to report yet.")})
        if not self.path:
            return  # not in the tree yet: checked again when it is added (Page.save cleans)
        werkplaats = self.werkplaats_page()
        if werkplaats is None:
            raise ValidationError(_("An annual report belongs to a werkplaats: add it to the werkplaats' reports."))
        same = AnnualReportPage.objects.filter(locale_id=self.locale_id, year=self.year).exclude(pk=self.pk)
        if self.year and same.descendant_of(werkplaats).exists():
            raise ValidationError({"year": _("This werkplaats has a report of this year already.")})

    def live_figures(self):
        return calculate(self.werkplaats_page(), self.year)

    def werkplaats_page(self):
        return WerkplaatsPage.objects.ancestor_of(self).first() if self.path else None

    @property
    def figures(self):
        """The frozen figures once published; the figures as they stand now before that (a draft's preview)."""
        return self.snapshot or self.live_figures()

    def publish(self, revision, *args, **kwargs):
        """Freeze the figures on first publish: the revision published carries them from then on."""
        report = revision.as_object()
        if not report.snapshot:
            report.snapshot = report.live_figures()
            revision.content["snapshot"] = report.snapshot
            revision.save(update_fields=["content"])
        return super().publish(revision, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        figures = self.figures
        context["report"] = present(figures)
        context["charts"] = [(row, drawn) for row, drawn in charts_of(figures) if drawn is not None]
        context["reported"] = list(self.reported_figures.all())
        context["other_years"] = self.other_years()
        return context

    def other_years(self):
        werkplaats = self.werkplaats_page()
        if werkplaats is None:
            return AnnualReportPage.objects.none()
        return (
            AnnualReportPage.objects.live()
            .filter(locale_id=self.locale_id)
            .descendant_of(werkplaats)
            .exclude(pk=self.pk)
            .order_by("-year")
        )

    @path("")
    def index(self, request):
        return self.render(request)

    @localized_path({"nl": "cijfers/<slug:key>/", "en": "figures/<slug:key>/"}, name="figure")
    def figure(self, request, key):
        return answer(self, "figure_records", request, key)

    @path("pdf/", name="pdf")
    def pdf(self, request):
        return answer(self, "report_pdf", request)

    @path("csv/", name="csv")
    def csv(self, request):
        return answer(self, "figures_csv", request)

    @path("json/", name="json")
    def json(self, request):
        return answer(self, "figures_json", request)

    @localized_path({"nl": "vergelijk/<int:other>/", "en": "compare/<int:other>/"}, name="compare")
    def compare(self, request, other):
        return answer(self, "compare_years", request, other)


class ReportedFigure(TranslatableMixin, Orderable):
    """A figure the werkplaats reports that the site cannot count (money spent, conversations
    held, aldermen met), with its source; shown apart from the counted figures."""

    page = ParentalKey(AnnualReportPage, on_delete=models.CASCADE, related_name="reported_figures")
    label = models.CharField(_("what"), max_length=160, help_text=_("For example “Gesprekken gevoerd”."))
    value = models.DecimalField(_("value"), max_digits=15, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices, default=Unit.COUNT)
    approximate = models.BooleanField(_("about"), default=False, help_text=_("Shown as “about …”."))
    source = models.CharField(_("source"), max_length=200)

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("value"), FieldPanel("unit"), FieldPanel("approximate")]),
        FieldPanel("source"),
    ]
    translatable_fields = [
        TranslatableField("label"),
        SynchronizedField("value"),
        SynchronizedField("unit"),
        SynchronizedField("approximate"),
        TranslatableField("source"),
    ]
    api_fields = [APIField("label"), APIField("value"), APIField("unit"), APIField("approximate"), APIField("source")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("reported figure")
        verbose_name_plural = _("reported figures")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.value is not None and self.unit in Unit.values:
            try:
                values.check_value(self.value, self.unit)
            except values.BadValue as problem:
                raise ValidationError({"value": str(problem)}) from problem

    @property
    def shown(self):
        return values.with_unit(self.value, self.unit)
