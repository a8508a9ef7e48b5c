"""The reader's fit question: their municipality, and optionally partners and budget.

It comes from the URL (the fit form is a plain GET form) or, on later pages, from the
``wiel_fit`` cookie that remembers it; ``practices/fit.py`` answers it. This is the views'
side of the fit check: parsing, the cookie, and the query strings of the links that keep it.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict

from core.geography.names import FOUND, Resolution
from core.geography.places import Geography, Place

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


def parse_question(data: QueryDict, geography: Geography, from_cookie: bool = False) -> "FitQuestion":
    """A FitQuestion from query parameters (or the cookie, which holds the same)."""
    lookup = geography.names.resolve(data.get(PARAM_MUNICIPALITY))
    partners = frozenset(slug for slug in data.getlist(PARAM_PARTNER) if slug and slug.isascii()) or None
    budget = data.get(PARAM_BUDGET) or ""
    budget = int(budget) if budget in {"1", "2", "3", "4", "5"} else None
    if from_cookie:  # a stale cookie is forgotten quietly, not reported as the reader's mistake
        return FitQuestion(lookup.place, partners, budget)
    return FitQuestion(lookup.place, partners, budget, lookup)


def question_from_request(request: HttpRequest, geography: Geography) -> tuple["FitQuestion", tuple | None]:
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


def remember_question(response: HttpResponse, cookie_action: tuple | None) -> HttpResponse:
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
