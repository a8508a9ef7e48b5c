import hashlib

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from core.base_url import absolute
from core.fragments import cached_fragment
from core.request_memo import remembered
from core.visibility import active_locale, locales, public

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _home_for(locale):
    """The site's home page in ``locale``: the live page just below the root (no import of ``home``)."""
    return remembered(("home", locale.pk), lambda: Page.objects.live().filter(locale=locale, depth=2).first())


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
        site = Site.find_for_request(request) if request is not None else None
        translations = cached_fragment(
            ("translations", page.pk, getattr(site, "pk", None)), lambda: _translation_urls(page, request)
        )
    links = []
    for code, home in cached_fragment(("homes",), _homes):
        view_url = _view_in(request, code) if not isinstance(page, Page) else None
        if view_url:  # a view of our own (search, municipalities) exists in every language
            links.append(_link(code, current, view_url, absolute(view_url), True))
            continue
        target = translations.get(code)
        if target is not None:
            links.append(_link(code, current, *target, True))
        elif home is not None:
            links.append(_link(code, current, home["url"], home["full_url"], False))
    if request is not None:
        request._wiel_language_links = (cache_key, links)
    return links


def _translation_urls(page, request):
    """{language code: (URL, full URL)} of the live translations of ``page``, itself included."""
    return {
        translation.locale.language_code: (translation.get_url(request), translation.get_full_url(request))
        for translation in page.get_translations(inclusive=True).live().select_related("locale")
    }


def _homes():
    """(language code, its home page's URLs or None) for every locale, in the locales' order."""
    homes = []
    for locale in locales():
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


@register.tag
def contentcache(parser, token):
    """``{% contentcache "name" value ... %}...{% endcontentcache %}``: the block's HTML kept in the
    shared cache (core/fragments.py) for the content version, the site, the language and the day,
    under its name and the values given.

    For what only the published content decides: on a hit nothing inside is rendered, so the
    view hands it lazy values and no query runs. Whatever else changes the block must be one of
    its values (the reader's municipality, say); a block with a form that carries a CSRF token
    or anything personal is never cached. A preview of a draft renders the block afresh.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endcontentcache",))
    parser.delete_first_token()
    return ContentCacheNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class ContentCacheNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist, self.parts = nodelist, parts

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):  # an editor's draft: never kept, never the kept one
            return self.nodelist.render(context)
        site = Site.find_for_request(request) if request is not None else None
        values = [str(part.resolve(context)) for part in self.parts]
        identity = repr((values, getattr(site, "pk", None), get_language(), timezone.localdate().isoformat()))
        digest = hashlib.sha256(identity.encode()).hexdigest()
        return cached_fragment(("html", digest), lambda: self.nodelist.render(context))


@register.filter(name="absolute")
def absolute_url(path):
    """``path`` on the site's base URL (WIEL_BASE_URL), as links that leave the page need it."""
    return absolute(path)
