"""One sitemap per language, each page with its translations as hreflang alternates.

Wagtail's sitemap lists the descendants of the site's root page: the Dutch tree only, since each
language has its own home page below the root. Here ``/sitemap.xml`` lists the Dutch pages and
``/en/sitemap.xml`` the English ones (robots.txt names both), and every page carries a
``<xhtml:link rel="alternate" hreflang="...">`` for itself and each live, public translation,
with ``x-default`` on the Dutch one, as Google documents for multilingual sites. An alias that
wagtail-localize keeps in another language until it is translated is left out (its canonical
link names its source).
"""

from collections import defaultdict

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Page

from .base_url import absolute
from .http.visibility import public
from .languages import UNTRANSLATED_ALIAS


class LanguageSitemap(Sitemap):
    def __init__(self, request=None):
        super().__init__(request)
        self.language = get_language() or settings.LANGUAGE_CODE

    def site_pages(self):
        """Every live, public page of the site, in all languages (below each language's home)."""
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        tree = Page.objects.none()
        for home in homes:
            tree |= Page.objects.descendant_of(home, inclusive=True)
        # An alias in another language still carries its source's text: a duplicate, not a version.
        return public(tree.live()).exclude(UNTRANSLATED_ALIAS)

    def items(self):
        return (
            self.site_pages()
            .filter(locale__language_code=self.language)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def alternates(self):
        """{translation key: [{"lang_code", "location"}]} of the pages in more than one language."""
        if not hasattr(self, "_alternates"):
            versions = defaultdict(list)
            for page in self.site_pages().select_related("locale").order_by("locale_id"):
                location = page.get_full_url(self.request)
                versions[page.translation_key].append({"lang_code": page.locale.language_code, "location": location})
            self._alternates = {}
            for key, found in versions.items():
                if len(found) < 2:
                    continue
                default = next((v for v in found if v["lang_code"] == settings.LANGUAGE_CODE), None)
                self._alternates[key] = found + (
                    [{"lang_code": "x-default", "location": default["location"]}] if default else []
                )
        return self._alternates

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        alternates = self.alternates()
        for item in self.paginator.page(page).object_list.iterator():
            own = item.get_full_url(self.request)
            for url_info in item.get_sitemap_urls(self.request):
                if url_info.get("location") == own and item.translation_key in alternates:
                    url_info = {**url_info, "alternates": alternates[item.translation_key]}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": LanguageSitemap})


def robots_txt(request):
    """Crawlers may read everything but the admin (the factsheets too); the sitemaps of every language."""
    sitemaps = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            sitemaps.append(absolute(reverse("sitemap")))
    return TemplateResponse(request, "robots.txt", {"sitemaps": sitemaps}, content_type="text/plain")
