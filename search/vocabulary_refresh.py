"""The editors' search tools (synonyms, compound words, promotions) in effect at once.

``search_tools_changed`` raises the content version (every kept search result is stale), purges
the search pages of every language from a shared cache in front (Varnish, a CDN) and, when the
change was to the vocabulary and a search engine is configured, marks the engine's analyser as
out of date. The ``refresh_search_vocabulary`` job then rebuilds the engine's index (an atomic
swap behind its alias, so searches keep answering), which reads the lists anew.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from core.base_url import absolute
from core.http.fragments import bump_content_version
from core.http.purging import purging

from .models import CompoundWord, Synonym

STALE_KEY = "wiel:search-vocabulary-stale"


def search_pages():
    """The search page and its suggestions, in every language."""
    urls = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            urls += [absolute(reverse("search")), absolute(reverse("search_suggestions"))]
    return urls


def search_tools_changed(model):
    bump_content_version()
    if purging():
        PurgeBatch(search_pages()).purge()
    if model in (Synonym, CompoundWord) and getattr(settings, "ELASTICSEARCH_URL", None):
        cache.set(STALE_KEY, True, None)


def refresh_search_vocabulary(output):
    """The job: rebuild the engine's index when its vocabulary is out of date."""
    if not cache.get(STALE_KEY):
        return
    cache.delete(STALE_KEY)  # first: a change made during the rebuild marks it again
    call_command("update_index", stdout=output, stderr=output, verbosity=1)
