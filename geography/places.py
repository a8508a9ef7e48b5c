"""Municipalities as the fit check, the "municipalities like mine" page and its map see them.

One query loads all 342 with their region, province and CBS figures (:class:`Geography`).
This module holds the one notion of similarity those three share (docs/regional-fit.md):
how alike two places are in their CBS figures (:class:`Comparison`), and whether they are
near each other, together one :class:`Relation`. Only sourced figures are compared; a
figure missing on either side is left out and named, never guessed.
"""

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass
from enum import IntEnum
from functools import cached_property

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from geography.models import Municipality

from . import maps
from .names import NameIndex

SIZE_FACTOR = 2.0  # inhabitants: alike within this many times more or fewer (a must)
DENSITY_FACTOR = 1.5  # inhabitants per km² of land, and addresses per km²
URBANISATION_TOLERANCE = 1  # CBS classes apart
AGE_POINTS = 2  # percentage points apart, for the shares aged 0-14 and 15-24
HOUSEHOLD_POINTS = 5  # percentage points apart, for the share of households with children
CLOSENESS_CAP = 1.5  # a figure far apart weighs at most this much: it shows, but does not veto alone
NEAR_KM = 30  # centres at most this far apart count as nearby, across a provincial border too
SIMILAR_SHOWN = 10
HOMES_KEPT = 64  # municipalities whose comparisons a process keeps (the most recently asked)


@dataclass(frozen=True, slots=True)
class Measure:
    """One figure similarity weighs: how far apart two values may be and still count as alike."""

    key: str  # attribute of Figures
    kind: str  # "ratio" (times more or fewer), "points" (percentage points) or "classes"
    tolerance: float
    label: object  # the measure in words, for "alike in ..."

    def closeness(self, value, home):
        """0 for equal values, 1 on the edge of the tolerance, more beyond it."""
        if self.kind == "ratio":
            return abs(math.log(max(value, 1) / max(home, 1))) / math.log(self.tolerance)
        return abs(value - home) / self.tolerance


MEASURES = (
    Measure("population", "ratio", SIZE_FACTOR, gettext_lazy("inhabitants")),
    Measure("density", "ratio", DENSITY_FACTOR, gettext_lazy("population density")),
    Measure("address_density", "ratio", DENSITY_FACTOR, gettext_lazy("addresses per km²")),
    Measure("urbanisation", "classes", URBANISATION_TOLERANCE, gettext_lazy("urbanisation class")),
    Measure("age_0_14", "points", AGE_POINTS, gettext_lazy("share of children aged 0-14")),
    Measure("age_15_24", "points", AGE_POINTS, gettext_lazy("share of young people aged 15-24")),
    Measure("households_with_children", "points", HOUSEHOLD_POINTS, gettext_lazy("share of families with children")),
)


class Relation(IntEnum):
    """How a place relates to the reader's municipality ("home"), strongest first in the fit check."""

    LIKE = 3  # alike in figures and nearby: counts as like home
    ALIKE_FAR = 2  # alike in figures, but far away: supports a partial fit only
    NEARBY = 1  # nearby, not alike in figures
    UNLIKE = 0

    @property
    def is_alike(self):
        return self in (Relation.LIKE, Relation.ALIKE_FAR)


@dataclass(frozen=True, slots=True)
class Figures:
    """What similarity compares, as far as the sources have it (None: no sourced figure)."""

    population: int | None
    density: int | None
    urbanisation: int | None = None
    address_density: int | None = None
    age_0_14: int | None = None
    age_15_24: int | None = None
    households_with_children: int | None = None

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
    address_density: int | None = None
    age_0_14: int | None = None
    age_15_24: int | None = None
    households_with_children: int | None = None
    figures_source: str = ""  # where inhabitants and density come from, shown with every fit answer
    profile_source: str = ""  # where the class, address density and shares come from
    centre: tuple | None = None  # RD metres (geography.maps.centres), None when not drawn

    @cached_property
    def figures(self):
        return Figures(
            self.population,
            self.density,
            self.urbanisation,
            self.address_density,
            self.age_0_14,
            self.age_15_24,
            self.households_with_children,
        )

    @property
    def has_figures(self):
        return bool(self.population) and self.density is not None


@dataclass(slots=True)
class Comparison:
    """How a place compares with home: per measure, where it lies, and so its :class:`Relation`."""

    closeness: dict  # measure key -> 0 (equal) ... 1 (edge of the tolerance) ... ; known measures only
    missing: list  # the Measures without a figure on either side
    ratios: dict  # measure key -> other / home, for the "ratio" measures
    points: dict  # measure key -> (other, home), for the others
    same_region: bool = False
    same_province: bool = False
    km: float | None = None
    relation: Relation = Relation.UNLIKE  # worked out once, by compare()

    @property
    def distance(self):
        """How alike in figures: the root mean square of the closeness over the known measures,
        each counted at most as :data:`CLOSENESS_CAP`. 0 for twins; alike up to 1."""
        values = [min(value, CLOSENESS_CAP) for value in self.closeness.values()]
        return math.sqrt(sum(value * value for value in values) / len(values))

    def alike_in(self, key):
        return key in self.closeness and self.closeness[key] <= 1

    def alike_in_figures(self):
        """A similar number of inhabitants, the measures together within bounds, and at most one of
        them beyond its tolerance ("alike except in one respect")."""
        apart = sum(value > 1 for value in self.closeness.values())
        return self.alike_in("population") and apart <= 1 and self.distance <= 1

    @property
    def is_near(self):
        return self.same_region or self.same_province or (self.km is not None and self.km <= NEAR_KM)

    @property
    def is_alike(self):
        return self.relation.is_alike

    @property
    def is_similar(self):
        """Counts as like home: the same as being listed among the municipalities like it."""
        return self.relation == Relation.LIKE

    def text(self):
        """In plain words: what is alike, what is not, and where it lies, e.g.
        'alike except in: about twice as many addresses per km²; in another province, 95 km away', or
        for a place not alike only how it differs: 'about five times as many inhabitants, ...'.
        """
        known = [measure for measure in MEASURES if measure.key in self.closeness]
        differences = [_difference_words(self, measure) for measure in known if not self.alike_in(measure.key)]
        if not self.is_alike:
            what = ", ".join(differences)
        elif differences:
            what = _("alike except in: %(differences)s") % {"differences": ", ".join(differences)}
        else:
            what = _("alike in every figure compared")
        return f"{what}; {self.where_text()}"

    def where_text(self):
        if self.same_region:
            where = _("in the same jeugdregio")
        elif self.same_province:
            where = _("in the same province")
        else:
            where = _("in another province")
        if self.km is None:
            return where
        return _("%(where)s, %(km)s km away") % {"where": where, "km": number_format(round(self.km))}


def compare(figures, home, place=None):
    """The :class:`Comparison` of ``figures`` (of ``place``, where something ran) with ``home``, or
    None when the size or density is unknown on either side: without those nothing is judged."""
    if not figures.known or not home.has_figures:
        return None
    closeness, missing, ratios, points = {}, [], {}, {}
    for measure in MEASURES:
        value, own = getattr(figures, measure.key), getattr(home.figures, measure.key)
        if value is None or own is None:
            missing.append(measure)
            continue
        closeness[measure.key] = measure.closeness(value, own)
        if measure.kind == "ratio":
            ratios[measure.key] = max(value, 1) / max(own, 1)
        else:
            points[measure.key] = (value, own)
    comparison = Comparison(closeness, missing, ratios, points)
    if place is not None:
        comparison.same_region = place.region_id == home.region_id
        comparison.same_province = place.province_id == home.province_id
        if place.centre and home.centre:
            comparison.km = math.dist(place.centre, home.centre) / 1000
    if comparison.alike_in_figures():
        comparison.relation = Relation.LIKE if comparison.is_near else Relation.ALIKE_FAR
    else:
        comparison.relation = Relation.NEARBY if comparison.is_near else Relation.UNLIKE
    return comparison


# Numbers up to twenty are written out, as Dutch and English style guides ask.
NUMBER_WORDS = (
    gettext_lazy("zero"),
    gettext_lazy("one"),
    gettext_lazy("two"),
    gettext_lazy("three"),
    gettext_lazy("four"),
    gettext_lazy("five"),
    gettext_lazy("six"),
    gettext_lazy("seven"),
    gettext_lazy("eight"),
    gettext_lazy("nine"),
    gettext_lazy("ten"),
    gettext_lazy("eleven"),
    gettext_lazy("twelve"),
    gettext_lazy("thirteen"),
    gettext_lazy("fourteen"),
    gettext_lazy("fifteen"),
    gettext_lazy("sixteen"),
    gettext_lazy("seventeen"),
    gettext_lazy("eighteen"),
    gettext_lazy("nineteen"),
    gettext_lazy("twenty"),
)
FRACTIONS = {
    3: gettext_lazy("a third"),
    4: gettext_lazy("a quarter"),
    5: gettext_lazy("a fifth"),
    6: gettext_lazy("a sixth"),
    7: gettext_lazy("a seventh"),
    8: gettext_lazy("an eighth"),
    9: gettext_lazy("a ninth"),
    10: gettext_lazy("a tenth"),
}


def number_words(value):
    """'five' for 5, '25' for 25: numbers up to twenty in words."""
    return str(NUMBER_WORDS[value]) if 0 <= value < len(NUMBER_WORDS) else number_format(value, force_grouping=True)


# Per ratio measure: (twice as many, one and a half times, N times, two thirds, half, a fraction, under a tenth).
RATIO_WORDS = {
    "population": (
        gettext_lazy("about twice as many inhabitants"),
        gettext_lazy("about one and a half times as many inhabitants"),
        gettext_lazy("about %(times)s times as many inhabitants"),
        gettext_lazy("about two thirds of the inhabitants"),
        gettext_lazy("about half as many inhabitants"),
        gettext_lazy("about %(fraction)s of the inhabitants"),
        gettext_lazy("less than a tenth of the inhabitants"),
    ),
    "density": (
        gettext_lazy("about twice as densely populated"),
        gettext_lazy("about one and a half times as densely populated"),
        gettext_lazy("about %(times)s times as densely populated"),
        gettext_lazy("about two thirds of the population density"),
        gettext_lazy("about half as densely populated"),
        gettext_lazy("about %(fraction)s of the population density"),
        gettext_lazy("less than a tenth of the population density"),
    ),
    "address_density": (
        gettext_lazy("about twice as many addresses per km²"),
        gettext_lazy("about one and a half times as many addresses per km²"),
        gettext_lazy("about %(times)s times as many addresses per km²"),
        gettext_lazy("about two thirds of the addresses per km²"),
        gettext_lazy("about half as many addresses per km²"),
        gettext_lazy("about %(fraction)s of the addresses per km²"),
        gettext_lazy("less than a tenth of the addresses per km²"),
    ),
}
POINT_WORDS = {
    "urbanisation": gettext_lazy("urbanisation class %(other)s against %(home)s"),
    "age_0_14": gettext_lazy("%(other)s%% aged 0-14 against %(home)s%%"),
    "age_15_24": gettext_lazy("%(other)s%% aged 15-24 against %(home)s%%"),
    "households_with_children": gettext_lazy("%(other)s%% of households with children against %(home)s%%"),
}


def ratio_words(key, ratio):
    """'about five times as many inhabitants', 'about half as densely populated': how people compare."""
    twice, one_and_a_half, times, two_thirds, half, fraction, tiny = RATIO_WORDS[key]
    if ratio >= 1:
        if ratio < 1.75:
            return str(one_and_a_half)
        if ratio < 2.5:
            return str(twice)
        return str(times) % {"times": number_words(int(ratio + 0.5))}
    inverse = 1 / ratio
    if inverse < 1.75:
        return str(two_thirds)
    if inverse < 2.5:
        return str(half)
    if inverse < 10.5:
        return str(fraction) % {"fraction": FRACTIONS[int(inverse + 0.5)]}
    return str(tiny)


def _difference_words(comparison, measure):
    if measure.kind == "ratio":
        return ratio_words(measure.key, comparison.ratios[measure.key])
    other, home = comparison.points[measure.key]
    return str(POINT_WORDS[measure.key]) % {"other": other, "home": home}


def and_list(items):
    """'a, b and c' in the reader's language."""
    if len(items) < 2:
        return "".join(items)
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def round_population(value):
    return round(value, -3) if value >= 10_000 else round(value, -2)


def round_density(value):
    if value >= 1_000:
        return round(value, -2)
    return round(value, -1) if value >= 100 else value


def _group(value):
    return number_format(value, force_grouping=True)


_loaded = {}  # version -> Geography, in this process
# What tells a process that the reference data may have changed: a function that returns a
# version, or None to keep nothing. The core hands over its content version (``keep_while`` in
# CoreConfig.ready), which rises on every change to the geography too (``changed``).
_version = [lambda: None]


def keep_while(version):
    """Keep the loaded geography in this process for as long as ``version()`` returns the same value."""
    _version[0] = version


class Geography:
    """All municipalities with their region, province and figures, loaded in one query."""

    def __init__(self, places):
        self.places = list(places)
        self.by_pk = {place.pk: place for place in self.places}
        self.by_slug = {place.slug: place for place in self.places}
        self.by_code = {place.cbs_code: place for place in self.places}
        self._towards = OrderedDict()  # home pk -> (home, {place pk: Comparison}), see compare()
        self._lock = threading.Lock()

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
            "address_density",
            "share_age_0_14",
            "share_age_15_24",
            "share_households_with_children",
            "figures_source",
            "profile_source",
        ).order_by("province__name", "name")
        centres = maps.centres()
        return cls([Place(*row, centre=centres.get(row[3])) for row in rows])

    @classmethod
    def for_request(cls, request):
        """The geography every request of this process shares, loaded again after a change.

        Building 342 places (and the name index of the fit form) took about a fifth of a listing's
        time when it was done per request; the reference data changes only through a migration
        or an import, which raises the version (``keep_while``).
        """
        version = _version[0]()
        if version is None:
            return cls.load()
        if version not in _loaded:
            _loaded.clear()
            _loaded[version] = cls.load()
        return _loaded[version]

    @cached_property
    def names(self):
        return NameIndex(self.places)

    def find(self, value):
        """The place a slug, CBS code or name (as people say it) stands for, or None."""
        return self.names.resolve(value).place

    def compare(self, place, home, figures=None):
        """How ``place`` (with ``figures``, by default its own) relates to ``home``; None if unknown.

        On its own figures a comparison is kept for the most recently asked homes: ranking a long
        listing by fit compares the same few hundred places with one home again and again.
        """
        if figures is not None and figures is not place.figures:  # an implementation's own area
            return compare(figures, home, place)
        with self._lock:  # web threads share this process's geography
            entry = self._towards.get(home.pk)
            if entry is None or entry[0] is not home:  # a home with other figures is another home
                entry = self._towards[home.pk] = (home, {})
                if len(self._towards) > HOMES_KEPT:
                    self._towards.popitem(last=False)
            else:
                self._towards.move_to_end(home.pk)
        kept = entry[1]
        if place.pk not in kept:
            kept[place.pk] = compare(place.figures, home, place)
        return kept[place.pk]

    def most_similar(self, home, count=SIMILAR_SHOWN):
        """The places most like ``home``: those like it (alike and nearby) first, then those alike in
        figures farther away, each by how alike, at most ``count``; each with its :class:`Comparison`.

        The fit check counts exactly these relations, so a place listed as like home is like
        home in every fit answer (docs/regional-fit.md).
        """
        compared = []
        for place in self.places:
            if place.pk == home.pk:
                continue
            comparison = self.compare(place, home)
            if comparison is not None and comparison.relation.is_alike:
                compared.append((-comparison.relation, comparison.distance, place.name, place, comparison))
        compared.sort(key=lambda item: item[:3])
        return [(place, comparison) for *_order, place, comparison in compared[:count]]
