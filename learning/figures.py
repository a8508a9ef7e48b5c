"""The proposal overviews: filters with counts, and the figures that keep everyone honest.

Filters (``?thema=``, ``?gemeente=``, ``?status=``, ``?jaar=``) are read through ``core.params``,
so a value that is no option is not applied. Each filter's counts are those of the proposals the
*other* filters leave, so a reader sees what choosing an option would give. The figures are
those of the proposals shown: how many proposals and actions, the share of actions whose
follow-up date has passed that got an answer within three months of it, and the shares done and
stopped. Every count is one query, however many proposals there are.

The counts and figures are kept in the cache under the content version (and the day, since
"passed" moves with it): a publish, an answer or an acceptance makes them stale. Read anew they
cost about 200 ms at 5,000 proposals on SQLite; kept, a millisecond (benchmarks/learning.py).
"""

from dataclasses import dataclass, replace

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core import params
from core.http.fragments import cached_fragment
from core.models import Theme
from geography.models import Municipality

from .choices import ActionStatus
from .models import FollowUp

FIRST_YEAR, LAST_YEAR = 2000, 2100


@dataclass(frozen=True)
class Filters:
    theme: str = ""
    municipality: str = ""
    status: str = ""
    year: int | None = None

    @classmethod
    def from_query(cls, data):
        status = data.get("status", "")
        return cls(
            theme=params.slug(data.get("thema")) or "",
            municipality=params.slug(data.get("gemeente")) or "",
            status=status if status in ActionStatus.values else "",
            year=params.whole_number(data.get("jaar", ""), FIRST_YEAR, LAST_YEAR),
        )

    @property
    def active(self):
        return bool(self.theme or self.municipality or self.status or self.year)

    def apply(self, proposals):
        if self.theme:
            proposals = proposals.filter(themes__slug=self.theme)
        if self.municipality:
            proposals = proposals.filter(municipalities__slug=self.municipality)
        if self.status:
            keys = FollowUp.objects.filter(status=self.status).values("proposal__translation_key")
            proposals = proposals.filter(translation_key__in=keys)
        if self.year:
            proposals = proposals.filter(made_on__year=self.year)
        return proposals.distinct() if self.theme or self.municipality else proposals

    @property
    def key(self):
        return (self.theme, self.municipality, self.status, self.year or "")


@dataclass(frozen=True)
class Figures:
    proposals: int
    actions: int
    due: int  # actions whose follow-up date has passed
    in_time: int  # of those, answered within three months of it
    done: int
    stopped: int

    @staticmethod
    def share(part, whole):
        return round(100 * part / whole) if whole else None

    @property
    def in_time_share(self):
        return self.share(self.in_time, self.due)

    @property
    def done_share(self):
        return self.share(self.done, self.actions)

    @property
    def stopped_share(self):
        return self.share(self.stopped, self.actions)


@dataclass(frozen=True)
class Overview:
    proposals: object  # a queryset, newest first
    figures: Figures
    facets: list  # [Facet]


def follow_ups_of(proposals):
    """The follow-ups of ``proposals``' actions, in any language (by the proposal's translation key)."""
    return FollowUp.objects.filter(proposal__translation_key__in=proposals.values("translation_key"))


def figures_of(proposals):
    today = timezone.localdate()
    counts = follow_ups_of(proposals).aggregate(
        actions=Count("pk"),
        due=Count("pk", filter=Q(due_on__lte=today)),
        in_time=Count("pk", filter=Q(due_on__lte=today, answered_in_time=True)),
        done=Count("pk", filter=Q(status=ActionStatus.DONE)),
        stopped=Count("pk", filter=Q(status=ActionStatus.STOPPED)),
    )
    return Figures(proposals=proposals.count(), **counts)


def facet_choices(proposals, filters):
    """Every filter's options with the number of proposals choosing it would show."""
    without = {name: replace(filters, **{name: default}) for name, default in FACET_DEFAULTS.items()}
    themes = Theme.objects.filter(proposals__in=without["theme"].apply(proposals).values("pk"))
    places = Municipality.objects.filter(proposals__in=without["municipality"].apply(proposals).values("pk"))
    statuses = dict(
        follow_ups_of(without["status"].apply(proposals))
        .values_list("status")
        .annotate(n=Count("proposal", distinct=True))
        .order_by()
    )
    years = (
        without["year"].apply(proposals).order_by().values_list("made_on__year").annotate(n=Count("pk", distinct=True))
    )
    options = {
        "theme": [
            (theme.slug, str(theme.label), theme.n)
            for theme in themes.annotate(n=Count("proposals", distinct=True)).order_by("name")
        ],
        "municipality": [
            (place.slug, place.name, place.n)
            for place in places.annotate(n=Count("proposals", distinct=True)).order_by("name")
        ],
        "status": [(status.value, str(status.label), statuses.get(status.value, 0)) for status in ActionStatus],
        "year": [(year, year, n) for year, n in sorted(years, reverse=True) if year],
    }
    return [Facet(name, param, label, options[name], getattr(filters, name) or "") for name, param, label in FACETS]


@dataclass(frozen=True)
class Facet:
    name: str
    param: str  # the query-string key
    label: str
    options: list  # [(value, text, count)]
    active: object


FACETS = [
    ("theme", "thema", _("Theme")),
    ("municipality", "gemeente", _("Municipality")),
    ("status", "status", _("Status of an action")),
    ("year", "jaar", _("Year")),
]
FACET_DEFAULTS = {"theme": "", "municipality": "", "status": "", "year": None}


def overview(index, proposals, filters):
    """The proposals the filters leave (newest first), their figures and every filter's options, on
    the overview page ``index`` whose ``proposals`` they are."""
    found = filters.apply(proposals)

    def count():
        return figures_of(found), facet_choices(proposals, filters)

    name = ("proposal-overview", index.pk, get_language(), timezone.localdate().isoformat(), *filters.key)
    figures, facets = cached_fragment(name, count)
    return Overview(
        proposals=found.select_related("werkplaats").prefetch_related("municipalities").order_by("-made_on", "-pk"),
        figures=figures,
        facets=facets,
    )
