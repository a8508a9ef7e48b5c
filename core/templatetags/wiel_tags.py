from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.formats import number_format
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from core.fragments import cached_fragment
from core.visibility import active_locale, public

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _home_for(locale):
    """The site's home page in ``locale``: the live page just below the root (no import of ``home``)."""
    return Page.objects.live().filter(locale=locale, depth=2).first()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of this page, or that language's home page.

    Returns dicts with ``code``, ``name``, ``url``, ``active`` and ``is_translation``
    (False when the link falls back to the home page because no translation exists).
    """
    request = context.get("request")
    page = context.get("page") or context.get("self")
    current = get_language() or settings.LANGUAGE_CODE
    # The head (hreflang) and the header (switcher) both need these: build them once per request.
    cache_key = (getattr(page, "pk", None), current)
    cached = getattr(request, "_wiel_language_links", None)
    if cached and cached[0] == cache_key:
        return cached[1]
    translations = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    links = []
    for code, home in cached_fragment(("homes",), _homes):
        view_url = _view_in(request, code) if not isinstance(page, Page) else None
        if view_url:  # a view of our own (search, municipalities) exists in every language
            links.append(_link(code, current, view_url, request.build_absolute_uri(view_url), True))
            continue
        target = translations.get(code)
        if target is not None:
            links.append(_link(code, current, target.get_url(request), target.get_full_url(request), True))
        elif home is not None:
            links.append(_link(code, current, home["url"], home["full_url"], False))
    if request is not None:
        request._wiel_language_links = (cache_key, links)
    return links


def _homes():
    """(language code, its home page's URLs or None) for every locale, in the locales' order."""
    homes = []
    for locale in Locale.objects.order_by("pk"):
        home = _home_for(locale)
        homes.append((locale.language_code, home and {"url": home.url, "full_url": home.full_url}))
    return homes


def _link(code, current, url, full_url, is_translation):
    return {
        "code": code,
        "name": LANGUAGE_NAMES.get(code, code),
        "url": url,
        "full_url": full_url,
        "active": current.startswith(code),
        "is_translation": is_translation,
    }


def _view_in(request, code):
    """This request's URL in language ``code``, when it is one of our own named views (not a Wagtail page)."""
    match = getattr(request, "resolver_match", None)
    if request is None or match is None or not match.url_name or match.url_name == "wagtail_serve":
        return None
    return translate_url(request.get_full_path(), code)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page of the active language and its children that are shown in menus.

    The same on every page of a language, so built once per content version (core/fragments.py).
    """
    menu = cached_fragment(("menu", get_language()), _build_menu)
    current = context.get("page")
    return {
        "home": menu["home"],
        "items": [
            {**item, "active": bool(current and current.path.startswith(item["path"]))} for item in menu["items"]
        ],
    }


def _build_menu():
    try:
        home = _home_for(active_locale())
    except Locale.DoesNotExist:
        home = None
    if home is None:
        return {"home": None, "items": []}
    items = public(home.get_children().live()).in_menu()
    return {
        "home": {"title": home.title, "url": home.url},
        "items": [{"title": item.title, "url": item.url, "path": item.path} for item in items],
    }


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, for pagination links."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def query_without(context, key, value):
    """The current query string without one value of ``key`` (and back on page one)."""
    query = context["request"].GET.copy()
    query.setlist(key, [item for item in query.getlist(key) if item != str(value)])
    query.pop("pagina", None)
    return query.urlencode()


@register.simple_tag
def page_numbers(items):
    """The page numbers to link: the first and last, and two either side of the current one, with
    ``None`` for the gaps (a long result list would otherwise link every page)."""
    paginator = items.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(items.number, on_each_side=2, on_ends=1)
    ]


@register.filter
def hectares_to_km2(hectares):
    """CBS gives land area in hectares; readers think in km² (one decimal below 10 km²)."""
    if hectares in (None, ""):
        return ""
    km2 = int(hectares) / 100
    return number_format(km2, decimal_pos=1 if km2 < 10 else 0, force_grouping=True)
