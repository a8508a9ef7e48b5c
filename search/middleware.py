"""What a request does when the database answered for the search engine (``search/failover.py``):
its answer is for this reader only, never kept by a shared cache, and in the admin the editor is
told why the results may differ."""

from django.contrib import messages
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext

from . import failover


class DegradedSearchMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with failover.watch() as watch:
            request.search_watch = watch
            response = self.get_response(request)
        if watch.degraded:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def process_template_response(self, request, response):
        # Before the admin's template renders, so the message shows on this very page.
        watch = getattr(request, "search_watch", None)
        if watch is not None and watch.degraded and request.path.startswith(reverse("wagtailadmin_home")):
            messages.warning(
                request,
                gettext(
                    "The search engine is not answering: these results come from the simpler search of the "
                    "database, and may be less precise."
                ),
            )
        return response
