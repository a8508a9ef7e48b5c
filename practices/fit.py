"""The fit check: does a practice suit this professional's municipality?

Deterministic and explainable: every level comes with the reasons that produced it,
worded for the reader. The rules are set out in ``docs/regional-fit.md``; keep the
two in step.

The check reads a practice's ``fit_profile`` (its regional-fit record, kept on the
page) and the reference geography, and never queries per practice.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.models import Municipality

# How close a municipality must be to count as "similar".
URBANISATION_TOLERANCE = 1  # CBS classes apart
POPULATION_RATIO = 2.0  # at most this many times bigger or smaller
URBAN_CLASSES = {1, 2}
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
FIT_PARAMS = {PARAM_MUNICIPALITY, PARAM_PARTNER, PARAM_BUDGET, PARAM_CLEAR}


@dataclass(frozen=True)
class Place:
    pk: int
    name: str
    slug: str
    region_id: int
    region: str
    province_id: int
    province: str
    urbanisation: int | None
    population: int | None

    @property
    def has_figures(self):
        return self.urbanisation is not None and self.population is not None


class Geography:
    """All municipalities with their region, province and figures, loaded in one query."""

    def __init__(self, places):
        self.by_pk = {place.pk: place for place in places}
        self.by_slug = {place.slug: place for place in places}
        self.by_name = {place.name.casefold(): place for place in places}

    @classmethod
    def load(cls):
        rows = Municipality.objects.values_list(
            "pk",
            "name",
            "slug",
            "youth_region_id",
            "youth_region__name",
            "province_id",
            "province__name",
            "urbanisation_class",
            "population",
        ).order_by("province__name", "name")
        return cls([Place(*row) for row in rows])

    @classmethod
    def for_request(cls, request):
        """Once per request: the listing, the fit form and every card share it."""
        geography = getattr(request, "_wiel_geography", None)
        if geography is None:
            geography = cls.load()
            request._wiel_geography = geography
        return geography

    def find(self, value):
        value = (value or "").strip()
        return self.by_slug.get(value) or self.by_name.get(value.casefold())

    def grouped_by_province(self):
        groups = {}
        for place in self.by_pk.values():
            groups.setdefault(place.province, []).append(place)
        return list(groups.items())


@dataclass(frozen=True)
class FitQuestion:
    """What the professional told us: their municipality, and optionally partners and budget."""

    municipality: Place | None = None
    partners: frozenset | None = None  # None: not stated, so not held against a practice
    budget: int | None = None

    @property
    def is_asked(self):
        return self.municipality is not None

    def as_params(self):
        params = []
        if self.municipality:
            params.append((PARAM_MUNICIPALITY, self.municipality.slug))
        params += [(PARAM_PARTNER, slug) for slug in sorted(self.partners or ())]
        if self.budget:
            params.append((PARAM_BUDGET, str(self.budget)))
        return params

    def querystring(self):
        return urlencode(self.as_params())


def parse_question(data, geography):
    """A FitQuestion from query parameters (or the cookie, which holds the same)."""
    municipality = geography.find(data.get(PARAM_MUNICIPALITY))
    partners = frozenset(slug for slug in data.getlist(PARAM_PARTNER) if slug) or None
    try:
        budget = int(data.get(PARAM_BUDGET) or 0)
    except ValueError:
        budget = 0
    return FitQuestion(municipality, partners, budget if 1 <= budget <= 5 else None)


def question_from_request(request, geography):
    """The professional's question: from the URL when it carries one, else from the cookie.

    Returns the question and what to do with the cookie: ``("set", value)`` when the URL
    brought a new question, ``("delete", None)`` when the reader cleared it, else None.
    """
    if request.GET.get(PARAM_CLEAR) == "wissen":
        return FitQuestion(), ("delete", None)
    if PARAM_MUNICIPALITY in request.GET:
        question = parse_question(request.GET, geography)
        if question.is_asked:
            return question, ("set", question.querystring())
        return question, ("delete", None)
    cookie = request.COOKIES.get(COOKIE_NAME)
    if cookie:
        return parse_question(QueryDict(cookie), geography), None
    return FitQuestion(), None


def remember_question(response, cookie_action):
    """Apply the cookie change from :func:`question_from_request` and mark the response as varying by it."""
    if cookie_action:
        action, value = cookie_action
        if action == "set":
            response.set_cookie(COOKIE_NAME, value, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True)
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


def _names(places):
    names = sorted({place.name for place in places})
    shown = ", ".join(names[:NAMES_SHOWN])
    if len(names) > NAMES_SHOWN:
        shown += " " + ngettext("and %(count)d other", "and %(count)d others", len(names) - NAMES_SHOWN) % {
            "count": len(names) - NAMES_SHOWN
        }
    return shown


def _site_figures(implementation, place):
    """Urbanisation and population of one place where a practice ran.

    The implementation's own record of the area wins over the municipality's
    figures: a practice run in one town of a large rural municipality ran in that town.
    """
    urbanisation = implementation.get("urbanisation")
    population = implementation.get("population")
    if urbanisation is None:
        urbanisation = place.urbanisation
    if population is None:
        population = place.population
    return urbanisation, population


def _similar(figures, home):
    urbanisation, population = figures
    if urbanisation is None or population is None or not home.has_figures:
        return None  # cannot tell
    ratio = max(population, home.population) / max(1, min(population, home.population))
    return abs(urbanisation - home.urbanisation) <= URBANISATION_TOLERANCE and ratio <= POPULATION_RATIO


def assess(profile, cost_band, question, geography, partner_labels, explain=True):
    """The fit of one practice for ``question``. See docs/regional-fit.md for the rules.

    With ``explain=False`` only the level and strength are worked out, not the wording of
    the reasons: that is what sorting a long listing needs, and it is three times faster.
    """
    home = question.municipality
    reasons = []
    implementations = profile.get("implementations", [])

    here, here_stopped, similar, similar_stopped, region, province = [], [], [], [], [], []
    judged_similarity = False
    known_urbanisation = []
    for implementation in implementations:
        stopped = implementation.get("outcome") == STOPPED
        for pk in implementation.get("municipalities", []):
            place = geography.by_pk.get(pk)
            if place is None:
                continue
            figures = _site_figures(implementation, place)
            if figures[0] is not None:
                known_urbanisation.append(figures[0])
            if place.pk == home.pk:
                (here_stopped if stopped else here).append((place, implementation))
                continue
            is_similar = _similar(figures, home)
            if is_similar is not None:
                judged_similarity = True
            if is_similar:
                (similar_stopped if stopped else similar).append(place)
            elif not stopped and place.region_id == home.region_id:
                region.append(place)
            elif not stopped and place.province_id == home.province_id:
                province.append(place)

    # Track record of transfer.
    if here:
        periods = ", ".join(implementation_period(impl) for _place, impl in here)
        if explain:
            reasons.append(
                Reason(FOR, _("Already used in %(name)s (%(periods)s).") % {"name": home.name, "periods": periods})
            )
    if similar and explain:
        reasons.append(
            Reason(
                FOR,
                _("Used in municipalities like yours in urbanisation and size: %(names)s.")
                % {"names": _names(similar)},
            )
        )
    if region:
        if explain:
            reasons.append(
                Reason(
                    FOR,
                    _("Used nearby, in your jeugdregio %(region)s: %(names)s.")
                    % {"region": home.region, "names": _names(region)},
                )
            )
    elif province and explain:
        reasons.append(
            Reason(
                FOR,
                _("Used nearby, in your province %(province)s: %(names)s.")
                % {"province": home.province, "names": _names(province)},
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
            Reason(AGAINST, _("Stopped in comparable municipalities: %(names)s.") % {"names": _names(similar_stopped)})
        )

    # Conditions: partners, budget, urban-only track record.
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
    if (
        known_urbanisation
        and set(known_urbanisation) <= URBAN_CLASSES
        and home.urbanisation is not None
        and home.urbanisation not in URBAN_CLASSES
    ):
        obstacles += 1
        if explain:
            reasons.append(Reason(AGAINST, _("Only ever used in strongly urban municipalities; yours is less urban.")))

    if here or similar:
        transfer = "strong"
    elif region or province or similar_stopped:
        transfer = "some"
    elif implementations and (judged_similarity or here_stopped):
        transfer = "none"
        if explain:
            reasons.append(Reason(AGAINST, _("Not used near you nor in municipalities like yours.")))
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
                        _("%(name)s has no urbanisation and population figures, so similarity could not be judged.")
                        % {"name": home.name},
                    )
                )
        else:
            if explain:
                reasons.append(
                    Reason(NOTE, _("The places where it ran have no figures, so similarity could not be judged."))
                )

    level = _level(transfer, obstacles)
    strength = bool(here) + bool(similar) + bool(region or province)
    return Fit(level, reasons, strength)


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
