"""Wagtail's Elasticsearch backends with Dutch analysis and the editors' synonyms.

Every text field is indexed with the index's default analyser: standard tokens, lower case,
ASCII folding ("coördinator" = "coordinator"), Dutch stop words and the Dutch stemmer. Searches
use the same chain with the synonyms added (``synonym_graph`` is a search-time filter). The
synonyms are read from the database when an index is created, so ``manage.py update_index``
(an atomic rebuild behind an alias) brings edited synonyms into effect.
"""

from copy import deepcopy

from modelsearch.utils import deep_update

TEXT_FILTERS = ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"]


def dutch_analysis(synonym_rules):
    filters = {
        "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
        "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
    }
    search_filters = list(TEXT_FILTERS)
    if synonym_rules:
        filters["wiel_synonyms"] = {"type": "synonym_graph", "synonyms": synonym_rules, "lenient": True}
        search_filters.insert(2, "wiel_synonyms")  # after folding, before stop words and stemming
    return {
        "filter": filters,
        "analyzer": {
            "default": {"type": "custom", "tokenizer": "standard", "filter": TEXT_FILTERS},
            "default_search": {"type": "custom", "tokenizer": "standard", "filter": search_filters},
        },
    }


class DutchBackendMixin:
    def index_settings(self):
        from search.synonyms import elasticsearch_rules

        analysis = dutch_analysis(elasticsearch_rules())
        return deep_update(deepcopy(self.settings), {"settings": {"analysis": analysis}})


class DutchIndexMixin:
    def put(self):
        self.es.indices.create(index=self.name, **self.backend.index_settings())
