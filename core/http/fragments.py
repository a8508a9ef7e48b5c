"""Page furniture cached between requests: built once, shared by every process through the cache.

The main menu and the language links' home pages are the same on every page of a language; they
are cached under the *content version*, a number in the shared cache that goes up whenever a page
is published, unpublished, moved or deleted, or a view restriction changes. So a change shows on
the next request of every web process, and nothing is held in one process that another would
have to know about. ``bump_content_version`` is also what the per-site page cache keys on.
"""

import time

from django.core.cache import cache

from .request_memo import forget, remembered

VERSION_KEY = "wiel:content-version"
TIMEOUT = 24 * 3600


def content_version():
    """The current content version (read once per request), or None while the cache fails: then
    nothing is kept or taken from the cache under a version (``core/http/cache.py``)."""

    def read():
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, _first_version(), None)
            version = cache.get(VERSION_KEY)
        return version

    return remembered(VERSION_KEY, read)


def _first_version():
    """A version no earlier life of the cache has used (a cleared cache does not start over at 1,
    so what a process keeps under a version is never taken for the content of another)."""
    return time.time_ns() // 1000


def bump_content_version(**kwargs):
    """A page changed what the public sees: every cached fragment and page is stale from now on."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value differs from what was cached
        cache.set(VERSION_KEY, _first_version(), None)
    forget(VERSION_KEY)


def cached_fragment(name, compute, keep=None):
    """``compute()`` cached under ``name`` (a tuple) and the content version; a value computed now
    is stored only if ``keep(value)`` (when given) says so."""
    version = content_version()
    if version is None:
        return compute()
    key = ":".join(["wiel:fragment", str(version), *map(str, name)])
    return remembered(key, lambda: _get_or_set(key, compute, keep))


def cached_items(name, ids, compute):
    """{id: value} for ``ids``, each kept under ``name`` (a tuple) and the content version:
    ``compute(missing ids)`` gives {id: value} for those not kept yet, in one go."""
    version = content_version()
    if version is None:
        return compute(list(ids))
    prefix = ":".join(["wiel:item", str(version), *map(str, name)])
    keys = {pk: f"{prefix}:{pk}" for pk in ids}
    stored = cache.get_many(list(keys.values()))
    found = {pk: stored[key] for pk, key in keys.items() if key in stored}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        fresh = compute(missing)
        cache.set_many({keys[pk]: value for pk, value in fresh.items()}, TIMEOUT)
        found.update(fresh)
    return found


def _get_or_set(key, compute, keep=None):
    value = cache.get(key)
    if value is None:
        value = compute()
        if keep is None or keep(value):
            cache.set(key, value, TIMEOUT)
    return value
