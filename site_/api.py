"""Open data: Wagtail's API (v2) at /api/v2/. Practices: /api/v2/pages/?type=practices.PracticePage&fields=*

Searching (``?search=``) goes through the search page's fallback (``search/api.py``): when
Elasticsearch is down the database backend answers, never an error. An offset the database cannot
take is a 400.
"""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import ChildRelationField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from search.api import FallbackSearchFilter

MAX_OFFSET = 10**6


class BoundedPagination(WagtailPagination):
    """Wagtail's pagination, with an offset the database can take (a 20-digit one is a 400, not a 500)."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if not offset.isascii() or not offset.isdigit() or int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset must be a whole number from 0 to {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


def hardened(viewset):
    """``viewset`` with the search filter that falls back (kept last) and bounded pagination."""
    backends = [backend for backend in viewset.filter_backends if backend is not SearchFilter]
    attributes = {
        "filter_backends": [*backends, FallbackSearchFilter],
        "pagination_class": BoundedPagination,
        # Public and read-only: no login is read, so no answer varies by the session cookie.
        "authentication_classes": [],
    }
    return type(viewset.__name__, (viewset,), attributes)


class ReusedChildRelationField(ChildRelationField):
    """Wagtail's child-relation field, with one serializer for all items of a listing: Wagtail builds
    a serializer (and its fields) anew for every item's every child relation."""

    def to_representation(self, value):
        if getattr(self, "_child_serializer", None) is None:
            self._child_serializer = self.serializer_class(context=self.context)
        return [self._child_serializer.to_representation(child) for child in value.all()]


class ListingPageSerializer(PageSerializer):
    def build_relational_field(self, field_name, relation_info):
        field_class, kwargs = super().build_relational_field(field_name, relation_info)
        return (ReusedChildRelationField if field_class is ChildRelationField else field_class), kwargs


class PagesWithTheirRecords(PagesAPIViewSet):
    """Pages whose model names what its API fields read (``api_queryset``) fetch it up front, so a
    listing costs the same queries for 20 items as for 1."""

    base_serializer_class = ListingPageSerializer

    def get_queryset(self):
        # Wagtail asks for the queryset three times a request; its site and view-restriction
        # lookups run once.
        if not hasattr(self, "_prepared_queryset"):
            queryset = super().get_queryset().select_related("locale")  # every item's meta names its language
            prepare = getattr(queryset.model, "api_queryset", None)
            self._prepared_queryset = prepare(queryset) if prepare else queryset
        return self._prepared_queryset.all()

    def get_base_queryset(self):
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset.all()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", hardened(PagesWithTheirRecords))
api_router.register_endpoint("images", hardened(ImagesAPIViewSet))
api_router.register_endpoint("documents", hardened(DocumentsAPIViewSet))
