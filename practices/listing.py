"""Filtering, facet counts and sorting of the practice listing.

Every facet counts what the *other* active filters leave (the usual "disjunctive"
facets): ticking a theme narrows the counts of every other facet, not of the theme
facet itself, so a reader can still see what ticking a second theme would add.
Within one facet the ticked values are alternatives (OR); across facets they all
apply (AND). Each facet costs a fixed number of queries, whatever the number of
practices, and the listing's query count is pinned by a test.
"""

import hashlib
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core import params
from core.http.fragments import cached_fragment
from core.http.request_memo import remembered
from core.models import CareSetting, TargetGroup, Theme, WerkplaatsPage
from geography.models import Province

from .fit import assess
from .models import EVIDENCE_RANK, CostBand, Evidence, Implementation, PartnerType, PracticePage

AGE_BANDS = [
    ("0-3", 0, 3, _("0-3 years")),
    ("4-11", 4, 11, _("4-11 years")),
    ("12-17", 12, 17, _("12-17 years")),
    ("18-27", 18, 27, _("18-27 years")),
]

SORT_TITLE, SORT_EVIDENCE, SORT_REVIEWED, SORT_FIT = "titel", "bewijs", "herzien", "passend"
SORTS = [
    (SORT_FIT, _("best fit for my municipality")),
    (SORT_TITLE, _("title")),
    (SORT_EVIDENCE, _("strongest evidence")),
    (SORT_REVIEWED, _("most recently reviewed")),
]


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class FacetResult:
    key: str
    label: str
    options: list = field(default_factory=list)
    # (code, label, value, count) for every value, zeros included: what a map of the facet draws.
    mapped: list = field(default_factory=list)

    @property
    def selected(self):
        return [option for option in self.options if option.selected]


class Facet(ABC):
    """One filter of the listing: which values are chosen, how they filter, what each would count."""

    key = ""
    label = ""

    def selected(self, data):
        """The values asked for that this facet could offer (core.params): slugs by default."""
        return params.slugs(data, self.key)

    @abstractmethod
    def apply(self, queryset, values):
        """``queryset`` narrowed to practices matching any of ``values``."""

    @abstractmethod
    def options(self, queryset, values):
        """(value, label, count) for every value worth offering, counted within ``queryset``."""

    def result(self, queryset, values):
        # Labels as plain text in the active language: results are kept in the cache, and a lazy
        # translation costs a new class each time it is unpickled.
        options = [
            Option(value, str(label), count, value in values)
            for value, label, count in self.options(queryset, values)
            if count or value in values
        ]
        return FacetResult(self.key, str(self.label), options)


class TermFacet(Facet):
    """A many-to-many taxonomy of the practice: theme, target group, setting."""

    def __init__(self, key, label, relation, model):
        self.key, self.label, self.relation, self.model = key, label, relation, model
        self.through = getattr(PracticePage, relation).through
        self.term_column = f"{model._meta.model_name}"

    def apply(self, queryset, values):
        pages = self.through.objects.filter(**{f"{self.term_column}__slug__in": values}).values("practicepage_id")
        return queryset.filter(pk__in=pages)

    def options(self, queryset, values):
        # One row per (practice, term) in the through table: a plain count is exact.
        counts = dict(
            self.through.objects.filter(practicepage_id__in=queryset.values("pk"))
            .values_list(f"{self.term_column}__slug")
            .annotate(n=Count("practicepage_id"))
        )
        return [(term.slug, term.label, counts.get(term.slug, 0)) for term in self.model.objects.all()]


class AgeFacet(Facet):
    key, label = "leeftijd", _("Age")

    def selected(self, data):
        return params.choices(data, self.key, [value for value, _low, _high, _label in AGE_BANDS])

    @staticmethod
    def _overlaps(low, high):
        return Q(age_min__lte=high, age_max__gte=low)

    def apply(self, queryset, values):
        condition = Q()
        for value, low, high, _label in AGE_BANDS:
            if value in values:
                condition |= self._overlaps(low, high)
        return queryset.filter(condition) if condition else queryset

    def options(self, queryset, values):
        counts = queryset.aggregate(
            **{value: Count("pk", filter=self._overlaps(low, high)) for value, low, high, _label in AGE_BANDS}
        )
        return [(value, label, counts[value]) for value, _low, _high, label in AGE_BANDS]


class ChoiceFacet(Facet):
    def __init__(self, key, label, field_name, choices):
        self.key, self.label, self.field_name, self.choices = key, label, field_name, choices

    def selected(self, data):
        return params.choices(data, self.key, [value for value, _label in self.choices])

    def apply(self, queryset, values):
        return queryset.filter(**{f"{self.field_name}__in": values})

    def options(self, queryset, values):
        counts = dict(queryset.order_by().values_list(self.field_name).annotate(n=Count("pk")))
        return [(str(value), label, counts.get(value, 0)) for value, label in self.choices]


class WerkplaatsFacet(Facet):
    key, label = "werkplaats", _("Werkplaats")

    def apply(self, queryset, values):
        return queryset.filter(werkplaats__slug__in=values)

    def options(self, queryset, values):
        counts = dict(queryset.order_by().values_list("werkplaats_id").annotate(n=Count("pk")))
        werkplaatsen = WerkplaatsPage.objects.filter(pk__in=[pk for pk in counts if pk]).order_by("title")
        return [(page.slug, page.short_name or page.title, counts[page.pk]) for page in werkplaatsen]


class ProvinceFacet(Facet):
    """Provinces where a practice was used, read from its regional-fit record."""

    key, label = "provincie", _("Used in province")
    through = Implementation.municipalities.through

    def apply(self, queryset, values):
        codes = [code for slug, code in self._codes().items() if slug in values]
        pages = self.through.objects.filter(municipality__province__code__in=codes).values("implementation__page_id")
        return queryset.filter(pk__in=pages)

    def _codes(self):
        if not hasattr(self, "_provinces"):
            self._provinces = list(Province.objects.order_by("name"))
        return {slugify(province.name): province.code for province in self._provinces}

    def options(self, queryset, values):
        counts = dict(
            self.through.objects.filter(implementation__page_id__in=queryset.values("pk"))
            .values_list("municipality__province_id")
            .annotate(n=Count("implementation__page_id", distinct=True))
        )
        self._codes()
        self._counted = [
            (province.code, province.name, slugify(province.name), counts.get(province.pk, 0))
            for province in self._provinces
        ]
        return [(slug, name, count) for _code, name, slug, count in self._counted]

    def result(self, queryset, values):
        result = super().result(queryset, values)
        result.mapped = self._counted
        return result


def build_facets(national):
    facets = [
        TermFacet("thema", _("Theme"), "themes", Theme),
        TermFacet("doelgroep", _("Target group"), "target_groups", TargetGroup),
        AgeFacet(),
        TermFacet("setting", _("Setting"), "care_settings", CareSetting),
        ChoiceFacet("bewijs", _("Evidence"), "evidence_level", Evidence.choices),
        ChoiceFacet("kosten", _("Cost band"), "cost_band", CostBand.choices),
    ]
    if national:
        facets.append(WerkplaatsFacet())
    facets.append(ProvinceFacet())
    return facets


def filter_practices(queryset, facets, data, with_counts=True):
    """The filtered queryset; per facet, its options with counts under the other filters; and a
    key that names those counts (for a cached block that shows them)."""
    chosen = {facet.key: facet.selected(data) for facet in facets}
    filtered = queryset
    for facet in facets:
        if chosen[facet.key]:
            filtered = facet.apply(filtered, chosen[facet.key])
    if not with_counts:
        return filtered, [], ""

    def count():
        results = []
        for facet in facets:
            others = queryset
            for other in facets:
                if other is not facet and chosen[other.key]:
                    others = other.apply(others, chosen[other.key])
            results.append(facet.result(others, chosen[facet.key]))
        return results

    # The counts of one choice of filters are the same for every reader until the content changes.
    key = _identity(queryset, chosen, [facet.key for facet in facets])
    return filtered, cached_fragment(("facets", key), count), key


def _identity(queryset, *more):
    """A short key for a queryset (its SQL) and what else decides a result, in the active language."""
    sql, sql_params = queryset.order_by().values_list("pk").query.sql_with_params()
    return hashlib.sha256(repr((sql, sql_params, *more, get_language())).encode()).hexdigest()


def order_practices(queryset, sort):
    if sort == SORT_EVIDENCE:
        rank = Case(
            *[When(evidence_level=value, then=Value(rank)) for value, rank in EVIDENCE_RANK.items()],
            default=Value(0),
            output_field=IntegerField(),
        )
        return queryset.annotate(evidence_order=rank).order_by("-evidence_order", "title", "pk")
    if sort == SORT_REVIEWED:
        return queryset.order_by("-last_reviewed", "title", "pk")
    return queryset.order_by("title", "pk")


def partner_types():
    """The partner types, in their order, read once per request."""
    return remembered("partner-types", lambda: list(PartnerType.objects.all()))


def partner_labels():
    return {partner.slug: partner.label for partner in partner_types()}


def rank_by_fit(queryset, question, geography, labels):
    """(page id, level) ordered by fit, best first (reasons are worded later, per page shown).

    Ranking reads every practice's fit profile and assesses it; the ranking of one question over
    one filtered listing is kept in the shared cache until the content changes, so the next page of
    results, the CSV export and every other reader asking the same question take it from there.
    """
    return cached_fragment(
        ("fit-ranking", _identity(queryset, question.querystring())),
        lambda: _rank(queryset, question, geography, labels),
    )


def _rank(queryset, question, geography, labels):
    rows = queryset.order_by().values_list("pk", "title", "fit_profile", "cost_band", "evidence_level")
    keys = []
    for pk, title, profile, cost_band, evidence in rows:
        fit = assess(profile or {}, cost_band, question, geography, labels, explain=False)
        keys.append((-fit.rank, -fit.strength, -EVIDENCE_RANK.get(evidence, 0), title.casefold(), pk, fit.level))
    keys.sort()
    return [(key[-2], key[-1]) for key in keys]


def province_counts(facet_results):
    """(province code, name, facet value, practices) from the province facet, for the national map."""
    return next((result.mapped for result in facet_results if result.key == ProvinceFacet.key), [])
