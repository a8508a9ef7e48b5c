"""Wagtail's database search backend (the embedded default), with two additions.

- ``results.ids(limit)``: the primary keys of the matches, best first, without loading pages:
  the search page counts its facets from them (``search/facets.py``) and shows a slice of them,
  the same way on every backend.
- On SQLite, ranking that scales. Wagtail's SQLite backend orders by a score it looks up with a
  correlated subquery, which runs the full-text match once per matching page: a common word
  ("jeugd") over 15,000 pages took seconds. Here the full-text index is matched once, ranked by
  ``bm25`` inside SQLite, and only the page asked for is loaded. Counting, facets, negation and
  results with scores keep Wagtail's own path.

PostgreSQL (and any other database) uses Wagtail's backend as it is, with ``ids`` added.
Wagtail's SQLite module can only be imported on SQLite (its index model exists only there), so
the SQLite classes are built on first use.
"""

from functools import cache
from inspect import signature

from modelsearch.backends import database


class IdsMixin:
    def ids(self, limit):
        """The primary keys of the best ``limit`` matches, best first, from one query."""
        compiler = self.query_compiler
        # PostgreSQL's compiler needs the backend (for its typo-tolerance settings); SQLite's takes none.
        extra = {"backend": self.backend} if "backend" in signature(compiler.search).parameters else {}
        queryset = compiler.search(compiler.get_config(self.backend), None, None, **extra)
        return list(queryset.values_list("pk", flat=True)[:limit])


class RankedSQLiteResultsMixin:
    def _ranked_by_bm25(self):
        from modelsearch.backends.database.sqlite import sqlite

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
        from modelsearch.backends.database.sqlite import sqlite

        compiler = self.query_compiler
        match = sqlite.MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(sqlite.normalize(compiler.query), config=compiler.get_config(self.backend)),
        )
        return (
            sqlite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=sqlite.get_descendants_content_types_pks(compiler.queryset.model),
                index_entry__object_id__in=compiler.queryset.values("pk"),
            )
            .annotate(score=compiler._build_rank_expression(compiler.get_search_vectors(), None))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", flat=True)
        )


@cache
def with_ids(results_class):
    mixins = (IdsMixin,)
    if results_class.__module__.endswith(".sqlite.sqlite"):
        mixins = (RankedSQLiteResultsMixin, IdsMixin)
    return type(results_class.__name__, (*mixins, results_class), {})


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up under this name)
    """The backend Wagtail's database module would choose, with ``ids`` and SQLite's ranking."""
    backend = database.SearchBackend(params)
    backend.results_class = with_ids(backend.results_class)
    return backend
