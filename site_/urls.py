from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.http.health import healthz
from core.sitemaps import robots_txt, sitemap
from core.views import root_icon
from newsletters.unsubscribe import one_click_unsubscribe
from practices import municipalities, question
from search import views as search_views

from .api import api_router

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", root_icon, {"name": "favicon.ico"}, name="favicon"),
    path("apple-touch-icon.png", root_icon, {"name": "apple-touch-icon.png"}, name="touch_icon"),
    path("i18n/", include("django.conf.urls.i18n")),
    # RFC 8058 one-click unsubscribe: a fixed, language-neutral address for List-Unsubscribe headers.
    path("nieuwsbrief/afmelden/<str:token>/", one_click_unsubscribe, name="newsletter_unsubscribe"),
    # The e-mail provider's bounce and complaint reports (django-anymail), behind ANYMAIL_WEBHOOK_SECRET.
    path("anymail/", include("anymail.urls")),
]

if settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    # Uploads on this host's disk, when no proxy serves MEDIA_ROOT in front (SERVE_MEDIA=0 then).
    from django.urls import re_path

    from core.views import serve_media

    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT})
    )

# Pages: Dutch at the root, English below /en/.
urlpatterns += i18n_patterns(
    # One sitemap per language, each page with its translations (core/sitemaps.py).
    path("sitemap.xml", sitemap, name="sitemap"),
    path(_("search/"), search_views.search, name="search"),
    path(_("search/suggestions/"), search_views.suggestions, name="search_suggestions"),
    # Links from before the English words: /en/zoeken/ keeps working.
    path("zoeken/", RedirectView.as_view(pattern_name="search", query_string=True, permanent=True)),
    path(_("municipalities/"), municipalities.municipality_index, name="municipality_index"),
    path(_("municipalities/suggestions/"), municipalities.municipality_suggestions, name="municipality_suggestions"),
    path(_("municipalities/<slug:slug>/"), municipalities.municipality_detail, name="municipality_detail"),
    # The fit form keeps the reader's question in a cookie here, then shows the page it came from.
    path(_("fit/"), question.remember, name="fit_remember"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# The 500 page in the reader's language, without the database (core/views.py).
handler500 = "core.views.server_error"
