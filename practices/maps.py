"""What the maps of the practice database show: where a practice ran, and where practices ran.

The boundaries come from ``geography.maps``; this module decides what each area
means (an outcome, a count) and the templates in ``practices/components/`` draw it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from geography import maps

from .models import Implementation

# Legend order; every outcome also has its own marker shape, so colour is never the only cue.
OUTCOMES = [value for value, _label in Implementation.Outcome.choices]
COUNT_CLASSES = 4


@dataclass(frozen=True)
class MapPlace:
    area: maps.Area
    name: str
    outcome: str
    label: str  # the outcome in words
    period: str

    @property
    def kind(self):
        """Its colour and marker (components/area_map.html): the outcome."""
        return self.outcome

    @property
    def title(self):
        return f"{self.name}: {self.label} ({self.period})"


def practice_map(implementations, home=None):
    """The map of one practice: where it ran, coloured by outcome, and the reader's municipality.

    A municipality where it ran more than once shows the outcome of its latest
    implementation (the latest start year; the record's order breaks ties). Reads the
    implementations with their municipalities as already fetched: no queries.
    """
    latest = {}
    for position, implementation in enumerate(implementations):
        key = (implementation.started or 0, position)
        for municipality in implementation.municipalities.all():
            if municipality.cbs_code not in latest or key >= latest[municipality.cbs_code][0]:
                latest[municipality.cbs_code] = (key, implementation, municipality)
    areas = maps.municipalities()
    places = sorted(
        (
            MapPlace(
                area=areas[code],
                name=municipality.name,
                outcome=implementation.outcome,
                label=implementation.get_outcome_display(),
                period=implementation.period,
            )
            for code, (_key, implementation, municipality) in latest.items()
            if code in areas
        ),
        key=lambda place: place.name,
    )
    shown = {place.outcome for place in places}
    legend = [(value, label) for value, label in Implementation.Outcome.choices if value in shown]
    home_area = areas.get(home.cbs_code) if home else None
    description = "; ".join(f"{place.name}: {place.label}" for place in places)
    if home_area:
        description += ". " + _("Your municipality: %(name)s.") % {"name": home.name}
    return {
        "frame": maps.frame(),
        "provinces": list(maps.provinces().values()),
        "places": places,
        "legend": legend,
        "home": home_area,
        "home_label": _("Your municipality: %(name)s") % {"name": home.name} if home_area else "",
        "description": description,
    }


@dataclass(frozen=True)
class ProvinceCount:
    area: maps.Area
    name: str
    slug: str
    count: int
    step: int  # 0 (none) to COUNT_CLASSES (most)

    @property
    def text(self):
        return ngettext("%(name)s: %(count)d practice", "%(name)s: %(count)d practices", self.count) % {
            "name": self.name,
            "count": self.count,
        }


def province_map(counts):
    """A map of the provinces shaded by how many practices ran there.

    ``counts`` is ``[(province code, name, facet value, count)]``, as the listing's
    province facet already counted them under the other filters: no extra queries.
    The shades are equal steps up to the largest count, each named in the legend.
    """
    areas = maps.provinces()
    largest = max((count for _code, _name, _slug, count in counts), default=0)
    size = max(1, -(-largest // COUNT_CLASSES))  # ceiling division
    provinces = [
        ProvinceCount(areas[code], name, slug, count, 0 if not count else min(COUNT_CLASSES, 1 + (count - 1) // size))
        for code, name, slug, count in counts
        if code in areas
    ]
    legend = [(0, _("none"))]
    for step in range(1, COUNT_CLASSES + 1):
        low, high = (step - 1) * size + 1, min(step * size, largest)
        if low > largest:
            break
        legend.append((step, str(low) if low == high else f"{low}-{high}"))
    return {
        "frame": maps.frame(),
        "provinces": provinces,
        "legend": legend,
        "description": "; ".join(province.text for province in provinces),
    }


@dataclass(frozen=True)
class SimilarPlace:
    area: maps.Area
    name: str
    kind: str  # "like" or "alike-far", as the fit check counts it: its colour and marker
    label: str

    @property
    def title(self):
        return f"{self.name}: {self.label}"


def similar_map(home, similar):
    """The map of "municipalities like mine": home, those like it, and those alike only in figures.

    ``similar`` is what ``Geography.most_similar`` returned for the list beside it, so the map
    shows the same places with the same relation the fit check counts. No queries.
    """
    areas = maps.municipalities()
    like_label = _("like %(name)s") % {"name": home.name}
    far_label = _("alike in figures, farther away")
    places = [
        SimilarPlace(
            areas[place.cbs_code],
            place.name,
            "like" if comparison.is_similar else "alike-far",
            like_label if comparison.is_similar else far_label,
        )
        for place, comparison in similar
        if place.cbs_code in areas
    ]
    shown = {place.kind for place in places}
    legend = [(kind, label) for kind, label in (("like", like_label), ("alike-far", far_label)) if kind in shown]
    return {
        "frame": maps.frame(),
        "provinces": list(maps.provinces().values()),
        "places": places,
        "legend": legend,
        "home": areas.get(home.cbs_code),
        "home_label": home.name,
        "description": "; ".join(place.title for place in places),
    }
