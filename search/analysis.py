"""Words as the database search backends see them: folded, Dutch or English stems, stop words.

SQLite's full-text engine has no Dutch stemmer, so Wiel stems for it: the text a page is indexed
with (``search/backends/database.py``) and the words of every query go through the same
:func:`stem`, so "buurtgezin" meets "Buurtgezinnen" and "mentors" meets "mentor". The stemmers
are the Snowball project's (``snowballstemmer`` from PyPI): the classic Dutch algorithm (the one
PostgreSQL's and Elasticsearch's "dutch" use) and English. Dutch Snowball keeps a doubled final
consonant ("gezinnen" -> "gezinn", "gezin" -> "gezin"); :func:`stem` undoubles it, so singular
and plural meet.

A page is stemmed in its own language; a query word, whose language is not known, is matched by
its Dutch and its English stem.
"""

import re
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

import snowballstemmer

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
_STEMMERS = {"nl": "dutch_porter", "en": "english"}
VOWELS = set("aeiouy")
WORD = re.compile(r"\w+")

DATA_DIR = Path(__file__).resolve().parent / "data"


# The language of the pages a search is over, where the caller knows it (the search page does):
# the engine then asks its English fields, PostgreSQL parses the query with its English rules.
_query_language = ContextVar("wiel_query_language", default=None)


@contextmanager
def searching_in(language):
    token = _query_language.set(language)
    try:
        yield
    finally:
        _query_language.reset(token)


def query_language():
    """The language set by ``searching_in`` (None where no caller said)."""
    return _query_language.get()


def _stop_words(language):
    lines = (DATA_DIR / f"stopwords_{language}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if not line.startswith("#") for word in line.split())


# Small words a query can do without when no page has all its words (the relaxation's first step).
STOP_WORDS = {language: _stop_words(language) for language in LANGUAGES}


def fold(text):
    """Lower case without accents: "Coördinator" and "coordinator" are one word."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char)).casefold()


def words(text):
    """The words of ``text``, folded; apostrophes and hyphens separate words, as in the index."""
    return WORD.findall(fold(text or ""))


@lru_cache(maxsize=100_000)
def stem(word, language=DEFAULT_LANGUAGE):
    """The stem of one folded word in ``language`` ("nl" or "en")."""
    language = language if language in _STEMMERS else DEFAULT_LANGUAGE
    if language == "nl":
        word = singular(word)
    stemmed = _stemmer(language).stemWord(word)
    if len(stemmed) > 3 and stemmed[-1] == stemmed[-2] and stemmed[-1] not in VOWELS and stemmed[-1].isalpha():
        stemmed = stemmed[:-1]
    return stemmed


@lru_cache(maxsize=len(_STEMMERS))
def _stemmer(language):
    return snowballstemmer.stemmer(_STEMMERS[language])


def singular(word):
    """Dutch plurals of words in -ie that Snowball leaves alone: "academies", "categorieën" (folded)."""
    if len(word) > 5 and word.endswith("ieen"):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-1]
    return word


def plural_variant(text):
    """``text`` with each Dutch -ie word in its other number ("wijkacademies" <-> "wijkacademie"), or ""
    when it has none: for backends that stem with Snowball's Dutch alone (PostgreSQL)."""
    changed = []
    for word in words(text):
        if singular(word) != word:
            changed.append(singular(word))
        elif len(word) > 4 and word.endswith("ie"):
            changed.append(word + "s")
        else:
            changed.append(word)
    variant = " ".join(changed)
    return variant if variant != " ".join(words(text)) else ""


def stems(word):
    """Every stem a query word may stand for: its Dutch and its English stem."""
    return tuple(dict.fromkeys(stem(word, language) for language in LANGUAGES))


def analyse(text, language=DEFAULT_LANGUAGE):
    """``text`` as the SQLite index holds it: the stems of its words, in order."""
    return " ".join(stem(word, language) for word in words(text))


def content_words(text, language=DEFAULT_LANGUAGE, keep=()):
    """The words of ``text`` without its stop words (all of them, if nothing else is left), except
    the words at the positions ``keep`` (those of a phrase the editors listed, whose small words
    carry its meaning: "niet naar school")."""
    found = words(text)
    stop = STOP_WORDS.get(language, STOP_WORDS[DEFAULT_LANGUAGE])
    kept = [word for position, word in enumerate(found) if position in keep or word not in stop]
    return kept if any(word not in stop for word in kept) else found
