"""The reader's goal first: the same order on every backend, over the best results a backend gives.

Each backend ranks by its own score (SQLite's ``bm25``, PostgreSQL's ``ts_rank``, the engine's
BM25), which rewards a page that mentions a word often as much as one that is about it. Over the
first :data:`WINDOW` results, two rules are applied afterwards, the same way everywhere:

1. a page whose title holds every word of the query (by its stems, or every word of one of the
   query's synonyms or compounds) comes before the pages that only mention them;
2. among those, a practice example moves up past at most :data:`KIND_LEAD` pages of other kinds:
   when the scores are close, what a professional came for (a practice) comes first, but an event
   or article that is clearly better still ranks above it.

The rest keeps the backend's order. One query reads the titles of the window.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from .analysis import content_words, stems, words
from .synonyms import expand

WINDOW = 50
KIND_LEAD = 2  # how many places a preferred kind may move up past other kinds in its tier


def _stem_set(text):
    return {stem for word in words(text) for stem in stems(word)}


def _wanted(query, language):
    """Per way of writing the query, the stems of each of its words: as typed without the small
    words, and each synonym or compound whole ("niet naar school" is not just "school"). A word
    is in a title when one of its stems is."""
    typed = [stems(word) for word in content_words(query, language)]
    return [typed, *([stems(word) for word in words(text)] for text in expand(query))]


def _holds(title, wanted):
    title_stems = _stem_set(title)
    return any(words and all(title_stems.intersection(word) for word in words) for words in wanted)


def goal_first(ids, query, language, preferred=()):
    """``ids`` with the window reordered by the rules above; ``preferred``: the page models that
    go first when close (practice examples)."""
    window = ids[:WINDOW]
    if not window or not query:
        return ids
    wanted = _wanted(query, language)
    facts = {
        pk: (title, kind)
        for pk, title, kind in Page.objects.filter(pk__in=window).values_list("pk", "title", "content_type_id")
    }
    preferred_kinds = {kind.pk for kind in ContentType.objects.get_for_models(*preferred).values()}  # cached

    def key(item):
        position, pk = item
        title, kind = facts.get(pk, ("", None))
        lead = KIND_LEAD + 0.5 if kind in preferred_kinds else 0  # past KIND_LEAD pages, not onto a tie
        return (0 if _holds(title, wanted) else 1, position - lead)

    ordered = [pk for _position, pk in sorted(enumerate(window), key=key)]
    return ordered + ids[WINDOW:]
