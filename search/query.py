"""One search across the site, through Wagtail's search framework (the backend comes from settings).

The same code runs on the database backend (SQLite FTS5 locally, PostgreSQL full-text search)
and on Elasticsearch: it hands the backend a Page queryset, a cleaned query string and filters
the backend indexes (content type, locale), and asks it for facet counts.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.db import connection, connections
from django.utils.translation import gettext_lazy as _
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Fuzzy, Or, PlainText

from articles.models import ArticlePage
from core.pagination import paginate
from events.models import EventPage
from newsletters.models import Mailing, NewsletterPage
from practices.models import PracticePage

from . import facets
from .backends import UNAVAILABLE
from .synonyms import expand

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
# URL value, model, label: the kinds of page the search covers.
KINDS = [
    ("praktijk", PracticePage, _("Practice example")),
    ("bijeenkomst", EventPage, _("Event")),
    ("artikel", ArticlePage, _("Article")),
    ("nieuwsbrief", NewsletterPage, _("Newsletter")),
]


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
    pages = Page.objects.live().public().type(*models).filter(locale=locale or Locale.get_active())
    unsent = NewsletterPage.objects.exclude(pk__in=Mailing.objects.filter(started_at__isnull=False).values("page"))
    return pages.exclude(pk__in=list(unsent.values_list("pk", flat=True)))


def backend_query(backend, query):
    """What the backend searches for: Elasticsearch applies the synonyms itself (in its search
    analyser); for the database backend the query is expanded with them."""
    if isinstance(backend, ElasticsearchBaseSearchBackend):
        return query
    alternatives = expand(query)
    return Or([PlainText(query), *(PlainText(alternative) for alternative in alternatives)]) if alternatives else query


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


@dataclass
class Found:
    ids: list  # the ids of the pages found, best first
    facets: list  # [FacetResult]
    fuzzy: bool = False  # nothing matched exactly; these are close to what was typed


def run(query, chosen, locale=None, exclude=(), backend=None):
    """What ``query`` finds under the ticked facet values ``chosen`` ({Dimension: set}), without
    the pages in ``exclude`` (the promoted ones, shown above).

    The backend is asked once, for the ranked ids of every match (at most ``facets.WINDOW``):
    the facets are counted from them, and the page of results is a slice of them. When nothing
    matches exactly and the backend tolerates typos, the search is repeated with Wagtail's
    ``Fuzzy`` query.
    """
    backend = backend or get_search_backend()
    locale = locale or Locale.get_active()
    pages = searchable_pages(locale)
    if exclude:
        pages = pages.exclude(pk__in=list(exclude))
    if not query:
        return Found([], facets.count([], {}, chosen, KINDS, locale)[1])
    ids = backend.search(backend_query(backend, query), pages).ids(facets.WINDOW)
    fuzzy = not ids and supports_fuzzy(backend)
    if fuzzy:
        ids = backend.search(Fuzzy(query), pages).ids(facets.WINDOW)
    passing, results = facets.count(ids, facets.page_values(ids, KINDS), chosen, KINDS, locale)
    return Found(ids if passing is None else passing, results, fuzzy and bool(ids))


FALLBACK = "fallback"


@dataclass
class Outcome:
    page: object  # a paginator page of results: specific pages, with their werkplaats
    facets: list  # [FacetResult]
    degraded: bool  # answered by the database fallback because Elasticsearch failed
    fuzzy: bool = False  # see Found


def with_fallback(search):
    """``search(backend)``, on Elasticsearch and, when that is down or slow, on the database backend.

    The database backend ("fallback" in WAGTAILSEARCH_BACKENDS) is kept up to date beside
    Elasticsearch. Returns (result, degraded).
    """
    aliases = ["default"] + ([FALLBACK] if FALLBACK in settings.WAGTAILSEARCH_BACKENDS else [])
    for alias in aliases[:-1]:
        try:
            return search(get_search_backend(alias)), False
        except UNAVAILABLE as error:
            logger.warning("Search backend %r unavailable (%s); answering from %r", alias, error, FALLBACK)
    return search(get_search_backend(aliases[-1])), len(aliases) > 1


def execute(query, request, per_page, exclude=()):
    """Search and paginate, with the facets ticked in the request, so that the backend is asked
    inside ``with_fallback``: the reader gets results, with a notice when degraded, never an
    error page."""
    chosen = facets.chosen_values(request.GET)

    found, degraded = with_fallback(lambda backend: run(query, chosen, exclude=exclude, backend=backend))
    page = paginate(found.ids, request, per_page)
    page.object_list = specific_pages(page.object_list)
    return Outcome(page, found.facets, degraded, found.fuzzy)


def specific_pages(ids):
    """The pages ``ids`` as their specific models, in that order, with their werkplaats, in a
    query per kind (not per page)."""
    from core.models import WerkplaatsPage

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
