"""The public log: every published opportunity with its stage and its score on the werkplaats'
criteria, filters by stage and year, and the funnel (how many reached each stage, per year).

The funnel counts, per year an opportunity came in, how many reached each stage *or beyond*: a
funded opportunity was also submitted and prioritised. The score is the weighted mean of the
criteria scored (0 to 5, ``ranking``); a werkplaats that scored nothing shows none.
"""

from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from core import params

from .choices import Stage
from .models import HIGHEST_SCORE, Assessment, Criterion, OpportunityIndexPage, stages

FIRST_YEAR, LAST_YEAR = 2000, 2100
ORDERS = ("nieuw", "score")


@dataclass(frozen=True)
class Entry:
    opportunity: object
    stage: Stage
    score: float | None  # 0 to HIGHEST_SCORE
    scored: int  # how many of its criteria were scored
    criteria: int  # how many criteria its log has

    @property
    def partly_scored(self):
        return self.score is not None and self.scored < self.criteria


@dataclass(frozen=True)
class FunnelRow:
    year: int
    counts: list  # [(Stage, opportunities that reached it or beyond)]


def criteria_by_index(paths):
    """{overview page path: [Criterion]} of the overviews at ``paths`` (their criteria in order)."""
    found = {path: [] for path in paths}
    criteria = Criterion.objects.filter(page__path__in=paths).annotate(index_path=F("page__path"))
    for criterion in criteria.order_by("sort_order"):
        found[criterion.index_path].append(criterion)
    return found


def ranking(opportunities, criteria_of):
    """{opportunity translation key: (score, criteria scored, criteria)}: the weighted mean of its
    scores on ``criteria_of(opportunity)``, or None when none was scored."""
    keys = [opportunity.translation_key for opportunity in opportunities]
    scores = {}
    for key, criterion, score in Assessment.objects.filter(opportunity_key__in=keys).values_list(
        "opportunity_key", "criterion_key", "score"
    ):
        scores.setdefault(key, {})[criterion] = score
    found = {}
    for opportunity in opportunities:
        given = scores.get(opportunity.translation_key, {})
        criteria = criteria_of(opportunity)
        weighted = [(c.weight, given[c.translation_key]) for c in criteria if c.translation_key in given]
        total = sum(weight for weight, _score in weighted)
        score = sum(weight * score for weight, score in weighted) / total if total else None
        found[opportunity.translation_key] = (score, len(weighted), len(criteria))
    return found


def entries(opportunities):
    """Every opportunity of ``opportunities`` (a list) with its stage and score, in three queries."""
    parents = {opportunity.pk: opportunity.path[: -Page.steplen] for opportunity in opportunities}
    criteria = criteria_by_index(set(parents.values()))
    scored = ranking(opportunities, lambda opportunity: criteria.get(parents[opportunity.pk], []))
    stage = stages([opportunity.translation_key for opportunity in opportunities])
    return [
        Entry(opportunity, stage[opportunity.translation_key], *scored[opportunity.translation_key])
        for opportunity in opportunities
    ]


def funnel(found):
    """[FunnelRow] per year the opportunities in ``found`` came in, newest first, and the total."""
    years = sorted({timezone.localtime(entry.opportunity.received_at).year for entry in found}, reverse=True)
    rows = []
    for year in [*years, None]:
        chosen = [e for e in found if year is None or timezone.localtime(e.opportunity.received_at).year == year]
        rows.append(FunnelRow(year, [(stage, sum(e.stage.rank >= stage.rank for e in chosen)) for stage in Stage]))
    return rows


def log(index, query):
    """The context of the log page ``index`` for the query string ``query``."""
    opportunities = list(index.get_opportunities().order_by("-received_at", "-pk"))
    found = entries(opportunities)
    wanted = query.get("fase", "")
    year = params.whole_number(query.get("jaar", ""), FIRST_YEAR, LAST_YEAR)
    order = query.get("volgorde") if query.get("volgorde") in ORDERS else "nieuw"
    shown = [
        entry
        for entry in found
        if (wanted not in Stage.values or entry.stage == wanted)
        and (year is None or timezone.localtime(entry.opportunity.received_at).year == year)
    ]
    if order == "score":
        shown.sort(key=lambda entry: (entry.score is None, -(entry.score or 0)))
    return {
        "entries": shown,
        "funnel": funnel(found),
        "stages": list(Stage),
        "years": sorted({timezone.localtime(e.opportunity.received_at).year for e in found}, reverse=True),
        "active_stage": wanted if wanted in Stage.values else "",
        "active_year": year,
        "order": order,
        "criteria": list(index.criteria.all()) if not index.is_national else [],
        "highest_score": HIGHEST_SCORE,
        "form_index": index if not index.is_national else None,
        "werkplaats_logs": (
            OpportunityIndexPage.objects.live().filter(locale_id=index.locale_id).exclude(pk=index.pk)
            if index.is_national
            else []
        ),
    }
