"""Ambitions (ambities) with their indicators, and the measurements that show where they stand.

An ambition and its indicators (definition, unit, direction, baseline, target) are page content:
edited, reviewed and translated like every page, with their history in revisions. The
measurements are not: a new figure needs no review round and no new revision of the ambition,
and publishing an older revision never loses one. They live in ``Measurement``, keyed by the
indicator's ``translation_key``, so the Dutch and English pages share one series; who entered
each one is kept. The status of an indicator is worked out from them on reading
(``ambitions.status``), never typed.
"""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import params
from core.models import BasePage, SectionIndexPage, Theme, WerkplaatsContentPage
from core.widgets import MunicipalityChooser
from practices.serializers import MunicipalitySerializer, TermSerializer, YouthRegionSerializer

from . import status as rules
from . import values
from .charts import chart
from .choices import Direction, Status, Unit
from .serializers import IndicatorSerializer


class AmbitionIndexPage(SectionIndexPage):
    """The ambitions: below a werkplaats its own, below the home page those of all werkplaatsen,
    as one table of every indicator with its latest figure, target and status."""

    subpage_types = ["ambitions.AmbitionPage"]
    # An English reader sees the Dutch ones too (marked with their language) until they are translated.
    lists_untranslated = True

    class Meta:
        verbose_name = _("ambitions overview")
        verbose_name_plural = _("ambitions overviews")

    def get_ambitions(self):
        return (
            self.in_scope(AmbitionPage.objects.all()).select_related("werkplaats").order_by("werkplaats__title", "path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        ambitions = self.get_ambitions()
        theme = params.slug(request.GET.get("thema"))
        if theme:
            ambitions = ambitions.filter(themes__slug=theme)
        rows = indicator_rows(ambitions)
        wanted = request.GET.get("status", "")
        counts = dict.fromkeys(Status, 0)
        for row in rows:
            counts[row.reading.status] += 1
        if wanted in Status.values:
            rows = [row for row in rows if row.reading.status == wanted]
        context.update(
            rows=rows,
            status_counts=[(state, counts[state]) for state in Status],
            active_status=wanted if wanted in Status.values else "",
            themes=Theme.objects.filter(ambitions__in=self.get_ambitions().values("pk")).distinct().order_by("name"),
            active_theme=theme or "",
        )
        return context


class AmbitionPage(WerkplaatsContentPage):
    """One shared ambition of a werkplaats (optionally for some municipalities or jeugdregio's),
    with the indicators that tell whether it is being reached."""

    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Why this ambition, and with whom. A blank line starts a paragraph.")
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="ambitions")
    youth_regions = ParentalManyToManyField(
        "geography.YouthRegion",
        verbose_name=_("jeugdregio's"),
        blank=True,
        related_name="ambitions",
        help_text=_("Only when the ambition is for some regions; empty: the whole region of the werkplaats."),
    )
    municipalities = ParentalManyToManyField(
        "geography.Municipality",
        verbose_name=_("municipalities"),
        blank=True,
        related_name="ambitions",
        help_text=_("Only when the ambition is for some municipalities."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("explanation"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("youth_regions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("municipalities", widget=MunicipalityChooser),
            ],
            heading=_("Where"),
        ),
        HelpPanel(
            template="ambitions/admin/measurements_help.html",
            heading=_("Measurements"),
        ),
        InlinePanel("indicators", heading=_("Indicators"), label=_("indicator"), min_num=1),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("explanation"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("indicators", [index.SearchField("name"), index.SearchField("definition")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("explanation"),
        APIField("themes", serializer=TermSerializer(many=True)),
        APIField("youth_regions", serializer=YouthRegionSerializer(many=True)),
        APIField("municipalities", serializer=MunicipalitySerializer(many=True)),
        APIField("werkplaats"),
        # With their status, latest figure and every measurement; never who entered one.
        APIField("indicator_list", serializer=IndicatorSerializer(many=True, source="indicators_read")),
    ]
    api_select = ("werkplaats",)
    api_prefetch = ("themes", "youth_regions", "municipalities__province", "municipalities__youth_region")
    parent_page_types = ["ambitions.AmbitionIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("ambition")
        verbose_name_plural = _("ambitions")

    @property
    def paragraphs(self):
        return [part.strip() for part in self.explanation.split("\n\n") if part.strip()]

    def indicators_read(self, today=None):
        """The indicators with their measurements and reading (``Indicator.reading``)."""
        return read(list(self.indicators.all()), today)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        indicators = self.indicators_read(today)
        for indicator in indicators:
            indicator.drawn = chart(indicator, today)
        context["indicators"] = indicators
        return context


class Indicator(TranslatableMixin, Orderable):
    """What tells whether an ambition is being reached: a definition, a unit, which way is
    better, a baseline (value, date, source) and a target (value, date)."""

    page = ParentalKey(AmbitionPage, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(
        _("indicator"), max_length=160, help_text=_("For example “Thuiszitters langer dan drie maanden”.")
    )
    definition = models.TextField(_("definition"), help_text=_("What is counted, exactly, and over which period."))
    unit = models.CharField(_("unit"), max_length=16, choices=Unit.choices)
    direction = models.CharField(_("which way is better"), max_length=14, choices=Direction.choices)
    tolerance = models.DecimalField(
        _("tolerance"),
        max_digits=15,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Only for a target value: how far from it still counts as reached."),
    )
    source = models.CharField(_("source of the figures"), max_length=200, help_text=_("Who measures it, and where."))
    baseline_value = models.DecimalField(_("baseline"), max_digits=15, decimal_places=2, null=True, blank=True)
    baseline_on = models.DateField(_("baseline date"), null=True, blank=True)
    baseline_source = models.CharField(_("source of the baseline"), max_length=200, blank=True)
    target_value = models.DecimalField(_("target"), max_digits=15, decimal_places=2, null=True, blank=True)
    target_on = models.DateField(_("target date"), null=True, blank=True)
    not_measurable_why = models.TextField(
        _("why it cannot be measured yet"),
        blank=True,
        help_text=_("Only when there is no baseline or target yet: what is missing, and what is being done about it."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("definition"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("direction"), FieldPanel("tolerance")]),
        FieldPanel("source"),
        FieldRowPanel([FieldPanel("baseline_value"), FieldPanel("baseline_on"), FieldPanel("baseline_source")]),
        FieldRowPanel([FieldPanel("target_value"), FieldPanel("target_on")]),
        FieldPanel("not_measurable_why"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("definition"),
        SynchronizedField("unit"),
        SynchronizedField("direction"),
        SynchronizedField("tolerance"),
        TranslatableField("source"),
        SynchronizedField("baseline_value"),
        SynchronizedField("baseline_on"),
        TranslatableField("baseline_source"),
        SynchronizedField("target_value"),
        SynchronizedField("target_on"),
        TranslatableField("not_measurable_why"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {**self._value_errors(), **self._date_errors()}
        if self.tolerance is not None and self.direction != Direction.TARGET:
            errors.setdefault("tolerance", _("A tolerance belongs to a target value only."))
        if None not in (self.baseline_value, self.target_value) and not errors:
            if self.direction == Direction.LOWER and self.target_value > self.baseline_value:
                errors["target_value"] = _("With “lower is better” the target is at or below the baseline.")
            if self.direction == Direction.HIGHER and self.target_value < self.baseline_value:
                errors["target_value"] = _("With “higher is better” the target is at or above the baseline.")
        if errors:
            raise ValidationError(errors)

    def _value_errors(self):
        """The baseline, target and tolerance each make sense in the indicator's unit."""
        errors = {}
        for field in ("baseline_value", "target_value", "tolerance"):
            value = getattr(self, field)
            if value is not None and self.unit in Unit.values:
                try:
                    values.check_value(value, self.unit)
                except values.BadValue as problem:
                    errors[field] = str(problem)
        return errors

    def _date_errors(self):
        """A value comes with its date; the baseline has passed, and the target comes after it."""
        errors = {}
        if (self.baseline_value is None) != (self.baseline_on is None):
            errors["baseline_on"] = _("Give the baseline's value and its date, or neither.")
        if (self.target_value is None) != (self.target_on is None):
            errors["target_on"] = _("Give the target's value and its date, or neither.")
        if self.baseline_on and self.baseline_on > timezone.localdate():
            errors.setdefault("baseline_on", _("A baseline is a figure measured on a day that has passed."))
        if self.baseline_on and self.target_on and self.target_on <= self.baseline_on:
            errors.setdefault("target_on", _("The target date comes after the baseline date."))
        return errors

    @property
    def baseline(self):
        return rules.Point(self.baseline_on, self.baseline_value) if self.baseline_on else None

    @property
    def target(self):
        return rules.Point(self.target_on, self.target_value) if self.target_on else None

    @cached_property
    def measurements(self):
        """This indicator's measurements, oldest first (``read`` fetches them for many at once)."""
        return list(Measurement.objects.filter(indicator_key=self.translation_key).order_by("measured_on"))

    def reading(self, today=None):
        points = [rules.Point(m.measured_on, m.value) for m in self.measurements]
        return rules.assess(
            self.baseline,
            self.target,
            points,
            self.direction,
            today or timezone.localdate(),
            tolerance=self.tolerance or Decimal(0),
            reason=self.not_measurable_why,
        )

    def shown(self, value):
        return values.with_unit(value, self.unit)

    @property
    def latest_shown(self):
        latest = self.read_as.latest
        return self.shown(latest.value) if latest else ""

    @property
    def target_shown(self):
        return self.shown(self.target_value)

    @property
    def tolerance_shown(self):
        return self.shown(self.tolerance)

    @property
    def baseline_shown(self):
        return self.shown(self.baseline_value)

    def figures(self):
        """The chart's figures as a table has them, in date order: (what, date, value, source, note)."""
        rows = [(_("Measured"), m.measured_on, self.shown(m.value), m.source, m.note) for m in self.measurements]
        if self.baseline_on:
            rows.append((_("Baseline"), self.baseline_on, self.shown(self.baseline_value), self.baseline_source, ""))
        if self.target_on:
            rows.append((_("Target"), self.target_on, self.shown(self.target_value), "", ""))
        return sorted(rows, key=lambda row: row[1])


class Measurement(models.Model):
    """One figure of an indicator on one day, with its source and who entered it."""

    indicator_key = models.UUIDField(db_index=True)
    measured_on = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=15, decimal_places=2)
    source = models.CharField(_("source"), max_length=200)
    note = models.CharField(_("note"), max_length=300, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(_("entered"), default=timezone.now)

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            models.UniqueConstraint(fields=["indicator_key", "measured_on"], name="ambitions_one_figure_a_day")
        ]

    def __str__(self):
        return f"{self.value} ({self.measured_on:%Y-%m-%d})"


def read(indicators, today=None, until=None):
    """``indicators`` with their measurements fetched in one query, and each one's reading as
    ``indicator.read_as`` (a ``status.Reading``); returns the list. With ``until`` (a date), only
    the measurements up to that day count: where the indicators stood then."""
    keys = {indicator.translation_key for indicator in indicators}
    found = {}
    if keys:
        measured = Measurement.objects.filter(indicator_key__in=keys)
        if until is not None:
            measured = measured.filter(measured_on__lte=until)
        for measurement in measured.order_by("measured_on"):
            found.setdefault(measurement.indicator_key, []).append(measurement)
    today = today or timezone.localdate()
    for indicator in indicators:
        indicator.__dict__["measurements"] = found.get(indicator.translation_key, [])
        indicator.read_as = indicator.reading(today)
    return indicators


@dataclass(frozen=True)
class IndicatorRow:
    """One line of an ambitions table: the ambition, one of its indicators and where it stands."""

    ambition: AmbitionPage
    indicator: Indicator

    @property
    def reading(self):
        return self.indicator.read_as


def indicator_rows(ambitions, today=None, until=None):
    """Every indicator of ``ambitions`` (a page queryset) in order, read (``read``): three queries in all."""
    pages = list(ambitions.prefetch_related("indicators"))
    indicators = [indicator for page in pages for indicator in page.indicators.all()]
    read(indicators, today, until)
    return [IndicatorRow(page, indicator) for page in pages for indicator in page.indicators.all()]


def concerning(municipality):
    """The ambitions that concern ``municipality``: those naming it or its jeugdregio, and those
    naming no place whose werkplaats covers it."""
    unscoped = Q(municipalities__isnull=True, youth_regions__isnull=True)
    return AmbitionPage.objects.filter(
        Q(municipalities=municipality)
        | Q(youth_regions=municipality.youth_region_id)
        | (unscoped & Q(werkplaats__municipalities=municipality))
    ).distinct()
