"""Open data: Wagtail's API (v2) at /api/v2/. Practices: /api/v2/pages/?type=practices.PracticePage&fields=*

Searching (``?search=``) goes through the search page's fallback (``search/api.py``): when
Elasticsearch is down the database backend answers, never an error. An offset the database cannot
take is a 400.
"""

import hashlib

from django.core.exceptions import ValidationError
from django.db.models import QuerySet, prefetch_related_objects
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import ChildRelationField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from core.http.fragments import cached_items
from search.api import FallbackSearchFilter

MAX_OFFSET = 10**6
MAX_ID = 2**63 - 1  # the largest key a database column holds


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination, with an offset the database can take (a 20-digit one is a 400, not a 500)."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if not offset.isascii() or not offset.isdigit() or int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset must be a whole number from 0 to {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class CompactJSON:
    """JSON without indentation. Wagtail pretty-prints every answer (indent 4), which more than
    doubles a listing's size and keeps Python's fast encoder out; a client that wants it indented
    asks ``Accept: application/json; indent=4``."""

    def get_renderer_context(self):
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters (``?first_published_at=...``), with a value the field cannot take
    (a date that is no date) answered 400: Wagtail converts numbers and booleans itself and lets
    Django's ValidationError for the other fields through as a 500."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except ValidationError as error:
            raise BadRequestError(f"field filter error: {' '.join(error.messages)}") from error


class CheckedFind:
    """``find/?id=``: an id that is no whole number (``abc``, ``1e999``, ``[]``) is a 400, not a 500."""

    def find_object(self, queryset, request):
        wanted = request.GET.get("id")
        if wanted is not None and not (wanted.isascii() and wanted.isdigit() and int(wanted) <= MAX_ID):
            raise BadRequestError(f"id must be a whole number from 0 to {MAX_ID}")
        return super().find_object(queryset, request)


def hardened(viewset):
    """``viewset`` with the search filter that falls back (kept last), field filters and ``find``
    that refuse what is no value, bounded pagination and compact JSON."""
    backends = [
        CheckedFieldsFilter if backend is FieldsFilter else backend
        for backend in viewset.filter_backends
        if backend is not SearchFilter
    ]
    attributes = {
        "filter_backends": [*backends, FallbackSearchFilter],
        "pagination_class": BoundedPagination,
        # Public and read-only: no login is read, so no answer varies by the session cookie.
        "authentication_classes": [],
    }
    return type(viewset.__name__, (CompactJSON, CheckedFind, viewset), attributes)


class ReusedChildRelationField(ChildRelationField):
    """Wagtail's child-relation field, with one serializer for all items of a listing: Wagtail builds
    a serializer (and its fields) anew for every item's every child relation."""

    def to_representation(self, value):
        if getattr(self, "_child_serializer", None) is None:
            self._child_serializer = self.serializer_class(context=self.context)
        return [self._child_serializer.to_representation(child) for child in value.all()]


class ListingPageSerializer(PageSerializer):
    """Wagtail's page serializer, with one child-relation serializer per listing."""

    def build_relational_field(self, field_name, relation_info):
        field_class, kwargs = super().build_relational_field(field_name, relation_info)
        return (ReusedChildRelationField if field_class is ChildRelationField else field_class), kwargs


class PagesWithTheirRecords(PagesAPIViewSet):
    """Wagtail's pages endpoint, with a listing's cost flat in its items, and items kept.

    - A page model names what its API fields read (``api_select``, ``api_prefetch``); it is
      fetched for all items of a listing at once, so 20 items cost the queries of 1.
    - Each item's representation is kept in the shared cache under the content version (any
      publish makes them stale) and what the request asks (host, type, fields): a listing fetches
      and serialises only the items it does not have yet.
    """

    base_serializer_class = ListingPageSerializer

    def get_queryset(self):
        # Wagtail asks for the queryset three times a request; its site and view-restriction
        # lookups run once.
        if not hasattr(self, "_prepared_queryset"):
            queryset = super().get_queryset().select_related("locale")  # every item's meta names its language
            self._prepared_queryset = queryset.select_related(*getattr(queryset.model, "api_select", ()))
        return self._prepared_queryset.all()

    def get_object(self):
        page = super().get_object()
        prefetch_related_objects([page], *getattr(type(page), "api_prefetch", ()))
        return page

    def listing_view(self, request):
        queryset = self.get_queryset()
        model = queryset.model  # the search filter can answer with search results, not a queryset
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        if isinstance(queryset, QuerySet):
            # The page of ids first: only the items not kept are read as pages.
            ids = list(self.paginate_queryset(queryset.values_list("pk", flat=True)))

            def pages(missing):
                found = queryset.in_bulk(missing)
                return [found[pk] for pk in missing if pk in found]

        else:  # search results
            results = {item.pk: item for item in self.paginate_queryset(queryset)}
            ids = list(results)

            def pages(missing):
                return [results[pk] for pk in missing]

        def serialise(missing):
            found = pages(missing)
            prefetch_related_objects(found, *getattr(model, "api_prefetch", ()))
            data = self.get_serializer(found, many=True).data
            return {page.pk: item for page, item in zip(found, data, strict=True)}

        kept = cached_items(("api-item", self.asked()), ids, serialise)
        return self.get_paginated_response([kept[pk] for pk in ids if pk in kept])

    def asked(self):
        """What decides an item's representation besides the page: host, type and fields."""
        request = self.request
        asked = repr((request.scheme, request.get_host(), request.GET.get("type"), request.GET.get("fields")))
        return hashlib.sha256(asked.encode()).hexdigest()[:24]

    def get_base_queryset(self):
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset.all()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", hardened(PagesWithTheirRecords))
api_router.register_endpoint("images", hardened(ImagesAPIViewSet))
api_router.register_endpoint("documents", hardened(DocumentsAPIViewSet))
