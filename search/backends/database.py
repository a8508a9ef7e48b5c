"""Wagtail's database search backend (the embedded default), with these additions.

- ``results.ids(limit)``: the primary keys of the matches, best first, without loading pages:
  the search page counts its facets from them (``search/facets.py``) and shows a slice of them,
  the same way on every backend.
- Every word indexed goes into the vocabulary that "did you mean ...?" draws on
  (``search/vocabulary.py``), on SQLite and PostgreSQL alike.
- On SQLite, stemming. SQLite's full-text engine has none for Dutch, so the title and body are
  indexed as stems (``search/analysis.py``: each page in its own language) and every query word
  is matched by its Dutch and its English stem. The autocomplete column keeps the words as
  written, for suggestions while typing.
- On SQLite, ranking that scales and weighs titles. Wagtail's SQLite backend orders by a score it
  looks up with a correlated subquery, which runs the full-text match once per matching page, and
  its ``bm25`` weighs every column alike. Here the full-text index is matched once and ranked by
  ``bm25`` with the title :data:`TITLE_WEIGHT` times the body, a page whose whole title is the
  query first; only the page asked for is loaded. Counting, facets, negation and results with
  scores keep Wagtail's own path.

PostgreSQL (and any other database) uses Wagtail's backend with ``ids`` and the vocabulary added:
it stems each page with its own configuration for the page's language ("dutch", "english"), and
a query with the one of the language searched (``search.analysis.searching_in``), Dutch otherwise.
Wagtail's SQLite module can only be imported on SQLite (its index model exists only there), so the
SQLite classes are built on first use.
"""

from functools import cache, reduce
from inspect import signature

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from modelsearch.backends import database
from modelsearch.query import And, Or, PlainText

from ..analysis import DEFAULT_LANGUAGE, STOP_WORDS, analyse, query_language, stems, words
from ..vocabulary import remember

# bm25 weights of the SQLite index's columns, in their order: autocomplete, body, title.
TITLE_WEIGHT = 10.0
COLUMN_WEIGHTS = (0.0, 1.0, TITLE_WEIGHT)


class IdsMixin:
    def ids(self, limit):
        """The primary keys of the best ``limit`` matches, best first, from one query."""
        compiler = self.query_compiler
        # PostgreSQL's compiler needs the backend (for its typo-tolerance settings); SQLite's takes none.
        extra = {"backend": self.backend} if "backend" in signature(compiler.search).parameters else {}
        queryset = compiler.search(compiler.get_config(self.backend), None, None, **extra)
        return list(queryset.values_list("pk", flat=True)[:limit])


def _languages(objs):
    """{locale id: language code} for the objects' locales, in one query (objects without one: none)."""
    from wagtail.models import Locale  # noqa: PLC0415 (Wagtail reads the backend module before the apps are loaded)

    ids = {getattr(obj, "locale_id", None) for obj in objs} - {None}
    return dict(Locale.objects.filter(pk__in=ids).values_list("pk", "language_code")) if ids else {}


class RankedSQLiteResultsMixin:
    def _ranked_by_bm25(self):
        from modelsearch.backends.database.sqlite import sqlite  # noqa: PLC0415 (only the backend of the database in use)

        compiler = self.query_compiler
        return (
            compiler.order_by_relevance
            and self._score_field is None
            and not isinstance(sqlite.normalize(compiler.query), (sqlite.MatchAll, sqlite.Not))
        )

    def ids(self, limit):
        if not self._ranked_by_bm25():
            return super().ids(limit)
        return [int(pk) for pk in self._ranked()[:limit]]

    def _do_search(self):
        if not self._ranked_by_bm25():
            return super()._do_search()
        ids = [int(pk) for pk in self._ranked()[self.start : self.stop]]
        found = self.query_compiler.queryset.in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]

    def _ranked(self):
        """The matches' ids (text), best first: the full-text index matched and ranked once."""
        from modelsearch.backends.database.sqlite import sqlite  # noqa: PLC0415 (only the backend of the database in use)

        compiler = self.query_compiler
        match = sqlite.MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(sqlite.normalize(compiler.query), config=compiler.get_config(self.backend)),
        )
        table = sqlite.SQLiteFTSIndexEntry._meta.db_table
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        titles = _whole_titles(compiler.query)
        return (
            sqlite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=sqlite.get_descendants_content_types_pks(compiler.queryset.model),
                index_entry__object_id__in=compiler.queryset.values("pk"),
            )
            .annotate(
                exact=Case(
                    When(Q(index_entry__title__in=titles), then=Value(0)), default=Value(1), output_field=IntegerField()
                ),
                score=RawSQL(f"bm25({table}, {weights})", []),  # noqa: S611 (constants only)
            )
            .order_by("exact", "score", "-index_entry__object_id")
            .values_list("index_entry__object_id", flat=True)
        )


def _whole_titles(query):
    """The stemmed forms a title has when it is the query itself (in either language)."""
    while isinstance(query, (And, Or)) and query.subqueries:
        query = query.subqueries[0]
    if not isinstance(query, PlainText):
        return []
    return [analyse(query.query_string, language) for language in ("nl", "en")]


@cache
def with_ids(results_class):
    mixins = (IdsMixin,)
    if results_class.__module__.endswith(".sqlite.sqlite"):
        mixins = (RankedSQLiteResultsMixin, IdsMixin)
    return type(results_class.__name__, (*mixins, results_class), {})


@cache
def sqlite_classes():
    """The SQLite index and query compiler with stemming (see the module's docstring)."""
    from modelsearch.backends.database.sqlite import sqlite  # noqa: PLC0415 (only the backend of the database in use)
    from modelsearch.backends.database.sqlite.query import Lexeme, LexemeCombinable, SearchQueryExpression  # noqa: PLC0415 (the same)

    class Grouped(LexemeCombinable):
        """Alternatives in parentheses: "(a OR b) AND c", whatever FTS5's precedence."""

        _output_field = Lexeme._output_field

        def __init__(self, inner):
            super().__init__(output_field=Lexeme._output_field)
            self.inner = inner

        def as_sql(self, compiler, connection):
            sql, params = compiler.compile(self.inner)
            return "%s", [f"({sql % tuple(params)})"]

    class StemmingQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config=config)
            # Dutch stop words are left out, as PostgreSQL's "dutch" configuration does (unless nothing else is left).
            typed = words(query.query_string)
            if not typed:  # punctuation only: Wagtail's own handling (it matches nothing)
                return super().build_search_query_content(query, config=config)
            kept = [word for word in typed if word not in STOP_WORDS[DEFAULT_LANGUAGE]] or typed
            terms = [Grouped(reduce(lambda a, b: a | b, map(Lexeme, stems(word)))) for word in kept]
            combine = (lambda a, b: a & b) if query.operator.upper() == "AND" else (lambda a, b: a | b)
            return SearchQueryExpression(reduce(combine, terms), config=config)

    class StemmingIndex(sqlite.SQLiteIndex):
        def add_items(self, model, objs):
            """As Wagtail's, with the title and body stemmed in the object's language."""
            if not model.get_search_fields() or not objs:
                return
            languages = _languages(objs)
            rows = {}
            for obj in objs:
                indexer = sqlite.ObjectIndexer(obj, self.backend)
                language = languages.get(getattr(obj, "locale_id", None), DEFAULT_LANGUAGE)
                rows[indexer.id] = (
                    analyse(indexer.title, language),
                    indexer.autocomplete,
                    analyse(indexer.body, language),
                    (indexer.title, indexer.body),
                )
            entries = self.entries.filter(content_type_id=sqlite.get_content_type_pk(model))
            existing = set(entries.filter(object_id__in=list(rows)).values_list("object_id", flat=True))
            for object_id in existing:
                title, autocomplete, body, _text = rows[object_id]
                entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
            self.entries.bulk_create(
                [
                    sqlite.IndexEntry(
                        content_type_id=sqlite.get_content_type_pk(model),
                        object_id=object_id,
                        title=title,
                        autocomplete=autocomplete,
                        body=body,
                    )
                    for object_id, (title, autocomplete, body, _text) in rows.items()
                    if object_id not in existing
                ]
            )
            self._refresh_title_norms()
            remember(text for *_columns, pair in rows.values() for text in pair)

    return StemmingIndex, StemmingQueryCompiler


# PostgreSQL's text-search configuration per page language, where the backend has one (SEARCH_CONFIG).
POSTGRES_CONFIGS = {"nl": "dutch", "en": "english"}


@cache
def postgres_index_class():
    from modelsearch.backends.database.postgres import postgres  # noqa: PLC0415 (only the backend of the database in use)

    class VocabularyIndex(postgres.PostgresIndex):
        def add_items(self, model, objs):
            """As Wagtail's, with each object's text analysed in its own language (English pages
            with PostgreSQL's "english", Dutch ones with "dutch"), and its words in the vocabulary."""
            if self.backend.config and objs:
                languages = _languages(objs)
                by_language = {}
                for obj in objs:
                    language = languages.get(getattr(obj, "locale_id", None), DEFAULT_LANGUAGE)
                    by_language.setdefault(POSTGRES_CONFIGS.get(language, self.backend.config), []).append(obj)
                configured = self.backend.config
                try:
                    for config, group in by_language.items():
                        self.backend.config = config
                        super().add_items(model, group)
                finally:
                    self.backend.config = configured
            else:
                super().add_items(model, objs)
            if model.get_search_fields() and objs:
                # The plain text Wagtail has just stored for trigram search, read back in one query.
                written = self.entries.filter(
                    content_type_id=postgres.get_content_type_pk(model), object_id__in=[str(obj.pk) for obj in objs]
                ).values_list("title_text", "body_text")
                remember(text for pair in written for text in pair)

    return VocabularyIndex


@cache
def postgres_compiler_class(base):
    class LanguageQueryCompiler(base):
        """The query parsed with the rules of the language searched (``searching_in``), so that it
        meets pages indexed in that language; Dutch (SEARCH_CONFIG) where no caller said."""

        def get_config(self, backend):
            configured = super().get_config(backend)
            return POSTGRES_CONFIGS.get(query_language(), configured) if configured else configured

    return LanguageQueryCompiler


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up under this name)
    """The backend Wagtail's database module would choose, with the additions above."""
    backend = database.SearchBackend(params)
    kind = type(backend).__name__
    backend.results_class = with_ids(backend.results_class)
    if kind.startswith("SQLite"):
        backend.index_class, backend.query_compiler_class = sqlite_classes()
    elif kind.startswith("Postgres"):
        backend.index_class = postgres_index_class()
        backend.query_compiler_class = postgres_compiler_class(backend.query_compiler_class)
    return backend
