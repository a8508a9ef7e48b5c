"""The fit check: does a practice suit this professional's municipality?

Deterministic and explainable: every level comes with the reasons that produced it,
worded for the reader and naming the figures compared. The rules are set out in
``docs/regional-fit.md``; keep the two in step.

The check reads a practice's ``fit_profile`` (its regional-fit record, kept on the
page), the reader's question (``practices/question.py``: the municipality, partners and
budget from the URL or the cookie) and the reference geography (``core.geography``), and
never queries per practice.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.geography.places import Figures, Geography, Place, compare, round_density

from .question import FitQuestion

# "Only ever used in densely populated municipalities": every place it ran has at least this
# many inhabitants per km² of land, home has fewer and is outside the density band of all of them.
DENSE = 1_500
NAMES_SHOWN = 3

GOOD, PARTIAL, WEAK, UNKNOWN = "goed", "deels", "zwak", "onbekend"
LEVEL_LABELS = {
    GOOD: gettext_lazy("good fit"),
    PARTIAL: gettext_lazy("partial fit"),
    WEAK: gettext_lazy("weak fit"),
    UNKNOWN: gettext_lazy("fit unknown"),
}
# Sort order of the listing: known good news first, known bad news last.
LEVEL_RANK = {GOOD: 3, PARTIAL: 2, UNKNOWN: 1, WEAK: 0}

FOR, AGAINST, NOTE = "for", "against", "note"
STOPPED = "gestopt"


@dataclass
class Reason:
    tone: str  # FOR, AGAINST or NOTE
    text: str


@dataclass
class Fit:
    level: str
    reasons: list = field(default_factory=list)
    strength: int = 0  # number of reasons in favour: breaks ties when sorting
    home: str = ""  # the reader's municipality with its figures, when the reasons are worded

    @property
    def label(self):
        return LEVEL_LABELS[self.level]

    @property
    def rank(self):
        return LEVEL_RANK[self.level]

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
    comparison: object  # core.geography.places.Comparison, or None when a figure is missing

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
    shown = "; ".join(site.text(compared) for site in ordered[:NAMES_SHOWN])
    if len(ordered) > NAMES_SHOWN:
        more = len(ordered) - NAMES_SHOWN
        shown += " " + ngettext("and %(count)d other", "and %(count)d others", more) % {"count": more}
    return shown


def home_text(home):
    """'Deventer (103,000 inhabitants, 790 per km²)', the home side of every comparison."""
    if not home.has_figures:
        return home.name
    return f"{home.name} ({home.figures.text()})"


def _site_figures(implementation, place):
    """The figures of one place where a practice ran.

    The implementation's own record of the area wins over the municipality's
    figures: a practice run in one town of a large rural municipality ran in that town.
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
    """Where a practice ran, sorted by how it relates to the reader's municipality."""

    here: list = field(default_factory=list)  # (place, implementation) in home itself
    here_stopped: list = field(default_factory=list)
    similar: list = field(default_factory=list)  # Sites similar in size and density
    similar_stopped: list = field(default_factory=list)
    region: list = field(default_factory=list)  # in the same jeugdregio
    province: list = field(default_factory=list)
    elsewhere: list = field(default_factory=list)
    sites: list = field(default_factory=list)  # every place other than home, compared
    judged_similarity: bool = False


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
    findings = [
        *track_findings(track, home),
        *partner_findings(profile.get("partners_needed", []), question.partners, partner_labels),
        *budget_findings(cost_band, question.budget),
        *dense_only_findings(track, home),
        *transfer_findings,
    ]
    obstacles = sum(finding.obstacle for finding in findings)
    reasons = [Reason(finding.tone, finding.words()) for finding in findings] if explain else []
    strength = bool(track.here) + bool(track.similar) + bool(track.region or track.province)
    return Fit(_level(transfer, obstacles), reasons, strength, home_text(home) if explain else "")


def track_record(implementations: list, home: Place, geography: Geography) -> Track:
    """Sort the places of the record: home, similar places, the region, the province, elsewhere."""
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
            site = Site(place, figures, compare(figures, home))
            track.sites.append(site)
            track.judged_similarity = track.judged_similarity or site.comparison is not None
            if site.comparison is not None and site.comparison.is_similar:
                (track.similar_stopped if stopped else track.similar).append(site)
            elif stopped:
                continue
            elif place.region_id == home.region_id:
                track.region.append(site)
            elif place.province_id == home.province_id:
                track.province.append(site)
            else:
                track.elsewhere.append(site)
    return track


def track_findings(track: Track, home: Place) -> list[Finding]:
    """The record of transfer: used here, in similar places, nearby; stopped here or in similar places."""
    findings = []
    if track.here:
        periods = ", ".join(implementation_period(impl) for _place, impl in track.here)
        findings.append(
            Finding(FOR, lambda: _("Already used in %(name)s (%(periods)s).") % {"name": home.name, "periods": periods})
        )
    if track.similar:
        findings.append(
            Finding(
                FOR,
                lambda: (
                    _("Used in municipalities similar in size and density to %(home)s: %(places)s.")
                    % {"home": home_text(home), "places": _sites_text(track.similar)}
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
    for _place, implementation in track.here_stopped:
        why = implementation.get("why_not") or "-"
        findings.append(
            Finding(
                AGAINST,
                lambda why=why: _("Stopped earlier in %(name)s: %(why)s") % {"name": home.name, "why": why},
                obstacle=True,
            )
        )
    if track.similar_stopped:
        findings.append(
            Finding(
                AGAINST,
                lambda: (
                    _("Stopped in municipalities similar to %(home)s: %(places)s.")
                    % {"home": home_text(home), "places": _sites_text(track.similar_stopped)}
                ),
            )
        )
    return findings


def partner_findings(needed: list, ticked: frozenset | None, labels: dict) -> list[Finding]:
    """A partner the practice needs and the reader did not tick; or, unasked, a reminder of them."""
    if ticked is not None:
        missing = [slug for slug in needed if slug not in ticked]
        if not missing:
            return []
        return [
            Finding(
                AGAINST,
                lambda: _("Needs a partner you did not tick: %(partners)s.") % {"partners": _labels(missing, labels)},
                obstacle=True,
            )
        ]
    if needed:
        return [
            Finding(
                NOTE, lambda: _("Check that you can work with: %(partners)s.") % {"partners": _labels(needed, labels)}
            )
        ]
    return []


def budget_findings(cost_band: int | None, budget: int | None) -> list[Finding]:
    """A practice in a higher cost band than the budget the reader chose."""
    if not (budget and cost_band and cost_band > budget):
        return []
    return [
        Finding(
            AGAINST,
            lambda: (
                _("Costs more than your budget: cost band %(band)d, you chose at most %(budget)d.")
                % {"band": cost_band, "budget": budget}
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
        and all(site.comparison.density_ratio > 1 and not site.comparison.similar_density for site in known)
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


def transfer_of(track: Track, implementations: list, home: Place) -> tuple[str, list[Finding]]:
    """How far the record transfers to home (strong, some, none, unknown), and what to say when weak."""
    if track.here or track.similar:
        return "strong", []
    if track.region or track.province or track.similar_stopped:
        return "some", []
    if implementations and (track.judged_similarity or track.here_stopped):
        unlike = track.elsewhere or [site for site in track.sites if site.comparison is not None]

        def words():
            if unlike:
                return _("Not used near you nor in municipalities like yours; it ran in %(places)s.") % {
                    "places": _sites_text(unlike, compared=True)
                }
            return _("Not used near you nor in municipalities like yours.")

        return "none", [Finding(AGAINST, words)]
    # Say what could not be judged.
    if not implementations:
        return "unknown", [Finding(NOTE, lambda: _("There is no record yet of where this practice was used."))]
    if not home.has_figures:
        return "unknown", [
            Finding(
                NOTE,
                lambda: (
                    _("%(name)s has no figures for inhabitants and density, so similarity could not be judged.")
                    % {"name": home.name}
                ),
            )
        ]
    return "unknown", [
        Finding(NOTE, lambda: _("The places where it ran have no figures, so similarity could not be judged."))
    ]


def _level(transfer, obstacles):
    if transfer == "strong":
        return GOOD if obstacles == 0 else PARTIAL
    if transfer == "some":
        return PARTIAL if obstacles == 0 else WEAK
    if transfer == "none":
        return WEAK
    return UNKNOWN if obstacles == 0 else WEAK


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
