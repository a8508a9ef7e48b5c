"""Synonyms and abbreviations from the editors' list, for both backends.

Elasticsearch gets them as a ``synonym_graph`` filter in its search analyser (rules in the Solr
format, "a, b, c"); on the database backend the query is expanded: each phrase of a group that
occurs in the query is swapped for each of the others, and any of those queries may match.
"""

import re

from .models import Synonym

MAX_ALTERNATIVES = 10


def groups():
    return [[term.lower() for term in synonym.term_list] for synonym in Synonym.objects.all()]


def elasticsearch_rules():
    return [", ".join(group) for group in groups() if len(group) > 1]


def expand(query, synonym_groups=None):
    """Other ways of writing ``query`` with the synonyms swapped in (not the query itself)."""
    lowered = " ".join(query.lower().split())
    alternatives = []
    for group in groups() if synonym_groups is None else synonym_groups:
        for term in group:
            pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
            if pattern.search(lowered):
                alternatives += [pattern.sub(other, lowered) for other in group if other != term]
    unique = list(dict.fromkeys(alternative for alternative in alternatives if alternative != lowered))
    return unique[:MAX_ALTERNATIVES]
