"""The fit check: does a practice suit this professional's municipality?

Deterministic and explainable: every level comes with the reasons that produced it,
worded for the reader and naming the figures compared. The rules are set out in
``docs/regional-fit.md``; keep the two in step.

The check reads a practice's ``fit_profile`` (its regional-fit record, kept on the
page), the reader's question (``practices/question.py``: the municipality, partners and
budget from the URL or the cookie) and the reference geography (``geography``), and
never queries per practice.
"""

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from geography.places import MEASURES, Figures, Geography, Place, Relation, and_list, round_density

from .models import COST_RANGES
from .question import FitQuestion

# "Only ever used in densely populated municipalities": every place it ran has at least this
# many inhabitants per km² of land, home has fewer and is outside the density band of all of them.
DENSE = 1_500
NAMES_SHOWN = 3


class FitLevel(models.TextChoices):
    """How well a practice fits the reader's municipality. The values name the CSS modifier
    (``fit--goed``); ``rank`` is the listing's order: known good news first, known bad news last."""

    GOOD = "goed", gettext_lazy("good fit")
    PARTIAL = "deels", gettext_lazy("partial fit")
    UNKNOWN = "onbekend", gettext_lazy("fit unknown")
    WEAK = "zwak", gettext_lazy("weak fit")

    @property
    def rank(self):
        return {FitLevel.GOOD: 3, FitLevel.PARTIAL: 2, FitLevel.UNKNOWN: 1, FitLevel.WEAK: 0}[self]

    def count_text(self, count):
        """'3 fit well', '1 fits partly': ``count`` practices of this level, in the plural where it takes one."""
        if self is FitLevel.GOOD:
            return ngettext("%(count)d fits well", "%(count)d fit well", count) % {"count": count}
        if self is FitLevel.PARTIAL:
            return ngettext("%(count)d fits partly", "%(count)d fit partly", count) % {"count": count}
        if self is FitLevel.WEAK:
            return ngettext("%(count)d fits poorly", "%(count)d fit poorly", count) % {"count": count}
        return ngettext("%(count)d with fit unknown", "%(count)d with fit unknown", count) % {"count": count}


class Transfer(enum.Enum):
    """How far a practice's record carries over to the reader's municipality (``transfer_of``)."""

    STRONG = "strong"  # used there, or in a place like it nearby
    SOME = "some"  # a look-alike far away, the same region or province, or nearby
    NONE = "none"  # used only in places unlike it, far away
    UNKNOWN = "unknown"  # no record, or no figures to compare

    def level(self, obstacles):
        """The fit this record gives with ``obstacles`` (findings that count against it)."""
        if self is Transfer.STRONG:
            return FitLevel.GOOD if obstacles == 0 else FitLevel.PARTIAL
        if self is Transfer.SOME:
            return FitLevel.PARTIAL if obstacles == 0 else FitLevel.WEAK
        if self is Transfer.NONE:
            return FitLevel.WEAK
        return FitLevel.UNKNOWN if obstacles == 0 else FitLevel.WEAK


FOR, AGAINST, NOTE = "for", "against", "note"
STOPPED = "gestopt"


@dataclass
class Reason:
    tone: str  # FOR, AGAINST or NOTE
    text: str


@dataclass
class Fit:
    level: FitLevel
    reasons: list = field(default_factory=list)
    strength: int = 0  # number of reasons in favour: breaks ties when sorting
    home: str = ""  # the reader's municipality with its figures, when the reasons are worded

    @property
    def label(self):
        return self.level.label

    @property
    def rank(self):
        return self.level.rank

    @property
    def highlights(self):
        """For a card: the first reason in favour and the first against (or the first note)."""
        picked = [next((r for r in self.reasons if r.tone == tone), None) for tone in (FOR, AGAINST)]
        picked = [reason for reason in picked if reason]
        return picked or self.reasons[:1]


@dataclass(slots=True)
class Site:
    """One place where a practice ran, with the figures compared and how they compare with home."""

    place: Place
    figures: Figures
    comparison: object  # geography.places.Comparison, or None when a figure is missing

    def text(self, compared=False):
        """'Zwolle (133,000 inhabitants, 1,200 per km²)', and with ``compared`` how that differs from home."""
        if not self.figures.known:
            return self.place.name
        detail = self.figures.text()
        if compared and self.comparison is not None:
            detail += ": " + self.comparison.text()
        return f"{self.place.name} ({detail})"


def _sites_text(sites, compared=False):
    unique = {}
    for site in sites:
        unique.setdefault(site.place.pk, site)
    ordered = sorted(unique.values(), key=lambda site: site.place.name)
    return _first_few([site.text(compared) for site in ordered])


def _first_few(texts, separator="; "):
    """The first :data:`NAMES_SHOWN` of ``texts``, then 'and 2 others'."""
    shown = separator.join(texts[:NAMES_SHOWN])
    if len(texts) > NAMES_SHOWN:
        more = len(texts) - NAMES_SHOWN
        shown += " " + ngettext("and %(count)d other", "and %(count)d others", more) % {"count": more}
    return shown


def home_text(home):
    """'Deventer (103,000 inhabitants, 790 per km²)', the home side of every comparison."""
    if not home.has_figures:
        return home.name
    return f"{home.name} ({home.figures.text()})"


def _site_figures(implementation, place):
    """The figures of one place where a practice ran.

    The implementation's own record of the area wins over the municipality's figures: a
    practice run in one town of a large rural municipality ran in that town. The
    municipality's other figures (address density, age shares) do not describe that town, so
    they are left out of the comparison rather than mixed in.
    """
    population = implementation.get("population")
    density = implementation.get("density")
    urbanisation = implementation.get("urbanisation")
    if population is None and density is None and urbanisation is None:
        return place.figures
    return Figures(
        population if population is not None else place.population,
        density if density is not None else place.density,
        urbanisation if urbanisation is not None else place.urbanisation,
    )


class Finding(NamedTuple):
    """What one rule found: its tone, its wording (worked out only when the reasons are shown),
    and whether it counts as an obstacle for the level."""

    tone: str
    words: Callable[[], str]
    obstacle: bool = False


@dataclass
class Track:
    """Where a practice ran, sorted by how it relates to the reader's municipality
    (``geography.places.Relation``: the same relations the "like mine" list shows)."""

    here: list = field(default_factory=list)  # (place, implementation) in home itself
    here_stopped: list = field(default_factory=list)
    like: list = field(default_factory=list)  # Sites alike in figures and nearby
    like_stopped: list = field(default_factory=list)
    alike_far: list = field(default_factory=list)  # alike in figures, far away
    region: list = field(default_factory=list)  # nearby: in the same jeugdregio
    province: list = field(default_factory=list)  # nearby: in the same province
    near: list = field(default_factory=list)  # nearby across a provincial border
    elsewhere: list = field(default_factory=list)
    sites: list = field(default_factory=list)  # every place other than home, compared
    judged_similarity: bool = False
    missing: dict = field(default_factory=dict)  # measure key -> names of the places without that figure


def assess(
    profile: dict,
    cost_band: int | None,
    question: FitQuestion,
    geography: Geography,
    partner_labels: dict,
    explain: bool = True,
) -> Fit:
    """The fit of one practice for ``question``. See docs/regional-fit.md for the rules.

    Each rule below returns its findings; the level follows from how far the track record
    transfers and how many findings are obstacles. With ``explain=False`` the wording is
    not worked out: that is what sorting a long listing needs, and it is much faster.
    """
    home = question.municipality
    implementations = profile.get("implementations", [])
    track = track_record(implementations, home, geography)
    transfer, transfer_findings = transfer_of(track, implementations, home)
    partners = partner_findings(profile, question.partners, partner_labels, runs_here=bool(track.here), home=home)
    findings = [
        *track_findings(track, home),
        *partners,
        *budget_findings(cost_band, question.budget),
        *dense_only_findings(track, home),
        *transfer_findings,
        *missing_findings(track),
    ]
    obstacles = sum(finding.obstacle for finding in findings)
    reasons = [Reason(finding.tone, finding.words()) for finding in findings] if explain else []
    strength = (
        bool(track.here)
        + bool(track.like)
        + bool(track.alike_far or track.region or track.province or track.near)
        + any(finding.tone == FOR for finding in partners)
    )
    return Fit(transfer.level(obstacles), reasons, strength, home_text(home) if explain else "")


def track_record(implementations: list, home: Place, geography: Geography) -> Track:
    """Sort the places of the record by their relation to home (docs/regional-fit.md)."""
    track = Track()
    for implementation in implementations:
        stopped = implementation.get("outcome") == STOPPED
        for pk in implementation.get("municipalities", []):
            place = geography.by_pk.get(pk)
            if place is None:
                continue
            if place.pk == home.pk:
                (track.here_stopped if stopped else track.here).append((place, implementation))
                continue
            figures = _site_figures(implementation, place)
            site = Site(place, figures, geography.compare(place, home, figures))
            track.sites.append(site)
            comparison = site.comparison
            if comparison is None:
                continue
            track.judged_similarity = True
            for measure in comparison.missing:
                track.missing.setdefault(measure.key, set()).add(place.name)
            _sort_site(track, site, stopped)
    return track


def _sort_site(track: Track, site: Site, stopped: bool):
    """Put a compared place where it counts: like home (ran or stopped), a look-alike far away,
    the same jeugdregio or province, nearby, or elsewhere; a stop counts only where it is like home."""
    comparison = site.comparison
    if comparison.relation == Relation.LIKE:
        (track.like_stopped if stopped else track.like).append(site)
    elif stopped:
        return
    elif comparison.relation == Relation.ALIKE_FAR:
        track.alike_far.append(site)
    elif comparison.same_region:
        track.region.append(site)
    elif comparison.same_province:
        track.province.append(site)
    elif comparison.relation == Relation.NEARBY:
        track.near.append(site)
    else:
        track.elsewhere.append(site)


def track_findings(track: Track, home: Place) -> list[Finding]:
    """The record of transfer: used here, in similar places, nearby; stopped here or in similar places."""
    findings = []
    if track.here:
        periods = ", ".join(implementation_period(impl) for _place, impl in track.here)
        findings.append(
            Finding(FOR, lambda: _("Already used in %(name)s (%(periods)s).") % {"name": home.name, "periods": periods})
        )
    if track.like:
        findings.append(
            Finding(
                FOR,
                lambda: (
                    _("Used in municipalities like %(home)s, alike in figures and nearby: %(places)s.")
                    % {"home": home_text(home), "places": _sites_text(track.like, compared=True)}
                ),
            )
        )
    if track.alike_far:
        findings.append(
            Finding(
                FOR,
                lambda: (
                    _(
                        "Used in municipalities alike in figures to %(home)s, but farther away, "
                        "so this counts for a partial fit only: %(places)s."
                    )
                    % {"home": home.name, "places": _sites_text(track.alike_far, compared=True)}
                ),
            )
        )
    if track.region:
        findings.append(
            Finding(
                FOR,
                lambda: (
                    _("Used nearby, in your jeugdregio %(region)s: %(places)s.")
                    % {"region": home.region, "places": _sites_text(track.region, compared=True)}
                ),
            )
        )
    elif track.province:
        findings.append(
            Finding(
                FOR,
                lambda: (
                    _("Used nearby, in your province %(province)s: %(places)s.")
                    % {"province": home.province, "places": _sites_text(track.province, compared=True)}
                ),
            )
        )
    elif track.near:
        findings.append(
            Finding(
                FOR,
                lambda: (
                    _("Used nearby, across the provincial border: %(places)s.")
                    % {"places": _sites_text(track.near, compared=True)}
                ),
            )
        )
    for _place, implementation in track.here_stopped:
        why = implementation.get("why_not") or "-"
        findings.append(
            Finding(
                AGAINST,
                lambda why=why: _("Stopped earlier in %(name)s: %(why)s") % {"name": home.name, "why": why},
                obstacle=True,
            )
        )
    if track.like_stopped:
        findings.append(
            Finding(
                AGAINST,
                lambda: (
                    _("Stopped in municipalities like %(home)s: %(places)s.")
                    % {"home": home_text(home), "places": _sites_text(track.like_stopped)}
                ),
            )
        )
    return findings


def missing_findings(track: Track) -> list[Finding]:
    """Say which figures could not be weighed, rather than guess them."""
    if not track.missing:
        return []

    def words():
        measures = [str(measure.label) for measure in MEASURES if measure.key in track.missing]
        places = sorted({name for names in track.missing.values() for name in names})
        return _("Weighed without %(measures)s, for which the sources have no figure (%(places)s).") % {
            "measures": and_list(measures),
            "places": _first_few(places, ", "),
        }

    return [Finding(NOTE, words)]


def partner_findings(profile: dict, ticked: frozenset | None, labels: dict, runs_here: bool, home) -> list[Finding]:
    """What the partners the reader ticked say. The box means "these I have", not "only these":
    ticked partners the practice works with count in favour; a partner not ticked lowers the
    level only when the record marks it as indispensable, and never for a practice that already
    runs in the reader's own municipality."""
    needed = profile.get("partners_needed", [])
    indispensable = [slug for slug in profile.get("partners_indispensable", []) if slug in needed]
    why = profile.get("partners_why", "")
    findings = []
    if ticked is None:
        if needed:
            findings.append(
                Finding(
                    NOTE,
                    lambda: _("Check that you can work with: %(partners)s.") % {"partners": _labels(needed, labels)},
                )
            )
        if indispensable:
            findings.append(Finding(NOTE, lambda: _indispensable_words(indispensable, why, labels)))
        return findings
    have = [slug for slug in needed if slug in ticked]
    lacking = [slug for slug in indispensable if slug not in ticked]
    optional = [slug for slug in needed if slug not in ticked and slug not in indispensable]
    if have:
        findings.append(
            Finding(FOR, lambda: _("Works with partners you have: %(partners)s.") % {"partners": _labels(have, labels)})
        )
    if lacking and runs_here:
        findings.append(
            Finding(
                NOTE,
                lambda: (
                    _("It already runs in %(name)s, so ask there how they work with: %(partners)s.")
                    % {"name": home.name, "partners": _labels(lacking, labels)}
                ),
            )
        )
    elif lacking:
        findings.append(
            Finding(AGAINST, lambda: _indispensable_words(lacking, why, labels, ticked=True), obstacle=True)
        )
    if optional:
        findings.append(
            Finding(
                NOTE,
                lambda: (
                    _("Also works with, where you have them: %(partners)s.") % {"partners": _labels(optional, labels)}
                ),
            )
        )
    return findings


def _indispensable_words(slugs, why, labels, ticked=False):
    if ticked:
        text = _("It cannot do without a partner you did not tick: %(partners)s.")
    else:
        text = _("It cannot do without: %(partners)s.")
    text %= {"partners": _labels(slugs, labels)}
    if why:
        text += " " + _("Why: %(why)s") % {"why": why}
    return text


def budget_findings(cost_band: int | None, budget: int | None) -> list[Finding]:
    """A practice in a higher cost band than the budget the reader chose."""
    if not (budget and cost_band and cost_band > budget):
        return []
    return [
        Finding(
            AGAINST,
            lambda: (
                _("Costs more than you can spend: %(cost)s per child or family a year, you chose at most %(budget)s.")
                % {"cost": COST_RANGES[cost_band], "budget": COST_RANGES[budget]}
            ),
            obstacle=True,
        )
    ]


def dense_only_findings(track: Track, home: Place) -> list[Finding]:
    """Only ever used in densely populated places, all far denser than a sparser home."""
    known = [site for site in track.sites if site.comparison is not None]
    if not (
        known
        and len(known) == len(track.sites)
        and not track.here
        and home.density < DENSE
        and all(site.figures.density >= DENSE for site in known)
        and all(site.comparison.ratios["density"] > 1 and not site.comparison.alike_in("density") for site in known)
        and not any(site.comparison.is_alike for site in known)  # a look-alike is judged as one, not as dense
    ):
        return []

    def words():
        return _(
            "Only ever used in densely populated municipalities (%(dense)s or more inhabitants per "
            "km²: %(places)s); %(home)s has %(density)s per km²."
        ) % {
            "dense": number_format(DENSE, force_grouping=True),
            "places": _sites_text(known),
            "home": home.name,
            "density": number_format(round_density(home.density), force_grouping=True),
        }

    return [Finding(AGAINST, words, obstacle=True)]


def transfer_of(track: Track, implementations: list, home: Place) -> tuple[Transfer, list[Finding]]:
    """How far the record transfers to home (a ``Transfer``), and what to say when it is weak.

    Only a place like home (alike in figures and nearby) transfers strongly: a look-alike far
    away, or a neighbour unlike home, supports a partial fit at most.
    """
    if track.here or track.like:
        return Transfer.STRONG, []
    if track.alike_far or track.region or track.province or track.near or track.like_stopped:
        return Transfer.SOME, []
    if implementations and (track.judged_similarity or track.here_stopped):
        unlike = track.elsewhere or [site for site in track.sites if site.comparison is not None]

        def words():
            if unlike:
                return _("Not used near you nor in municipalities like yours; it ran in %(places)s.") % {
                    "places": _sites_text(unlike, compared=True)
                }
            return _("Not used near you nor in municipalities like yours.")

        return Transfer.NONE, [Finding(AGAINST, words)]
    # Say what could not be judged.
    if not implementations:
        return Transfer.UNKNOWN, [Finding(NOTE, lambda: _("There is no record yet of where this practice was used."))]
    if not home.has_figures:
        return Transfer.UNKNOWN, [
            Finding(
                NOTE,
                lambda: (
                    _("%(name)s has no figures for inhabitants and density, so similarity could not be judged.")
                    % {"name": home.name}
                ),
            )
        ]
    return Transfer.UNKNOWN, [
        Finding(NOTE, lambda: _("The places where it ran have no figures, so similarity could not be judged."))
    ]


def _labels(slugs, labels):
    return ", ".join(str(labels.get(slug, slug)) for slug in slugs)


def implementation_period(implementation):
    started, ended = implementation.get("started"), implementation.get("ended")
    if not started:
        return "?"
    if ended == started:
        return str(started)
    end = ended or _("now")
    return f"{started}-{end}"
