"""Wagtail's search-engine backends (Elasticsearch 8 and 9, OpenSearch 2) with Dutch analysis, the
editors' synonyms, retries, failover to the database and titles weighed as on SQLite.

Every text field is indexed with the index's default analyser: standard tokens, lower case,
ASCII folding ("coördinator" = "coordinator"), the Dutch stemmer with the undoubling of
``search/analysis.py``, then the Dutch stop words (as stems). Searches use the same chain with the
synonyms after the stemmer (``synonym_graph`` is a search-time filter), so the engine stems each
rule as it stems a page and a plural fires its singular's group. The synonyms are read from the
database when an index is created, so ``manage.py update_index`` (an atomic rebuild behind an
alias) brings edited synonyms into effect.

The results also give ``ids(limit)``, the matches' primary keys, best first, without loading the
pages: the search page counts its facets from them (``search/facets.py``) and shows a slice of
them; the database backend has the same method (``search/backends/database.py``).
"""

from copy import deepcopy

from modelsearch.utils import deep_update
from wagtail.search.backends import get_search_backend

from search import circuit
from search.analysis import STOP_WORDS, query_language, stem
from search.circuit import UNAVAILABLE
from search.failover import FALLBACK, answer
from search.retry import BACKEND, forget, remember
from search.synonyms import elasticsearch_rules

from .database import TITLE_WEIGHT

# Stems first, then the synonyms, then the stop words: the engine reads each synonym rule through
# the filters before the synonym filter, so a rule is stemmed as the words of a page are, and
# "thuiszitters" fires the group of "thuiszitter"; stop words go last, from a list of their stems,
# so that a rule with small words in it ("centrum voor jeugd en gezin") is kept whole.
TEXT_FILTERS = ["lowercase", "asciifolding", "wiel_singular", "dutch_stemmer", "wiel_undouble", "dutch_stop"]
SEARCH_FILTERS = [
    "lowercase",
    "asciifolding",
    "wiel_singular",
    "dutch_stemmer",
    "wiel_undouble",
    "wiel_synonyms",
    "dutch_stop",
]
# A search for any of several words (the relaxed search of search/query.py) asks at least this
# share of them: "-50%" lets half of the words be missing, rounded down (2 words: 1; 5 words: 3).
RELAXED_MINIMUM_SHOULD_MATCH = "-50%"
# Wagtail copies a page's title (boost 2) into a field of its own beside the text of the whole page;
# that field is asked with this weight, so a title weighs TITLE_WEIGHT times the body in all, as on
# SQLite (search/backends/database.py).
TITLE_FIELD_PREFIX = "_all_text_boost_"
ALL_TEXT = "_all_text"
ENGLISH = "en"  # the sub-field of the whole-text fields analysed with English rules
ENGLISH_TEXT_FILTERS = ["lowercase", "asciifolding", "english_possessive", "english_stemmer", "english_stop"]
ENGLISH_SEARCH_FILTERS = ["lowercase", "asciifolding", "english_possessive", "english_stemmer", "wiel_synonyms"]


def dutch_analysis(synonym_rules):
    filters = {
        "dutch_stop": {"type": "stop", "stopwords": sorted({stem(word, "nl") for word in STOP_WORDS["nl"]})},
        "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
        # Dutch Snowball keeps a doubled final consonant ("gezinnen" -> "gezinn"); undoubled, the
        # plural meets the singular, as in search/analysis.py.
        "wiel_undouble": {"type": "pattern_replace", "pattern": "([b-df-hj-np-tv-z])\\1$", "replacement": "$1"},
        # Plurals in -ies and -ieen ("wijkacademies", "categorieen") that Snowball leaves alone, made
        # singular before stemming, as search.analysis.singular does for the database backends.
        "wiel_singular": {"type": "pattern_replace", "pattern": "^(.{2,}i)(es|een)$", "replacement": "$1e"},
    }
    filters.update(
        {
            "english_possessive": {"type": "stemmer", "language": "possessive_english"},
            "english_stemmer": {"type": "stemmer", "language": "english"},
            "english_stop": {"type": "stop", "stopwords": "_english_"},
        }
    )
    search_filters, english_search_filters = list(SEARCH_FILTERS), [*ENGLISH_SEARCH_FILTERS, "english_stop"]
    if synonym_rules:
        filters["wiel_synonyms"] = {"type": "synonym_graph", "synonyms": synonym_rules, "lenient": True}
    else:
        search_filters.remove("wiel_synonyms")
        english_search_filters.remove("wiel_synonyms")
    return {
        "filter": filters,
        "analyzer": {
            "default": {"type": "custom", "tokenizer": "standard", "filter": TEXT_FILTERS},
            "default_search": {"type": "custom", "tokenizer": "standard", "filter": search_filters},
            "english_text": {"type": "custom", "tokenizer": "standard", "filter": ENGLISH_TEXT_FILTERS},
            "english_search": {"type": "custom", "tokenizer": "standard", "filter": english_search_filters},
        },
    }


class EnglishMappingMixin:
    """Every whole-text field (``_all_text`` and the title's) also analysed with English rules, in a
    sub-field ``.en``: a search over English pages asks those (``QueryMixin``), so "families"
    finds "family" there, while Dutch pages are searched with the Dutch rules."""

    def get_mapping(self):
        mapping = super().get_mapping()
        for name, field in mapping["properties"].items():
            if name == ALL_TEXT or name.startswith(TITLE_FIELD_PREFIX):
                field["fields"] = {
                    ENGLISH: {"type": "text", "analyzer": "english_text", "search_analyzer": "english_search"}
                }
        return mapping


def in_language(field):
    """A whole-text field of a compiled query, as asked in the language of the search."""
    name, caret, weight = field.partition("^")
    if query_language() == ENGLISH and (name == ALL_TEXT or name.startswith(TITLE_FIELD_PREFIX)):
        name = f"{name}.{ENGLISH}"
    return name + caret + weight


def weigh_titles(compiled):
    """The title field of a compiled text query asked with the weight that makes TITLE_WEIGHT, and
    every whole-text field in the language of the search (``in_language``)."""
    inner = compiled.get("multi_match")
    if inner:
        inner["fields"] = [
            in_language(
                f"{field.partition('^')[0]}^{TITLE_WEIGHT - 1:g}" if field.startswith(TITLE_FIELD_PREFIX) else field
            )
            for field in inner["fields"]
        ]
    return compiled


class RetryMixin:
    """Index updates Elasticsearch could not take are kept in ``PendingIndexUpdate`` and retried
    later (``search/retry.py``). Wagtail still logs the error and lets the page save succeed.
    While Elasticsearch is paused after a failure (``search/circuit.py``), updates go straight
    to the retry list, so a save does not wait for a timeout either."""

    def add(self, obj):
        self._update(obj, "add", super().add)

    def delete(self, obj):
        self._update(obj, "delete", super().delete)

    def _update(self, obj, action, send):
        if circuit.paused(BACKEND):
            remember(obj, action, "paused after a failure")
            return
        try:
            send(obj)
        except UNAVAILABLE as error:
            circuit.failed(BACKEND, error)  # paused if down; logged as an error if misconfigured
            remember(obj, action, error)
            raise
        forget(obj)


class QueryMixin:
    """Typo-tolerant queries (Wagtail's ``Fuzzy``) are analysed with the index's default analyser,
    without the synonym graph: Elasticsearch does not combine fuzziness with multi-word synonyms.
    A search for any of the words asks for at least half of them (RELAXED_MINIMUM_SHOULD_MATCH)."""

    def _compile_plaintext_query(self, query, fields, boost=1.0):
        compiled = super()._compile_plaintext_query(query, fields, boost)
        if query.operator == "or":
            inner = compiled["multi_match"] if "multi_match" in compiled else next(iter(compiled["match"].values()))
            inner["minimum_should_match"] = RELAXED_MINIMUM_SHOULD_MATCH
        return weigh_titles(compiled)

    def _compile_fuzzy_query(self, query, fields):
        compiled = super()._compile_fuzzy_query(query, fields)
        inner = compiled["multi_match"] if "multi_match" in compiled else next(iter(compiled["match"].values()))
        inner["analyzer"] = "english_text" if query_language() == ENGLISH else "default"
        return weigh_titles(compiled)


class DutchBackendMixin:
    def index_settings(self):
        analysis = dutch_analysis(elasticsearch_rules())
        return deep_update(deepcopy(self.settings), {"settings": {"analysis": analysis}})


class DutchIndexMixin:
    def put(self):
        if self.backend.use_new_elasticsearch_api:  # Elasticsearch 8 and 9: settings as keywords
            self.es.indices.create(index=self.name, **self.backend.index_settings())
        else:  # OpenSearch: one request body
            self.es.indices.create(index=self.name, body=self.backend.index_settings())


class FailoverResultsMixin:
    """Results the database backend gives when the engine is paused or fails while they are read
    (``search/failover.py``): the same query, the same queryset, the same slice."""

    def _on_database(self):
        compiler = self.query_compiler
        database = get_search_backend(FALLBACK)
        autocomplete = isinstance(compiler, self.backend.autocomplete_query_compiler_class)
        run = database.autocomplete if autocomplete else database.search
        results = run(
            compiler.query, compiler.queryset, fields=compiler.fields, order_by_relevance=compiler.order_by_relevance
        )
        results.start, results.stop = self.start, self.stop
        return results

    def _do_search(self):
        return answer(super()._do_search, lambda: self._on_database()._do_search())

    def _do_count(self):
        return answer(super()._do_count, lambda: self._on_database()._do_count())

    def facet(self, field_name):
        on_engine = super().facet
        return answer(lambda: on_engine(field_name), lambda: self._on_database().facet(field_name))

    def ids(self, limit):
        on_engine = super().ids
        return answer(lambda: on_engine(limit), lambda: self._on_database().ids(limit))


class IdsResultsMixin:
    def ids(self, limit):
        """The primary keys of the best ``limit`` matches, best first, without loading them from
        the database (limit at most 10,000, Elasticsearch's max_result_window).

        The keys come from the column store (``docvalue_fields``), not the stored fields: reading
        stored fields decompresses a block per hit, which made 10,000 hits cost four times as much.
        Only the keys travel back (``filter_path``); without hits the answer is an empty object.
        """
        response = self._backend_do_search(
            self._get_es_body(),
            index=self.backend.get_index_for_model(self.query_compiler.queryset.model).name,
            size=limit,
            stored_fields="_none_",
            docvalue_fields=["pk"],
            filter_path=["hits.hits.fields.pk"],
        )
        hits = response["hits"]["hits"] if "hits" in response else []
        return [int(hit["fields"]["pk"][0]) for hit in hits]


def wiel_backend(module, name):
    """Wiel's backend on modelsearch's engine ``module`` (``elasticsearch8``, ``opensearch2``...):
    each of its classes named ``{name}Mapping``, ``{name}Index`` and so on, with the mixins above."""

    def subclass(suffix, *mixins, **attributes):
        base = getattr(module, f"{name}{suffix}")
        return type(base.__name__, (*mixins, base), {"__module__": __name__, **attributes})

    mapping = subclass("Mapping", EnglishMappingMixin)
    return subclass(
        "SearchBackend",
        RetryMixin,
        DutchBackendMixin,
        mapping_class=mapping,
        index_class=subclass("Index", DutchIndexMixin),
        query_compiler_class=subclass("SearchQueryCompiler", QueryMixin, mapping_class=mapping),
        results_class=subclass("SearchResults", FailoverResultsMixin, IdsResultsMixin),
    )
