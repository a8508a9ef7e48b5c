"""The reader's fit question: their municipality, and optionally partners and budget.

It comes from the URL only, so each answer can be cached by its URL. The fit form (a plain GET
form) goes to :func:`remember`, which keeps the question in the ``wiel_fit`` cookie and sends the
reader back with the question in the URL; a later fit page asked without one sends a reader with
the cookie to the same page with it (:func:`remembered_redirect`). ``practices/fit.py`` answers
it. This is the views' side of the fit check: parsing, the cookie, and the links that keep it.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Locale

from core.http.visibility import active_locale
from geography.names import FOUND, Resolution
from geography.places import Geography, Place

from .models import PracticeIndexPage

COOKIE_NAME = "wiel_fit"
COOKIE_MAX_AGE = 180 * 24 * 3600
PARAM_MUNICIPALITY, PARAM_PARTNER, PARAM_BUDGET, PARAM_CLEAR = "gemeente", "partner", "budget", "fit"
# Where the fit form sends the reader: the answer, placed first on every page that has the form.
ANSWER_ANCHOR = "fit-answer"


@dataclass(frozen=True)
class FitQuestion:
    """What the professional told us: their municipality, and optionally partners and budget.

    ``lookup`` is how the typed name was understood (see ``geography.names``): it
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
            return self._kept_name() or self.municipality.name
        return self.lookup.typed if self.lookup else ""

    def _kept_name(self):
        return self.lookup.kept_name if self.lookup and self.lookup.place == self.municipality else ""

    @property
    def heading(self):
        """The municipality as the answer is headed: 'Weesp (part of Amsterdam since 2022)'."""
        if self.lookup and self.lookup.place == self.municipality:
            return self.lookup.heading
        return self.municipality.name if self.municipality else ""

    def as_params(self, municipality=None):
        """The question as URL parameters. The name typed stays where it is one people use (Weesp,
        Den Haag), so the page keeps saying which place was asked about; otherwise the slug."""
        params = []
        if municipality:
            params.append((PARAM_MUNICIPALITY, municipality.slug))
        elif self.municipality:
            params.append((PARAM_MUNICIPALITY, self._kept_name() or self.municipality.slug))
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


def parse_question(data: QueryDict, geography: Geography, from_cookie: bool = False) -> "FitQuestion":
    """A FitQuestion from query parameters (or the cookie, which holds the same)."""
    lookup = geography.names.resolve(data.get(PARAM_MUNICIPALITY))
    partners = frozenset(slug for slug in data.getlist(PARAM_PARTNER) if slug and slug.isascii()) or None
    budget = data.get(PARAM_BUDGET) or ""
    budget = int(budget) if budget in {"1", "2", "3", "4", "5"} else None
    if from_cookie:  # a stale cookie is forgotten quietly, not reported as the reader's mistake
        return FitQuestion(lookup.place, partners, budget, lookup if lookup.place else None)
    return FitQuestion(lookup.place, partners, budget, lookup)


def question_from_request(request: HttpRequest, geography: Geography) -> "FitQuestion":
    """The professional's question, from the URL only: a page's answer depends on its URL alone,
    so a cache can keep one copy per URL (the cookie only leads to that URL, see below)."""
    if PARAM_MUNICIPALITY in request.GET:
        return parse_question(request.GET, geography)
    return FitQuestion()


def remembered_redirect(request: HttpRequest, geography: Geography) -> HttpResponse | None:
    """A fit page asked without a question, by a reader whose cookie holds one: the same page with
    the question in its URL (private, so no cache keeps this personal step). None otherwise."""
    cookie = request.COOKIES.get(COOKIE_NAME)
    if not cookie or PARAM_MUNICIPALITY in request.GET or request.GET.get(PARAM_CLEAR):
        return None
    question = parse_question(QueryDict(cookie), geography, from_cookie=True)
    if not question.is_asked:
        return None  # a stale cookie is forgotten quietly
    params = [(key, value) for key, values in request.GET.lists() for value in values if key not in QUESTION_PARAMS]
    response = HttpResponseRedirect(f"{request.path}?{urlencode(params + question.as_params())}")
    patch_cache_control(response, private=True, no_store=True)
    return response


QUESTION_PARAMS = {PARAM_MUNICIPALITY, PARAM_PARTNER, PARAM_BUDGET, PARAM_CLEAR}
PARAM_NEXT = "naar"


def remember(request: HttpRequest) -> HttpResponse:
    """Where the fit form goes: keep the question in the cookie, then show it on the page it came from.

    ``naar`` names that page (a path on this site; anything else goes to the practice overview).
    The other parameters (the page's filters) go along. A name that finds no municipality keeps the
    cookie as it was, and the page asks again; ``fit=wissen`` forgets the question.
    """
    target = request.GET.get(PARAM_NEXT, "")
    if not (target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})):
        target = _overview_path()
    keep = [
        (key, value)
        for key, values in request.GET.lists()
        for value in values
        if key not in QUESTION_PARAMS and key != PARAM_NEXT
    ]
    if request.GET.get(PARAM_CLEAR) == "wissen":
        response = HttpResponseRedirect(f"{target}?{urlencode(keep)}" if keep else target)
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
    else:
        question = parse_question(request.GET, Geography.for_request(request))
        # A name that finds nothing goes back as typed, so the page can ask again with suggestions.
        asked = (
            question.as_params() if question.is_asked else [(PARAM_MUNICIPALITY, question.typed), *question.as_params()]
        )
        response = HttpResponseRedirect(f"{target}?{urlencode(keep + asked)}#{ANSWER_ANCHOR}")
        if question.is_asked:
            response.set_cookie(
                COOKIE_NAME,
                question.querystring(),
                max_age=COOKIE_MAX_AGE,
                samesite="Lax",
                httponly=True,
                secure=settings.SESSION_COOKIE_SECURE,  # HTTPS only in production, like every cookie
            )
    patch_cache_control(response, private=True, no_store=True)
    return response


def _overview_path():
    try:
        overview = PracticeIndexPage.objects.live().filter(locale=active_locale()).order_by("depth").first()
    except Locale.DoesNotExist:
        overview = None
    return overview.url if overview else "/"
