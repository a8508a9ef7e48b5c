"""Synonyms, abbreviations and compound words from the editors' lists, for every backend.

Elasticsearch gets them as a ``synonym_graph`` filter in its search analyser (rules in the Solr
format: "a, b, c" for equals, "a => a, b" for one way). On the database backends the query is
expanded: wherever a term of a group occurs in the query, each other term of the group takes its
place in an alternative query, and any alternative may match. Terms are recognised by their
stems, so "thuiszittende leerlingen" meets the term "thuiszittende leerling".

A compound ("gezinsbuddy = gezin buddy") works three ways: the compound finds pages that name its
parts, the parts ("gezins buddy") find pages that name the compound, and its last part, the head
in Dutch ("buddy"), finds the pages that name the compound too.
"""

from itertools import chain

from core.http.request_memo import remembered

from .analysis import stem, words
from .models import CompoundWord, Synonym

MAX_ALTERNATIVES = 12


def groups():
    """The synonym groups (read once per request)."""
    return remembered(
        "synonym-groups", lambda: [[term.lower() for term in synonym.term_list] for synonym in Synonym.objects.all()]
    )


def compounds():
    """The compound words and their parts (read once per request)."""
    return remembered(
        "compound-words", lambda: [(compound.word, compound.parts.split()) for compound in CompoundWord.objects.all()]
    )


def elasticsearch_rules():
    rules = [", ".join(group) for group in groups() if len(group) > 1]
    for word, parts in compounds():
        rules.append(f"{word}, {' '.join(parts)}")
        rules.append(f"{parts[-1]} => {parts[-1]}, {word}")
    return rules


def _phrases():
    """Every term of more than one word in the synonym groups, as its words' stems."""
    return [stems for group in groups() for term in group if len(stems := [stem(word) for word in words(term)]) > 1]


def phrase_spans(query):
    """(start, size) of each listed phrase in the words of ``query``, longest first, not overlapping."""
    keys = [stem(token) for token in words(query)]
    taken, spans = set(), []
    for phrase in sorted(_phrases(), key=len, reverse=True):
        start = _find(keys, phrase)
        if start >= 0 and not taken & set(range(start, start + len(phrase))):
            taken.update(range(start, start + len(phrase)))
            spans.append((start, len(phrase)))
    return sorted(spans)


def units(query):
    """The words of ``query``, each listed phrase in it kept together as one unit: what the search
    for any of the words counts, so "niet naar school" counts once, for its group."""
    tokens = words(query)
    starts = dict(phrase_spans(query))
    found, position = [], 0
    while position < len(tokens):
        size = starts.get(position, 1)
        found.append(" ".join(tokens[position : position + size]))
        position += size
    return found


def listed_words():
    """The one-word terms of the editors' lists, folded: words a search finds pages for through
    their group even when no page uses them ("brugklas")."""
    return remembered(
        "listed-words",
        lambda: {
            found[0]
            for term in chain(chain.from_iterable(groups()), (word for word, _parts in compounds()))
            if len(found := words(term)) == 1
        },
    )


def _find(keys, wanted):
    """Where the stems ``wanted`` occur together in ``keys``, or -1."""
    size = len(wanted)
    for start in range(len(keys) - size + 1):
        if keys[start : start + size] == wanted:
            return start
    return -1


def expand(query, synonym_groups=None, compound_list=None):
    """Other ways of writing ``query`` with the synonyms and compounds swapped in (not the query itself)."""
    tokens = words(query)
    keys = [stem(token) for token in tokens]
    alternatives = []

    def swap(start, size, replacement):
        alternatives.append(" ".join([*tokens[:start], *replacement, *tokens[start + size :]]))

    for group in groups() if synonym_groups is None else synonym_groups:
        terms = [words(term) for term in group]
        for term in terms:
            start = _find(keys, [stem(word) for word in term]) if term else -1
            if start >= 0:
                for other in terms:
                    if other != term:
                        swap(start, len(term), other)
    for word, parts in compounds() if compound_list is None else compound_list:
        part_keys = [stem(part) for part in parts]
        whole = _find(keys, [stem(word)])
        together = _find(keys, part_keys)
        head = _find(keys, part_keys[-1:])
        if whole >= 0:
            swap(whole, 1, parts)
        elif together >= 0:
            swap(together, len(parts), [word])
        elif head >= 0:
            swap(head, 1, [word])
    unique = list(dict.fromkeys(alternative for alternative in alternatives if alternative != " ".join(tokens)))
    return unique[:MAX_ALTERNATIVES]
