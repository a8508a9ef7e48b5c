"""System checks for a deployment on more than one process."""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import DatabaseError
from wagtail.models import Site

from .base_url import site_address

PER_PROCESS_CACHES = (  # or per host: neither is shared by a second web host
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)


@register(Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Rate limits and the search pause count in the cache: per process, they do not hold."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            Warning(
                "The cache is per process or per host, so rate limits and the Elasticsearch pause are counted per "
                "worker or host, and cached pages are cleared on one host only.",
                hint="Set CACHE_URL to a shared cache (Redis) in production.",
                id="wiel.W001",
            )
        ]
    return []


@register(Tags.urls)
def site_follows_base_url(app_configs, databases=None, **kwargs):
    """The default Wagtail Site makes Wagtail's absolute links: it should name WIEL_BASE_URL."""
    if not databases:
        return []

    try:
        site = Site.objects.using(databases[0]).filter(is_default_site=True).first()
    except DatabaseError:  # not migrated yet: `migrate` makes the site follow the setting
        return []
    if site is None or (site.hostname, site.port) == site_address():
        return []
    return [
        Warning(
            f"The default site is {site.hostname}:{site.port}, but WIEL_BASE_URL is {settings.WIEL_BASE_URL}: "
            "links in pages, feeds and e-mails would disagree.",
            hint="Run `manage.py migrate` (it sets the default site from WIEL_BASE_URL), or correct WIEL_BASE_URL.",
            id="wiel.W003",
        )
    ]


@register(Tags.compatibility, deploy=True)
def one_host_only(app_configs, **kwargs):
    """Settings that work on one host only, named, for a deployment on several."""
    found = []
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        found.append("the database is a SQLite file (set DATABASE_URL to PostgreSQL)")
    media = settings.STORAGES["default"]["BACKEND"]
    if media.endswith("FileSystemStorage") and not settings.MEDIA_ROOT_SHARED:
        found.append(
            "uploads and renditions go to this host's MEDIA_ROOT (set AWS_STORAGE_BUCKET_NAME for object "
            "storage, or MEDIA_ROOT_SHARED=1 when every host mounts the same MEDIA_ROOT or there is one host)"
        )
    if not found:
        return []
    return [
        Warning(
            "These settings work on one host only: " + "; ".join(found) + ".",
            hint="See docs/deployment.md.",
            id="wiel.W002",
        )
    ]
