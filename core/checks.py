"""System checks for a deployment on more than one process."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

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
