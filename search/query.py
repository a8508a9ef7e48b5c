"""One search across the site, through Wagtail's search framework (the backend comes from settings).

The same code runs on the database backend (SQLite FTS5 locally, PostgreSQL full-text search)
and on Elasticsearch: it hands the backend a Page queryset, a cleaned query string and filters
the backend indexes (content type, locale), and asks it for facet counts.
"""

import hashlib
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from django.db import connection, connections
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Fuzzy, Or, PlainText

from ambitions.models import AmbitionPage
from articles.models import ArticlePage
from core.http.fragments import cached_fragment, cached_items
from core.http.visibility import active_locale, public
from core.models import WerkplaatsPage
from core.pagination import paginate
from events.models import EventPage
from learning.models import ProposalPage, StoryPage
from newsletters.models import NewsletterPage
from opportunities.models import OpportunityPage, ProjectPage
from practices.models import PracticePage

from . import circuit, decompound, facets, failover
from .analysis import content_words, plural_variant, searching_in, words
from .ranking import goal_first
from .synonyms import expand, phrase_spans, units
from .vocabulary import correct

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
# URL value, model, label: the kinds of page the search covers.
KINDS = [
    ("praktijk", PracticePage, _("Practice example")),
    ("bijeenkomst", EventPage, _("Event")),
    ("artikel", ArticlePage, _("Article")),
    ("nieuwsbrief", NewsletterPage, _("Newsletter")),
    ("verbetervoorstel", ProposalPage, _("Improvement proposal")),
    ("ervaringsverhaal", StoryPage, _("Lived-experience story")),
    ("ambitie", AmbitionPage, _("Ambition")),
    ("kans", OpportunityPage, _("Opportunity")),
    ("project", ProjectPage, _("Project")),
]


# When scores are close, the kind a professional most often comes for goes first (search/ranking.py).
PREFERRED = (PracticePage,)


def clean_query(text):
    """What the backend gets: printable text, whitespace collapsed, at most MAX_QUERY_LENGTH characters.

    Control characters, unpaired surrogates and double quotes are dropped (SQLite's full-text
    engine reads quotes as phrase syntax and fails on unbalanced ones; phrases are not offered).
    Other query syntax (colons, brackets, AND/OR) is left to the backend's plain-text query,
    which treats it as words.
    """
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char
        for char in text
        if unicodedata.category(char) not in ("Cs", "Co", "Cn")
    )
    text = text.replace('"', " ")
    return re.sub(r"\s+", " ", text).strip()[:MAX_QUERY_LENGTH].strip()


def searchable_pages(locale=None):
    """Live, public pages of the searched kinds in the language, without issues not yet sent."""
    models = [model for _slug, model, _label in KINDS]
    return public(Page.objects.live()).type(*models).filter(locale=locale or active_locale())


def backend_query(backend, query, operator="and"):
    """What the backend searches for: Elasticsearch applies the synonyms and compounds itself (in
    its search analyser); for the database backends the query is expanded with them."""
    if isinstance(backend, ElasticsearchBaseSearchBackend):
        return PlainText(query, operator=operator)
    alternatives = [*expand(query), plural_variant(query)]
    alternatives = [alternative for alternative in alternatives if alternative]
    if not alternatives:
        return PlainText(query, operator=operator)
    return Or([PlainText(text, operator=operator) for text in [query, *alternatives]])


def supports_fuzzy(backend):
    """Whether the backend tolerates typos: Elasticsearch does, PostgreSQL with its pg_trgm
    extension (migration 0004) does, SQLite's full-text index does not."""
    if isinstance(backend, ElasticsearchBaseSearchBackend):
        return True
    return connection.vendor == "postgresql" and _has_trigrams(connection.alias)


@cache
def _has_trigrams(alias):
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


class How(StrEnum):
    """What the search did to find something when the words as typed found nothing (``find``), in
    the order it tries; the notice above the results says it, and the search log keeps the value."""

    AS_TYPED = ""
    WITHOUT_SMALL_WORDS = "zonder-kleine-woorden"
    SPLIT = "gesplitst"
    CORRECTED = "verbeterd"
    SOME_WORDS = "deel"
    CLOSE = "lijkt"


MAX_TERMS = 8  # words (or listed phrases) counted one by one when ranking by how many match


@dataclass
class Attempt:
    ids: list
    how: How = How.AS_TYPED
    searched: str = ""  # the words searched, when not the query as typed
    dropped: tuple = ()  # the small words left out (How.WITHOUT_SMALL_WORDS)
    suggestion: str = ""  # "did you mean ...?": the query with its unknown words corrected
    tried: tuple = ()  # when nothing was found: the other forms of the query that were searched too

    @property
    def without_small_words(self):
        return self.how == How.WITHOUT_SMALL_WORDS

    @property
    def split(self):
        return self.how == How.SPLIT

    @property
    def corrected(self):
        return self.how == How.CORRECTED

    @property
    def some_words(self):
        return self.how == How.SOME_WORDS

    @property
    def close(self):
        return self.how == How.CLOSE


def find(backend, query, pages, language):
    """The ranked ids ``query`` finds, trying ever looser searches while nothing is found.

    1. every word, as typed (with the synonyms and compounds);
    2. every word but the small ones (``search/data/stopwords_*.txt``);
    3. with each compound or derivation no indexed page uses split into words pages do use
       ("jeugdhulpverlening": "jeugd hulpverlening"; ``search/decompound.py``);
    4. with each word no indexed page uses replaced by the closest one that a page does use
       (``search/vocabulary.py``);
    5. any of the words, those matching the most words first (Elasticsearch: at least half of
       them, ``minimum_should_match``), with compounds split even where only their first part
       is known;
    6. where the backend tolerates typos (PostgreSQL trigrams, Elasticsearch fuzziness), words
       that look alike.
    """
    ids = _search(backend, query, pages)
    if ids:
        return Attempt(ids)
    tried = []
    in_phrases = {position for start, size in phrase_spans(query) for position in range(start, start + size)}
    content = " ".join(content_words(query, language, keep=in_phrases))
    if content != " ".join(words(query)):
        tried.append(content)
        ids = _search(backend, content, pages)
        if ids:
            dropped = tuple(word for word in words(query) if word not in content.split())
            return Attempt(ids, How.WITHOUT_SMALL_WORDS, content, dropped)
    parts, loose_parts = decompound.splits(content)
    if parts:
        tried.append(parts)
        ids = _search(backend, parts, pages)
        if ids:
            return Attempt(ids, How.SPLIT, parts)
    correction = correct(content)
    if correction:
        tried.append(correction)
        ids = _search(backend, correction, pages)
        if ids:
            return Attempt(ids, How.CORRECTED, correction)
    terms = units(correction or loose_parts or content)
    if len(terms) > 1:
        tried.append(" ".join(terms))
        ids = _search_any(backend, terms[:MAX_TERMS], pages)
        if ids:
            return Attempt(ids, How.SOME_WORDS, " ".join(terms), suggestion=correction)
    if supports_fuzzy(backend):
        ids = backend.search(Fuzzy(query), pages).ids(facets.WINDOW)
        if ids:
            return Attempt(ids, How.CLOSE, suggestion=correction)
    return Attempt([], suggestion=correction, tried=tuple(dict.fromkeys(tried)))


def _search(backend, text, pages):
    return backend.search(backend_query(backend, text), pages).ids(facets.WINDOW) if text else []


def _search_any(backend, terms, pages):
    """Pages with any of ``terms`` (words, and phrases the editors listed): on the database
    backends, those with the most of them first (then by score), a phrase counting once for its
    synonym group; Elasticsearch ranks by the words matched itself."""
    ids = backend.search(backend_query(backend, " ".join(terms), operator="or"), pages).ids(facets.WINDOW)
    if not ids or isinstance(backend, ElasticsearchBaseSearchBackend):
        return ids
    among = pages.filter(pk__in=ids)
    matched = Counter()
    for term in terms:
        matched.update(backend.search(backend_query(backend, term), among).ids(facets.WINDOW))
    position = {pk: rank for rank, pk in enumerate(ids)}
    return sorted(ids, key=lambda pk: (-matched[pk], position[pk]))


@dataclass
class Found:
    ids: list  # the ids of the pages found, best first
    facets: list  # [FacetResult]
    attempt: Attempt = None  # how they were found (see ``find``)

    @property
    def fuzzy(self):
        return bool(self.attempt and self.attempt.close)


def run(query, chosen, locale=None, exclude=(), backend=None):
    """What ``query`` finds under the ticked facet values ``chosen`` ({Dimension: set}), without
    the pages in ``exclude`` (the promoted ones, shown above).

    The backend is asked for the ranked ids of every match (at most ``facets.WINDOW``): the facets
    are counted from them, and the page of results is a slice of them. When the words as typed
    find nothing, ``find`` loosens the search step by step and says how.
    """
    backend = backend or get_search_backend()
    locale = locale or active_locale()
    pages = searchable_pages(locale)
    if exclude:
        pages = pages.exclude(pk__in=list(exclude))
    if not query:
        return Found([], facets.count([], {}, chosen, KINDS, locale)[1], Attempt([]))
    with searching_in(locale.language_code):  # English pages with English rules (search/analysis.py)
        attempt = find(backend, query, pages, locale.language_code)
    ids = goal_first(attempt.ids, attempt.searched or query, locale.language_code, preferred=PREFERRED)
    passing, results = facets.count(ids, facets.kept_page_values(ids, KINDS), chosen, KINDS, locale)
    return Found(ids if passing is None else passing, results, attempt)


def kept_run(query, chosen, exclude, backend):
    """``run``, kept in the shared cache for the content version (and at most the hour, for the
    upcoming/past facet): a query asked again, with other facets ticked or for its next page of
    results, costs no search and no counting."""
    identity = repr(
        (
            query,
            sorted((dimension.key, sorted(values)) for dimension, values in chosen.items()),
            sorted(exclude),
            active_locale().language_code,
            type(backend).__module__,
            timezone.localtime().strftime("%Y-%m-%dT%H"),
        )
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()
    with failover.watch() as watch:  # what the database answered for a failing engine is not kept
        compute = lambda: run(query, chosen, exclude=exclude, backend=backend)  # noqa: E731
        return cached_fragment(("search", digest), compute, keep=lambda _: not watch.degraded)


@dataclass
class Outcome:
    page: object  # a paginator page of results: specific pages, with their werkplaats
    facets: list  # [FacetResult]
    degraded: bool  # answered by the database because the search engine failed
    attempt: Attempt = None  # see Found


def with_fallback(search):
    """``search(backend)`` on the search engine, or on the database backend while the engine is
    paused after a failure (``search/circuit.py``); the database also answers for the engine when
    it fails midway (``search/failover.py``). Returns (result, degraded)."""
    alias = failover.FALLBACK if failover.configured() and circuit.paused(failover.ENGINE) else "default"
    with failover.watch() as watch:
        result = search(get_search_backend(alias))
    return result, watch.degraded or alias == failover.FALLBACK


def execute(query, request, per_page, exclude=()):
    """Search and paginate, with the facets ticked in the request, so that the backend is asked
    inside ``with_fallback``: the reader gets results, with a notice when degraded, never an
    error page."""
    chosen = facets.chosen_values(request.GET)

    found, degraded = with_fallback(lambda backend: kept_run(query, chosen, exclude, backend))
    page = paginate(found.ids, request, per_page)
    page.object_list = summaries(page.object_list, request)
    return Outcome(page, found.facets, degraded, found.attempt)


@dataclass(frozen=True)
class Summary:
    """What a result shows of a page, kept per page and content version (``summaries``)."""

    pk: int
    model: type
    title: str
    url: str
    text: str  # the search description, or else the summary
    date: object  # see ``shown_date``
    werkplaats: str = ""
    date_kind: str = ""  # REVIEWED, PUBLISHED or "" (an event's start, an article's date)


REVIEWED, PUBLISHED = "reviewed", "published"


def shown_date(page):
    """(date, kind) a result shows: the page's own date, an event's start or an article's date,
    a practice's last review; only a page with none of these shows when it was first published."""
    if getattr(page, "start", None) or getattr(page, "date", None):
        return getattr(page, "start", None) or page.date, ""
    if getattr(page, "last_reviewed", None):
        return page.last_reviewed, REVIEWED
    return page.first_published_at, PUBLISHED


def summaries(ids, request):
    """The :class:`Summary` of the pages ``ids``, in that order: kept ones from the cache, the
    others read as their specific pages (a query per kind) and kept."""
    site = Site.find_for_request(request)

    def summary(page):
        date, date_kind = shown_date(page)
        werkplaats = getattr(page, "werkplaats", None)
        return Summary(
            page.pk,
            type(page),
            page.title,
            page.get_url(request),
            page.search_description or getattr(page, "summary", ""),
            date,
            (werkplaats.short_name or werkplaats.title) if werkplaats else "",
            date_kind,
        )

    def read(missing):
        return {page.pk: summary(page) for page in specific_pages(missing)}

    kept = cached_items(("search-summary", getattr(site, "pk", None)), ids, read)
    return [kept[pk] for pk in ids if pk in kept]


def specific_pages(ids):
    """The pages ``ids`` as their specific models, in that order, with their werkplaats, in a
    query per kind (not per page)."""
    found = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    specific = [found[pk] for pk in ids if pk in found]
    owners = {getattr(page, "werkplaats_id", None) for page in specific} - {None}
    werkplaatsen = WerkplaatsPage.objects.in_bulk(owners)
    for page in specific:
        if getattr(page, "werkplaats_id", None):
            page.werkplaats = werkplaatsen.get(page.werkplaats_id)
    return specific


SUGGESTIONS = 8


def suggest(query):
    """Up to SUGGESTIONS pages whose titles start like the words typed, for the autocomplete."""
    query = clean_query(query)
    if len(query) < 2:
        return []
    pages, _degraded = with_fallback(
        lambda backend: list(backend.autocomplete(query, searchable_pages())[:SUGGESTIONS])
    )
    labels = {model: str(label) for _slug, model, label in KINDS}
    return [{"title": page.title, "url": page.url, "kind": labels.get(page.specific_class, "")} for page in pages]
