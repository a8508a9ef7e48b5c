"""Dutch compounds and derivations that no page contains, split into words that pages do contain.

Dutch writes compounds as one word, and a reader may type one the site never uses:
"jeugdhulpverlening", "thuiszittersproblematiek", "talentontwikkeling". Nor does the stemmer see
into derivations such as "brugklassers" or "mentorschap". A word that is not in the vocabulary of
the indexed pages (``search/vocabulary.py``, the words "did you mean ...?" draws on) is split
against that same vocabulary and the one-word terms of the editors' synonym and compound lists
(a word such as "brugklas" finds pages through its group even when no page uses it), the same
way for every backend (``search/query.py``):

- a compound: a known first part, an optional linking -s-, -e- or -en-, and a known rest, which may
  itself be such a compound ("jeugd" + "hulpverlening", "dakloosheid" + s + "preventie");
- a derivation: a known word before a derivational ending ("brugklas" + "sers",
  "mentor" + "schap", "ervaringsdeskundig(e)" + "heid").

``splits`` gives the parts when every part is known, and also a looser form that accepts a known
first part before an unknown rest, for the search that asks for any of the words.
"""

from .analysis import VOWELS, words
from .models import SearchTerm
from .synonyms import listed_words
from .vocabulary import MIN_LENGTH

LINKS = ("s", "en", "e", "")  # what Dutch puts between the parts of a compound
# Derivational endings, longest first; what is left must be a known word (possibly with -e or -en).
ENDINGS = ("heden", "heid", "schap", "ingen", "ing", "ers", "er", "isch", "lijk")
MIN_PART = 4  # shorter parts split too much ("kind" stays; "ki" + "nd" never)
MAX_DEPTH = 3  # parts of parts of parts


def _undouble(word):
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in VOWELS:
        return word[:-1]
    return word


def _forms(part):
    """The forms a last part may take in the vocabulary: as typed, with -e, singular for -en/-s."""
    forms = [part, part + "e"]
    if part.endswith("en") and len(part) - 2 >= MIN_PART:
        forms.append(part[:-2])
    elif part.endswith("s") and len(part) - 1 >= MIN_PART:
        forms.append(part[:-1])
    return forms


def _derivation_bases(word):
    """The known words a derivation may come from, most likely first."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_PART:
            base = word[: -len(ending)]
            yield from dict.fromkeys((base, _undouble(base), base + "e", base + "en"))


def _candidates(word, depth=0):
    """Every string whose being a known word would let ``word`` be split (one query asks them all)."""
    found = set(_derivation_bases(word))
    if depth >= MAX_DEPTH:
        return found
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        found.add(word[:cut])
        rest = word[cut:]
        for link in LINKS:
            if rest.startswith(link) and len(rest) - len(link) >= MIN_PART:
                tail = rest[len(link) :]
                found.update(_forms(tail))
                found.update(_candidates(tail, depth + 1))
    return found


def _split(word, known, depth=0):
    """The known parts of ``word``, longest first part first, or None."""
    for base in _derivation_bases(word):
        if base in known:
            return [base]
    if depth >= MAX_DEPTH:
        return None
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head = word[:cut]
        if head not in known:
            continue
        rest = word[cut:]
        for link in LINKS:
            if not rest.startswith(link) or len(rest) - len(link) < MIN_PART:
                continue
            tail = rest[len(link) :]
            for form in _forms(tail):
                if form in known:
                    return [head, form]
            parts = _split(tail, known, depth + 1)
            if parts:
                return [head, *parts]
    return None


def _known(strings):
    """Those of ``strings`` that pages use, or that the editors listed as a synonym or compound
    (a search for such a word finds its group's pages)."""
    strings = [string for string in strings if len(string) >= MIN_LENGTH]
    if not strings:
        return set()
    listed = listed_words().intersection(strings)
    return listed | set(SearchTerm.objects.filter(word__in=strings).values_list("word", flat=True))


def _unknown_words(text):
    found = words(text)
    long_enough = [word for word in found if len(word) >= 2 * MIN_PART and not word.isdigit()]
    known = _known(long_enough)
    return found, [word for word in long_enough if word not in known]


def splits(text):
    """(strict, loose): ``text`` with its unknown words split, or "" for either when nothing splits.

    - strict: every unknown word that splits into known words replaced by its parts;
    - loose: also an unknown word with a known first part of at least five letters split into that
      part and the rest ("leerplicht" + "ambtenaar" when no page says "ambtenaar"), for the search
      that asks for any of the words.

    Two queries, however long the text."""
    found, unknown = _unknown_words(text)
    if not unknown:
        return "", ""
    known = _known({candidate for word in unknown for candidate in _candidates(word)})
    strict = {word: _split(word, known) for word in unknown}
    loose = dict(strict)
    for word, parts in strict.items():
        if parts is None:
            cuts = range(len(word) - MIN_PART, MIN_PART, -1)
            head = next((word[:cut] for cut in cuts if word[:cut] in known), None)
            loose[word] = [head, word[len(head) :]] if head else None

    def joined(chosen):
        if not any(chosen.values()):
            return ""
        return " ".join(" ".join(chosen.get(word) or [word]) for word in found)

    return joined(strict), joined(loose)
