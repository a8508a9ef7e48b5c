"""Finding a municipality by the name people use.

Official names ("'s-Gravenhage"), the names people say ("Den Haag", "Den Bosch"),
spellings with or without accents, suffixes ("Bergen (NH)", "Hengelo (O.)"), CBS codes,
slugs, and former municipalities merged since 2018 ("Weesp", "Uden"), which point to
today's municipality with a note. The names other than the official ones are data:
``geography/data/gemeente_namen.csv`` (see the README beside it).
"""

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext as _

ALIASES_FILE = Path(__file__).resolve().parent / "data" / "gemeente_namen.csv"
COMMON, VARIANT, FORMER, SPLIT = "common", "variant", "former", "split"
KINDS = {COMMON, VARIANT, FORMER, SPLIT}
FOUND, AMBIGUOUS, UNKNOWN, EMPTY = "found", "ambiguous", "unknown", "empty"
MAX_LENGTH = 100
SUGGESTIONS = 5
CLOSE_ENOUGH = 0.72
WORD_FORMS = {"st": "sint"}
SHORT_WORDS = {"s"}


def normalise(text):
    """A key for comparing names: no accents, case, punctuation or "'s-" apostrophes; 'St.' is 'Sint'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = text.replace("a/d", " aan den ")
    text = re.sub(r"['’‘`´]", "", text)
    tokens = re.sub(r"[\W_]+", " ", text).split()
    joined = []
    for word in tokens:
        word = WORD_FORMS.get(word, word)
        # "N.H." and "NH" are one suffix; "'s" (as in 's-Gravenhage) stays a word of its own.
        if len(word) == 1 and joined and len(joined[-1]) < 3 and joined[-1].isalpha() and word not in SHORT_WORDS:
            joined[-1] += word
        else:
            joined.append(word)
    return " ".join(joined)


@dataclass(frozen=True)
class Alias:
    name: str
    municipality: str
    kind: str
    year: int | None

    def note(self, place):
        """What the reader should know when they typed this name, or ''."""
        if self.kind == FORMER:
            return _("%(former)s has been part of %(municipality)s since %(year)s.") % {
                "former": self.name,
                "municipality": place.name,
                "year": self.year,
            }
        if self.kind == SPLIT:
            return _(
                "%(former)s was divided among several municipalities in %(year)s; "
                "its former seat lies in %(municipality)s."
            ) % {"former": self.name, "municipality": place.name, "year": self.year}
        if self.kind == COMMON:
            return _("%(name)s is officially called %(municipality)s.") % {
                "name": self.name,
                "municipality": place.name,
            }
        return ""

    @property
    def kept(self):
        """Whether the name as typed heads the answer and stays in the URL (not for mere spellings)."""
        return self.kind in {COMMON, FORMER, SPLIT}

    def heading(self, place):
        """The name typed, with what became of it: 'Weesp (part of Amsterdam since 2022)'."""
        if self.kind == FORMER:
            return _("%(former)s (part of %(municipality)s since %(year)s)") % {
                "former": self.name,
                "municipality": place.name,
                "year": self.year,
            }
        if self.kind == SPLIT:
            return _("%(former)s (divided in %(year)s; its former seat lies in %(municipality)s)") % {
                "former": self.name,
                "municipality": place.name,
                "year": self.year,
            }
        if self.kind == COMMON:
            return self.name
        return place.name


@lru_cache(maxsize=1)
def aliases():
    """The names other than the official ones, from the data file; checked by the tests."""
    with open(ALIASES_FILE, newline="", encoding="utf-8") as handle:
        return tuple(
            Alias(row["name"], row["municipality"], row["kind"], int(row["year"]) if row["year"] else None)
            for row in csv.DictReader(handle)
        )


@dataclass(frozen=True)
class Resolution:
    """The outcome of looking a name up: the place found (if one), a note, and suggestions otherwise."""

    status: str
    typed: str = ""
    place: object = None
    alias: Alias | None = None
    suggestions: tuple = ()

    @property
    def note(self):
        return self.alias.note(self.place) if self.alias and self.place else ""

    @property
    def heading(self):
        """The place as the answer is headed: the name typed where it is one people use."""
        if self.alias and self.place:
            return self.alias.heading(self.place)
        return self.place.name if self.place else self.typed

    @property
    def kept_name(self):
        """The name to keep in the URL instead of the slug, or ''."""
        return self.alias.name if self.alias and self.place and self.alias.kept else ""

    @property
    def error(self):
        if self.status == EMPTY:
            return _("Type the name of your municipality.")
        if self.status == AMBIGUOUS:
            return _("There is more than one municipality called %(name)s: choose one.") % {"name": self.typed}
        if self.status == UNKNOWN:
            return _("We do not know a municipality called %(name)s.") % {"name": self.typed}
        return ""


@dataclass(frozen=True)
class Suggestion:
    place: object
    alias: Alias | None = None

    @property
    def label(self):
        """ "'s-Gravenhage (Den Haag)" when found by another name, else the official name."""
        if self.alias and self.alias.kind in {COMMON, FORMER, SPLIT}:
            return f"{self.place.name} ({self.alias.name})"
        return self.place.name


class NameIndex:
    """Every key (official names, their parts, aliases) pointing at places."""

    def __init__(self, places):
        by_name = {place.name: place for place in places}
        self.places = places
        self.by_slug = {place.slug: place for place in places}
        self.by_code = {place.cbs_code.casefold(): place for place in places}
        self.keys = {}  # key -> [(place, alias or None)]
        for place in places:
            for key in _official_keys(place.name):
                self._add(key, place, None)
        for alias in aliases():
            place = by_name.get(alias.municipality)
            if place is not None:
                self._add(normalise(alias.name), place, alias)

    def _add(self, key, place, alias):
        entries = self.keys.setdefault(key, [])
        if all(existing.pk != place.pk for existing, _alias in entries):
            entries.append((place, alias))

    def resolve(self, value):
        typed = " ".join((value or "").split())[:MAX_LENGTH]
        if not typed:
            return Resolution(EMPTY)
        place = self.by_slug.get(typed) or self.by_code.get(typed.casefold())
        if place is not None:
            return Resolution(FOUND, typed, place)
        entries = self.keys.get(normalise(typed), [])
        if len(entries) == 1:
            place, alias = entries[0]
            return Resolution(FOUND, typed, place, alias)
        if len(entries) > 1:
            return Resolution(
                AMBIGUOUS, typed, suggestions=tuple(Suggestion(place) for place, _alias in _by_name(entries))
            )
        return Resolution(UNKNOWN, typed, suggestions=tuple(self.suggest(typed)))

    def suggest(self, value, limit=SUGGESTIONS):
        """Places whose names begin with, contain, or (failing those) resemble what was typed."""
        key = normalise(" ".join((value or "").split())[:MAX_LENGTH])
        if not key:
            return []
        starts, word_starts, contains = [], [], []
        for name, entries in self.keys.items():
            if name.startswith(key):
                starts.append((name, entries))
            elif f" {key}" in f" {name}":
                word_starts.append((name, entries))
            elif key in name:
                contains.append((name, entries))
        ranked = [*sorted(starts), *sorted(word_starts), *sorted(contains)]
        if len(ranked) < limit:
            close = difflib.get_close_matches(key, self.keys, n=limit, cutoff=CLOSE_ENOUGH)
            ranked += [(name, self.keys[name]) for name in close]
        found, seen = [], set()
        for _name, entries in ranked:
            for place, alias in _by_name(entries):
                if place.pk not in seen:
                    seen.add(place.pk)
                    found.append(Suggestion(place, alias))
        return found[:limit]


def _official_keys(name):
    """Keys of an official name: in full, without a "(NH.)"-style suffix, and without a leading "'s-"."""
    keys = {normalise(name)}
    base = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    keys.add(normalise(base))
    keys |= {key[2:] for key in list(keys) if key.startswith("s ")}
    return keys


def _by_name(entries):
    return sorted(entries, key=lambda entry: entry[0].name)
