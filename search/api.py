"""The API's search (``/api/v2/pages/?search=``) through the same fallback as the search page.

Wagtail's own ``SearchFilter`` asks the default backend and fails with the request when
Elasticsearch is down. ``FallbackSearchFilter`` hands the API a result whose count and slices
are each asked through ``search.query.with_fallback`` (Elasticsearch, or the database backend
while it is down or paused), with the editors' synonyms applied as on the search page.
"""

from django.conf import settings
from modelsearch.backends.base import FilterFieldError, OrderByFieldError
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError

from .query import backend_query, clean_query, with_fallback

OPERATORS = ("and", "or")


class FallbackResults:
    """Search results the API can count and slice; each is answered with the database as fallback."""

    def __init__(self, query, queryset, operator, order_by_relevance):
        self.query, self.queryset = query, queryset
        self.operator, self.order_by_relevance = operator, order_by_relevance

    def _results(self, backend):
        return backend.search(
            backend_query(backend, self.query, self.operator),
            self.queryset,
            order_by_relevance=self.order_by_relevance,
        )

    def _ask(self, question):
        try:
            return with_fallback(lambda backend: question(self._results(backend)))[0]
        except FilterFieldError as error:
            message = f"cannot filter by '{error.field_name}' while searching (field is not indexed)"
            raise BadRequestError(message) from error
        except OrderByFieldError as error:
            message = f"cannot order by '{error.field_name}' while searching (field is not indexed)"
            raise BadRequestError(message) from error

    def count(self):
        return self._ask(lambda results: results.count()) if self.query else 0

    def __getitem__(self, window):
        return self._ask(lambda results: list(results[window])) if self.query else []


class FallbackSearchFilter(BaseFilterBackend):
    """``?search=`` (and ``?search_operator=and|or``), as Wagtail's ``SearchFilter`` but never a 500."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        operator = (request.GET.get("search_operator") or "and").lower()
        if operator not in OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return FallbackResults(
            clean_query(request.GET["search"]), queryset, operator, order_by_relevance="order" not in request.GET
        )
