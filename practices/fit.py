"""The fit check: does a practice suit this professional's municipality?

Deterministic and explainable: every level comes with the reasons that produced it,
worded for the reader and naming the figures compared. The rules are set out in
``docs/regional-fit.md``; keep the two in step.

The check reads a practice's ``fit_profile`` (its regional-fit record, kept on the
page) and the reference geography (``core.geography``), and never queries per practice.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.geography.names import FOUND, Resolution
from core.geography.places import Figures, Geography, Place, compare, round_density

__all__ = ["FitQuestion", "Geography", "Place", "assess", "parse_question", "question_from_request"]

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

COOKIE_NAME = "wiel_fit"
COOKIE_MAX_AGE = 180 * 24 * 3600
PARAM_MUNICIPALITY, PARAM_PARTNER, PARAM_BUDGET, PARAM_CLEAR = "gemeente", "partner", "budget", "fit"
# Where the fit form sends the reader: the answer, placed first on every page that has the form.
ANSWER_ANCHOR = "fit-answer"


@dataclass(frozen=True)
class FitQuestion:
    """What the professional told us: their municipality, and optionally partners and budget.

    ``lookup`` is how the typed name was understood (see ``core.geography.names``): it
    carries the note for a former municipality, or the error and suggestions when no
    municipality was found, so the form can say so instead of dropping the question.
    """

    municipality: Place | None = None
    partners: frozenset | None = None  # None: not stated, so not held against a practice
    budget: int | None = None
    lookup: Resolution | None = None

    @property
    def is_asked(self):
        return self.municipality is not None

    @property
    def error(self):
        return self.lookup.error if self.lookup and self.lookup.status != FOUND else ""

    @property
    def note(self):
        return self.lookup.note if self.lookup else ""

    @property
    def suggestions(self):
        return self.lookup.suggestions if self.error else ()

    @property
    def typed(self):
        """What the municipality field shows: the name found, or what was typed when nothing was."""
        if self.municipality:
            return self.municipality.name
        return self.lookup.typed if self.lookup else ""

    def as_params(self, municipality=None):
        params = []
        municipality = municipality or self.municipality
        if municipality:
            params.append((PARAM_MUNICIPALITY, municipality.slug))
        params += [(PARAM_PARTNER, slug) for slug in sorted(self.partners or ())]
        if self.budget:
            params.append((PARAM_BUDGET, str(self.budget)))
        return params

    def querystring(self):
        return urlencode(self.as_params())

    def suggestion_links(self):
        """(label, province, querystring) for each suggested municipality, keeping partners and budget."""
        return [
            (suggestion.label, suggestion.place.province, urlencode(self.as_params(suggestion.place)))
            for suggestion in self.suggestions
        ]


def parse_question(data, geography, from_cookie=False):
    """A FitQuestion from query parameters (or the cookie, which holds the same)."""
    lookup = geography.names.resolve(data.get(PARAM_MUNICIPALITY))
    partners = frozenset(slug for slug in data.getlist(PARAM_PARTNER) if slug and slug.isascii()) or None
    budget = data.get(PARAM_BUDGET) or ""
    budget = int(budget) if budget in {"1", "2", "3", "4", "5"} else None
    if from_cookie:  # a stale cookie is forgotten quietly, not reported as the reader's mistake
        return FitQuestion(lookup.place, partners, budget)
    return FitQuestion(lookup.place, partners, budget, lookup)


def question_from_request(request, geography):
    """The professional's question: from the URL when it carries one, else from the cookie.

    Returns the question and what to do with the cookie: ``("set", value)`` when the URL
    brought a new question, ``("delete", None)`` when the reader cleared it, else None. A
    name that finds no municipality leaves the cookie as it was and the question unanswered,
    with the error and suggestions on the question.
    """
    if request.GET.get(PARAM_CLEAR) == "wissen":
        return FitQuestion(), ("delete", None)
    if PARAM_MUNICIPALITY in request.GET:
        question = parse_question(request.GET, geography)
        if question.is_asked:
            return question, ("set", question.querystring())
        return question, None
    cookie = request.COOKIES.get(COOKIE_NAME)
    if cookie:
        return parse_question(QueryDict(cookie), geography, from_cookie=True), None
    return FitQuestion(), None


def remember_question(response, cookie_action):
    """Apply the cookie change from :func:`question_from_request` and mark the response as varying by it."""
    if cookie_action:
        action, value = cookie_action
        if action == "set":
            response.set_cookie(
                COOKIE_NAME,
                value,
                max_age=COOKIE_MAX_AGE,
                samesite="Lax",
                httponly=True,
                secure=settings.SESSION_COOKIE_SECURE,  # HTTPS only in production, like every cookie
            )
        else:
            response.delete_cookie(COOKIE_NAME, samesite="Lax")
    response.headers["Vary"] = ", ".join(filter(None, [response.headers.get("Vary"), "Cookie"]))
    return response


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


def assess(profile, cost_band, question, geography, partner_labels, explain=True):
    """The fit of one practice for ``question``. See docs/regional-fit.md for the rules.

    With ``explain=False`` only the level and strength are worked out, not the wording of
    the reasons: that is what sorting a long listing needs, and it is three times faster.
    """
    home = question.municipality
    reasons = []
    implementations = profile.get("implementations", [])

    here, here_stopped, similar, similar_stopped, region, province, elsewhere = [], [], [], [], [], [], []
    judged_similarity = False
    sites = []
    for implementation in implementations:
        stopped = implementation.get("outcome") == STOPPED
        for pk in implementation.get("municipalities", []):
            place = geography.by_pk.get(pk)
            if place is None:
                continue
            if place.pk == home.pk:
                (here_stopped if stopped else here).append((place, implementation))
                continue
            figures = _site_figures(implementation, place)
            site = Site(place, figures, compare(figures, home))
            sites.append(site)
            if site.comparison is not None:
                judged_similarity = True
            if site.comparison is not None and site.comparison.is_similar:
                (similar_stopped if stopped else similar).append(site)
            elif stopped:
                continue
            elif place.region_id == home.region_id:
                region.append(site)
            elif place.province_id == home.province_id:
                province.append(site)
            else:
                elsewhere.append(site)

    # Track record of transfer.
    if here and explain:
        periods = ", ".join(implementation_period(impl) for _place, impl in here)
        reasons.append(
            Reason(FOR, _("Already used in %(name)s (%(periods)s).") % {"name": home.name, "periods": periods})
        )
    if similar and explain:
        reasons.append(
            Reason(
                FOR,
                _("Used in municipalities similar in size and density to %(home)s: %(places)s.")
                % {"home": home_text(home), "places": _sites_text(similar)},
            )
        )
    if region:
        if explain:
            reasons.append(
                Reason(
                    FOR,
                    _("Used nearby, in your jeugdregio %(region)s: %(places)s.")
                    % {"region": home.region, "places": _sites_text(region, compared=True)},
                )
            )
    elif province and explain:
        reasons.append(
            Reason(
                FOR,
                _("Used nearby, in your province %(province)s: %(places)s.")
                % {"province": home.province, "places": _sites_text(province, compared=True)},
            )
        )
    obstacles = 0
    for _place, implementation in here_stopped:
        obstacles += 1
        if explain:
            reasons.append(
                Reason(
                    AGAINST,
                    _("Stopped earlier in %(name)s: %(why)s")
                    % {"name": home.name, "why": implementation.get("why_not") or "-"},
                )
            )
    if similar_stopped and explain:
        reasons.append(
            Reason(
                AGAINST,
                _("Stopped in municipalities similar to %(home)s: %(places)s.")
                % {"home": home_text(home), "places": _sites_text(similar_stopped)},
            )
        )

    # Conditions: partners, budget, a track record in dense places only.
    needed = profile.get("partners_needed", [])
    if question.partners is not None:
        missing = [slug for slug in needed if slug not in question.partners]
        if missing:
            obstacles += 1
            if explain:
                reasons.append(
                    Reason(
                        AGAINST,
                        _("Needs a partner you did not tick: %(partners)s.")
                        % {"partners": _labels(missing, partner_labels)},
                    )
                )
    elif needed and explain:
        reasons.append(
            Reason(
                NOTE,
                _("Check that you can work with: %(partners)s.") % {"partners": _labels(needed, partner_labels)},
            )
        )
    if question.budget and cost_band and cost_band > question.budget:
        obstacles += 1
        if explain:
            reasons.append(
                Reason(
                    AGAINST,
                    _("Costs more than your budget: cost band %(band)d, you chose at most %(budget)d.")
                    % {"band": cost_band, "budget": question.budget},
                )
            )
    known = [site for site in sites if site.comparison is not None]
    if (
        known
        and len(known) == len(sites)
        and not here
        and home.density < DENSE
        and all(site.figures.density >= DENSE for site in known)
        and all(site.comparison.density_ratio > 1 and not site.comparison.similar_density for site in known)
    ):
        obstacles += 1
        if explain:
            reasons.append(
                Reason(
                    AGAINST,
                    _(
                        "Only ever used in densely populated municipalities (%(dense)s or more inhabitants per "
                        "km²: %(places)s); %(home)s has %(density)s per km²."
                    )
                    % {
                        "dense": number_format(DENSE, force_grouping=True),
                        "places": _sites_text(known),
                        "home": home.name,
                        "density": number_format(round_density(home.density), force_grouping=True),
                    },
                )
            )

    if here or similar:
        transfer = "strong"
    elif region or province or similar_stopped:
        transfer = "some"
    elif implementations and (judged_similarity or here_stopped):
        transfer = "none"
        if explain:
            unlike = elsewhere or [site for site in sites if site.comparison is not None]
            reasons.append(
                Reason(
                    AGAINST,
                    _("Not used near you nor in municipalities like yours; it ran in %(places)s.")
                    % {"places": _sites_text(unlike, compared=True)}
                    if unlike
                    else _("Not used near you nor in municipalities like yours."),
                )
            )
    else:
        transfer = "unknown"
        # Say what we could not judge.
        if not implementations:
            if explain:
                reasons.append(Reason(NOTE, _("There is no record yet of where this practice was used.")))
        elif not home.has_figures:
            if explain:
                reasons.append(
                    Reason(
                        NOTE,
                        _("%(name)s has no figures for inhabitants and density, so similarity could not be judged.")
                        % {"name": home.name},
                    )
                )
        elif explain:
            reasons.append(
                Reason(NOTE, _("The places where it ran have no figures, so similarity could not be judged."))
            )

    level = _level(transfer, obstacles)
    strength = bool(here) + bool(similar) + bool(region or province)
    return Fit(level, reasons, strength, home_text(home) if explain else "")


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
