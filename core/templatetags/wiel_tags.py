import hashlib

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, translate_url
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from core.base_url import absolute
from core.http.fragments import cached_fragment
from core.http.request_memo import remembered
from core.http.visibility import active_locale, locales, public
from core.languages import IN_LANGUAGE, copied_language, is_untranslated, other_language, page_language
from core.models import SectionIndexPage, SitePages

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _home_for(locale):
    """The site's home page in ``locale``: the live page just below the root (no import of ``home``)."""
    return remembered(("home_page", locale.pk), lambda: Page.objects.live().filter(locale=locale, depth=2).first())


UNTRANSLATED = "untranslated"  # ?untranslated=1: the reader came from a page without a version in this language


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translation of this page, else the nearest page above it that
    has one (with ``?untranslated=1``, so it can say why the reader landed there), else that
    language's home page.

    Returns dicts with ``code``, ``name``, ``url``, ``full_url``, ``active`` and ``is_translation``
    (False for a fallback, and for an alias that shows the other language's text: neither is
    an hreflang alternate). On a routable page's sub-route (the past events, the archive), a
    translation's link goes to the same sub-route in that language's words.
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
            links.append(_link(code, current, view_url, absolute(view_url), True, True))
            continue
        target = translations.get(code)
        if target is not None:
            url, full_url, is_translation, same_page = target
            route = _sub_route(page, request, code) if same_page else ""
            links.append(_link(code, current, url + route, full_url + route, is_translation, same_page))
        elif home is not None:
            links.append(_link(code, current, home["url"], home["full_url"], False, False))
    if request is not None:
        request._wiel_language_links = (cache_key, links)
    return links


def _translation_urls(page, request):
    """{language code: (URL, full URL, is a translation, is this page)} for every language.

    The page itself and its live translations; an alias in another language (wagtail-localize's
    synchronised copy, still in the source language's words) is listed but is no translation.
    For a language without either, the nearest ancestor with a live version in it. One query:
    the versions of the page and of its ancestors (whose tree paths its own path spells out).
    """
    paths = [page.path[: Page.steplen * depth] for depth in range(2, page.depth + 1)]
    versions = (
        Page.objects.live()
        .filter(translation_key__in=Page.objects.filter(path__in=paths).values("translation_key"))
        .select_related("locale")
    )
    found = {}
    # The page's own versions first, then its ancestors' from the nearest up: the first per language wins.
    for version in sorted(
        versions, key=lambda version: (version.translation_key != page.translation_key, -version.depth)
    ):
        code = version.locale.language_code
        if code in found:
            continue
        if version.translation_key == page.translation_key:
            found[code] = (version.get_url(request), version.get_full_url(request), not is_untranslated(version), True)
        else:
            marker = f"?{UNTRANSLATED}=1"
            found[code] = (version.get_url(request) + marker, version.get_full_url(request) + marker, False, False)
    return found


def _sub_route(page, request, code):
    """The sub-path of the routable sub-route this request is on, in language ``code``'s words."""
    match = getattr(request, "routable_resolver_match", None)
    reverse_in = getattr(page, "reverse_subpage_in", None)
    if match is None or reverse_in is None or not match.url_name:
        return ""
    try:
        return reverse_in(code, match.url_name, args=match.args, kwargs=match.kwargs)
    except NoReverseMatch:
        return ""


def _homes():
    """(language code, its home page's URLs or None) for every locale, in the locales' order."""
    homes = []
    for locale in locales():
        home = _home_for(locale)
        homes.append((locale.language_code, home and {"url": home.url, "full_url": home.full_url}))
    return homes


def _link(code, current, url, full_url, is_translation, same_page):
    return {
        "code": code,
        "name": LANGUAGE_NAMES.get(code, code),
        "url": url,
        "full_url": full_url,
        "active": current.startswith(code),
        "is_translation": is_translation,
        # An alias: this page, its text not yet translated; else a page above it or the home page.
        "untranslated": same_page and not is_translation,
        "elsewhere": not same_page,
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

    The same on every page of a language, so built once per content version (core/http/fragments.py).
    """
    menu = cached_fragment(("menu", get_language()), _build_menu)
    current = context.get("page")
    active = _active_item(current, menu["items"])
    return {"home": menu["home"], "items": [{**item, "active": item is active} for item in menu["items"]]}


def _active_item(current, items):
    """The menu item of the section being read: the one of the page's own kind (an event calendar
    for a werkplaats' calendar), else of the kind the page sits in (the calendar for an event,
    wherever it lies), else the one whose part of the tree holds it. No query."""
    if current is None or not isinstance(current, Page):
        return None
    own = ContentType.objects.get_for_model(type(current)).pk
    parents = {ContentType.objects.get_for_model(model).pk for model in type(current).allowed_parent_page_models()}
    for wanted in ({own}, parents):
        found = [item for item in items if item.get("section") and item.get("content_type") in wanted]
        if found:  # the deepest, if the tree should hold two of one kind
            return next((item for item in found if current.path.startswith(item["path"])), found[0])
    return next((item for item in items if current.path.startswith(item["path"])), None)


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
        "items": [
            {
                "title": item.title,
                "url": item.url,
                "path": item.path,
                "content_type": item.content_type_id,
                # A section (calendar, news, practices) is found by kind; other pages by where they lie.
                "section": issubclass(item.specific_class or Page, SectionIndexPage),
            }
            for item in items
        ],
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
    shared cache (core/http/fragments.py) for the content version, the site, the language and the day,
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


@register.filter
def lang_attr(page):
    """`` lang="nl"`` when ``page``'s text is in another language than the one being read."""
    language = other_language(page)
    return format_html(' lang="{}"', language) if language else ""


@register.filter
def in_language(page):
    """ "in Dutch" when ``page``'s text is in another language than the one being read, else ""."""
    language = other_language(page)
    return IN_LANGUAGE.get(language, language) if language else ""


@register.filter
def copied_lang_attr(page):
    """`` lang="nl"`` on the parts of a translated ``page`` that are copied, not translated, from
    its source (inline rows such as learning networks and documents), when read in another language."""
    language = copied_language(page)
    return format_html(' lang="{}"', language) if language else ""


@register.simple_tag(takes_context=True)
def site_pages(context):
    """{role: {"title", "url", "lang"}} of the site's contact, privacy, accessibility and colophon
    pages (``core.models.SitePages``), each in the language being read where it has a version
    (``lang`` names the page's own language otherwise). Kept per site, language and content version.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {}
    language = get_language() or settings.LANGUAGE_CODE
    return cached_fragment(("site-pages", site.pk, language), lambda: _site_pages(site))


def _site_pages(site):
    """Three queries whatever is chosen: the setting, the chosen pages, their live public versions."""
    chosen = SitePages.objects.filter(site=site).first()  # not for_site: reading creates no row
    if chosen is None:
        return {}
    ids = {role: getattr(chosen, f"{role}_page_id") for role in SitePages.ROLES}
    originals = {
        pk: (key, locale_id)
        for pk, key, locale_id in Page.objects.filter(pk__in=ids.values()).values_list(
            "pk", "translation_key", "locale_id"
        )
    }
    versions = {
        (version.translation_key, version.locale_id): version
        for version in public(Page.objects.live().filter(translation_key__in=[key for key, _ in originals.values()]))
    }
    locale = active_locale()
    found = {}
    for role, page_id in ids.items():
        if page_id not in originals:
            continue
        key, own_locale = originals[page_id]
        version = versions.get((key, locale.pk)) or versions.get((key, own_locale))
        if version is not None:
            found[role] = {
                "title": version.title,
                "url": version.get_url(),
                "lang": "" if version.locale_id == locale.pk else page_language(version),
            }
    return found
