"""The words the indexed pages use, and "did you mean ...?" for words that are not among them.

The database backend adds every word it indexes to ``SearchTerm`` (``remember``); a query word
that is not there is probably mistyped, and ``correct`` offers the closest word that is: same
first letter, at most two letters longer or shorter, and alike by ``difflib``'s measure
(:data:`CLOSE_ENOUGH`). Words only ever grow in the table; a correction is used only when it
finds pages, so a word whose page has gone does no harm.
"""

import difflib
import re

from django.db.models.functions import Length

from .analysis import fold, words
from .models import SearchTerm

CLOSE_ENOUGH = 0.75
MIN_LENGTH = 4  # shorter words are left alone: too many near neighbours
MAX_WORD = 100
SURFACE_WORD = re.compile(r"\w+")


def remember(texts):
    """Add the words of ``texts`` to the vocabulary (one query to read, one to write)."""
    seen = {}
    for text in texts:
        for word in SURFACE_WORD.findall((text or "").lower()):
            if len(word) >= MIN_LENGTH and len(word) <= MAX_WORD and not word.isdigit():
                seen.setdefault(fold(word), word)
    if not seen:
        return
    known = set(SearchTerm.objects.filter(word__in=list(seen)).values_list("word", flat=True))
    SearchTerm.objects.bulk_create(
        [SearchTerm(word=folded, shown=shown) for folded, shown in seen.items() if folded not in known],
        ignore_conflicts=True,
        batch_size=500,
    )


def unknown(query):
    """The words of ``query`` long enough to judge that no indexed page uses."""
    candidates = [word for word in words(query) if len(word) >= MIN_LENGTH and not word.isdigit()]
    if not candidates:
        return []
    known = set(SearchTerm.objects.filter(word__in=candidates).values_list("word", flat=True))
    return [word for word in candidates if word not in known]


def correct(query):
    """``query`` with each unknown word replaced by the closest known one, or "" when none is close."""
    replacements = {}
    for word in unknown(query):
        nearby = (
            SearchTerm.objects.annotate(length=Length("word"))
            .filter(word__startswith=word[0], length__gte=len(word) - 2, length__lte=len(word) + 2)
            .values_list("word", "shown")
        )
        shown = dict(nearby)
        best = difflib.get_close_matches(word, list(shown), n=1, cutoff=CLOSE_ENOUGH)
        if best:
            replacements[word] = shown[best[0]]
    if not replacements:
        return ""
    return " ".join(replacements.get(fold(token), token) for token in query.split())
