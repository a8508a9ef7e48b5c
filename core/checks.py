"""System checks for a deployment on more than one process."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PER_PROCESS_CACHES = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


@register(Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Rate limits and the search pause count in the cache: per process, they do not hold."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PER_PROCESS_CACHES:
        return [
            Warning(
                "The cache is per process, so rate limits and the Elasticsearch pause are counted per "
                "worker and reset on restart.",
                hint="Set CACHE_URL to a shared cache (Redis) in production.",
                id="wiel.W001",
            )
        ]
    return []
