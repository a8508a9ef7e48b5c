"""Open data: Wagtail's API (v2) at /api/v2/. Practices: /api/v2/pages/?type=practices.PracticePage&fields=*

Searching (``?search=``) goes through the search page's fallback (``search/api.py``): when
Elasticsearch is down the database backend answers, never an error.
"""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from search.api import FallbackSearchFilter


def with_fallback_search(viewset):
    """``viewset`` with Wagtail's search filter swapped for the one with a fallback (kept last)."""
    backends = [backend for backend in viewset.filter_backends if backend is not SearchFilter]
    return type(viewset.__name__, (viewset,), {"filter_backends": [*backends, FallbackSearchFilter]})


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", with_fallback_search(PagesAPIViewSet))
api_router.register_endpoint("images", with_fallback_search(ImagesAPIViewSet))
api_router.register_endpoint("documents", with_fallback_search(DocumentsAPIViewSet))
