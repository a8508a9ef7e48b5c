"""Municipalities as the fit check and the "municipalities like mine" page see them.

One query loads all 342 with their region, province and CBS figures (:class:`Geography`);
similarity compares what is sourced: the number of inhabitants and the population
density, refined by the CBS urbanisation class where both places have one. The rules
and their numbers are set out in ``docs/regional-fit.md``.
"""

import math
from dataclasses import dataclass
from functools import cached_property

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.fragments import kept_in_process
from core.models import Municipality

from .names import NameIndex

# Two places are similar when every one of these holds (docs/regional-fit.md).
SIZE_FACTOR = 2.0  # inhabitants at most this many times more or fewer
DENSITY_FACTOR = 1.5  # inhabitants per km² of land at most this many times more or fewer
URBANISATION_TOLERANCE = 1  # CBS classes apart, when both places have a class
SIMILAR_SHOWN = 10


@dataclass(frozen=True, slots=True)
class Figures:
    """What similarity compares: inhabitants, density and (when loaded) the CBS urbanisation class."""

    population: int | None
    density: int | None
    urbanisation: int | None = None

    @property
    def known(self):
        return bool(self.population) and self.density is not None

    def text(self):
        """'133,000 inhabitants, 1,200 per km²', rounded for reading (the exact figures are on the page)."""
        return _("%(population)s inhabitants, %(density)s per km²") % {
            "population": _group(round_population(self.population)),
            "density": _group(round_density(self.density)),
        }


@dataclass(frozen=True)
class Place:
    pk: int
    name: str
    slug: str
    cbs_code: str
    region_id: int
    region: str
    province_id: int
    province: str
    province_code: str
    population: int | None = None
    density: int | None = None
    urbanisation: int | None = None

    @cached_property
    def figures(self):
        return Figures(self.population, self.density, self.urbanisation)

    @property
    def has_figures(self):
        return bool(self.population) and self.density is not None


@dataclass(slots=True)
class Comparison:
    """How a place compares with the reader's municipality ("home")."""

    size_ratio: float  # other / home
    density_ratio: float  # other / home
    urbanisation_gap: int | None  # None when either has no class

    @property
    def similar_size(self):
        return _within(self.size_ratio, SIZE_FACTOR)

    @property
    def similar_density(self):
        return _within(self.density_ratio, DENSITY_FACTOR)

    @property
    def similar_urbanisation(self):
        return self.urbanisation_gap is None or self.urbanisation_gap <= URBANISATION_TOLERANCE

    @property
    def is_similar(self):
        return self.similar_size and self.similar_density and self.similar_urbanisation

    @property
    def distance(self):
        """0 for twins; 1 on the edge of the size or the density band. Orders the most similar first."""
        return math.hypot(
            math.log(self.size_ratio) / math.log(SIZE_FACTOR),
            math.log(self.density_ratio) / math.log(DENSITY_FACTOR),
        )

    def text(self):
        """In plain words, e.g. 'similar in size and density' or '3.1 times as many inhabitants, similar density'."""
        if self.similar_size and self.similar_density:
            text = _("similar in size and density")
        else:
            text = f"{_size_words(self)}, {_density_words(self)}"
        if not self.similar_urbanisation:
            text += ", " + _("urbanisation class %(gap)d apart") % {"gap": self.urbanisation_gap}
        return text


def compare(figures, home):
    """The :class:`Comparison` of ``figures`` (a place where something ran) with ``home``, or None if unknown."""
    if not figures.known or not home.has_figures:
        return None
    gap = None
    if figures.urbanisation is not None and home.urbanisation is not None:
        gap = abs(figures.urbanisation - home.urbanisation)
    return Comparison(
        size_ratio=figures.population / home.population,
        density_ratio=max(figures.density, 1) / max(home.density, 1),
        urbanisation_gap=gap,
    )


def _within(ratio, factor):
    return 1 / factor <= ratio <= factor


def _times(ratio):
    return number_format(round(ratio, 1), decimal_pos=1)


def _size_words(comparison):
    return _ratio_words(
        comparison.size_ratio,
        comparison.similar_size,
        _("similar in size"),
        _("%(times)s times as many inhabitants"),
        _("%(times)s times fewer inhabitants"),
    )


def _density_words(comparison):
    return _ratio_words(
        comparison.density_ratio,
        comparison.similar_density,
        _("similar density"),
        _("%(times)s times as densely populated"),
        _("%(times)s times less densely populated"),
    )


def _ratio_words(ratio, similar, alike, more, fewer):
    if similar:
        return alike
    if ratio > 1:
        return more % {"times": _times(ratio)}
    return fewer % {"times": _times(1 / ratio)}


def round_population(value):
    return round(value, -3) if value >= 10_000 else round(value, -2)


def round_density(value):
    if value >= 1_000:
        return round(value, -2)
    return round(value, -1) if value >= 100 else value


def _group(value):
    return number_format(value, force_grouping=True)


_loaded = {}  # content version -> Geography, in this process


class Geography:
    """All municipalities with their region, province and figures, loaded in one query."""

    def __init__(self, places):
        self.places = list(places)
        self.by_pk = {place.pk: place for place in self.places}
        self.by_slug = {place.slug: place for place in self.places}
        self.by_code = {place.cbs_code: place for place in self.places}

    @classmethod
    def load(cls):
        rows = Municipality.objects.values_list(
            "pk",
            "name",
            "slug",
            "cbs_code",
            "youth_region_id",
            "youth_region__name",
            "province_id",
            "province__name",
            "province__code",
            "population",
            "density",
            "urbanisation_class",
        ).order_by("province__name", "name")
        return cls([Place(*row) for row in rows])

    @classmethod
    def for_request(cls, request):
        """The geography every request of this process shares, loaded again after a change.

        Building 342 places (and the name index of the fit form) took about a fifth of a listing's
        time when it was done per request; the reference data changes only through an import,
        which raises the content version like a publish (core/signals.py).
        """
        return kept_in_process(_loaded, cls.load)

    @cached_property
    def names(self):
        return NameIndex(self.places)

    def find(self, value):
        """The place a slug, CBS code or name (as people say it) stands for, or None."""
        return self.names.resolve(value).place

    def most_similar(self, home, count=SIMILAR_SHOWN):
        """The ``count`` places most like ``home``, nearest first, each with its :class:`Comparison`."""
        compared = []
        for place in self.places:
            if place.pk == home.pk:
                continue
            comparison = compare(place.figures, home)
            if comparison is not None:
                compared.append((comparison.distance, place.name, place, comparison))
        compared.sort(key=lambda item: (item[0], item[1]))
        return [(place, comparison) for _distance, _name, place, comparison in compared[:count]]
