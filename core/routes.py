"""Sub-routes of routable pages: who answers them, words in the page's own language, and
rendering with a status.

A page type's route methods hand the request on with ``answer(self, "practice_detail", request)``;
the function of that name answers it in the app's ``views.py``, registered there with
``@handles(PracticePage)``, and the app's ``AppConfig.ready`` imports its views. So a view
may import its models, and no model imports a view (no circle of imports, no import inside a
method).

A route's words follow the page it hangs below: the Dutch calendar's past events are at
``/agenda/afgelopen/``, the English one's at ``/en/events/past/``. ``localized_path`` registers
one pattern per language under one name; ``LocalizedRoutablePageMixin.reverse_subpage`` hands out
the page's own language's pattern, and a request for another language's words (an old or
hand-typed link) is redirected permanently to the page's own.
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import NoReverseMatch
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .languages import page_language

SEPARATOR = "@"  # "past@en": the English pattern of the route named "past"
HANDLERS = {}  # (page type, view name): view(page, request, *args, **kwargs)


def handles(page_type):
    """Register the decorated ``view(page, request, ...)`` as the answer, under its own name, to
    the routes of ``page_type`` that name it."""

    def register(view):
        HANDLERS[page_type, view.__name__] = view
        return view

    return register


def answer(page, name, request, *args, **kwargs):
    """The response of the view ``name`` registered for ``page``'s type (or a type it inherits from)."""
    for page_type in type(page).__mro__:
        view = HANDLERS.get((page_type, name))
        if view is not None:
            return view(page, request, *args, **kwargs)
    raise LookupError(f"No view {name!r} answers {type(page).__name__}; does the app's ready() import its views?")


def localized_path(segments, name):
    """Register a sub-route once per language: ``localized_path({"nl": "afgelopen/", "en": "past/"}, name="past")``.

    The pattern of the default language (settings.LANGUAGE_CODE) carries the plain name, so
    ``reverse_subpage("past")`` also works on a page of a language without its own words.
    """
    if settings.LANGUAGE_CODE not in segments:
        raise ValueError(f"Route {name!r} needs a pattern for {settings.LANGUAGE_CODE!r}.")

    def decorator(view):
        for language, pattern in segments.items():
            route_name = name if language == settings.LANGUAGE_CODE else f"{name}{SEPARATOR}{language}"
            view = path(pattern, name=route_name)(view)
        return view

    return decorator


class LocalizedRoutablePageMixin(RoutablePageMixin):
    """A routable page whose ``localized_path`` routes answer in the page's own language."""

    def reverse_subpage(self, name, args=None, kwargs=None):
        return self.reverse_subpage_in(page_language(self), name, args=args, kwargs=kwargs)

    @classmethod
    def reverse_subpage_in(cls, language, name, args=None, kwargs=None):
        """The sub-path of route ``name`` in ``language``'s words (the default language's if it has none)."""
        resolver = cls.get_resolver()
        base = name.partition(SEPARATOR)[0]
        if language != settings.LANGUAGE_CODE:
            try:
                return resolver.reverse(f"{base}{SEPARATOR}{language}", *(args or []), **(kwargs or {}))
            except NoReverseMatch:
                pass  # no words of its own in this language: the default pattern
        return resolver.reverse(base, *(args or []), **(kwargs or {}))

    def route(self, request, path_components):
        # Set before routing on: a routable child page sets its own.
        request.routable_subpath = "/".join(path_components) + "/" if path_components else ""
        return super().route(request, path_components)

    def serve(self, request, view=None, args=None, kwargs=None):
        match = getattr(request, "routable_resolver_match", None)
        # Only a GET or HEAD is sent on: a form posted to the other words is answered where it is.
        if view is not None and match is not None and match.url_name and request.method in ("GET", "HEAD"):
            own = self.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)
            if own.lstrip("/") != getattr(request, "routable_subpath", own).lstrip("/"):
                query = request.META.get("QUERY_STRING", "")
                target = self.get_url(request).rstrip("/") + "/" + own.lstrip("/")
                return HttpResponsePermanentRedirect(target + (f"?{query}" if query else ""))
        return super().serve(request, view, args, kwargs)


def render_route(page, request, template, context=None, status=200):
    """``page.render`` (which builds on ``get_context``) with a template and status of the route's own."""
    response = page.render(request, template=template, context_overrides=context or {})
    response.status_code = status
    return response
