"""``field__in_ids=[...]``: membership in a long list of ids, sent as one parameter.

The facets look up the values of thousands of matched pages. Django's ``__in`` gives each id
its own SQL parameter, which costs more to build than the query takes to run; here the list
travels as one text parameter: an array literal (PostgreSQL, ``unnest(%s::bigint[])``) or a JSON
list (SQLite, ``json_each``), unnested into a subquery the planner can hash (``= ANY`` with a
parameter would compare each row with every id). Other databases get a plain ``IN``.
"""

from django.db.models import ForeignKey, IntegerField, Lookup


class Ids:
    """Ids for ``__in_ids``, wrapped so that Django does not inspect them one by one (it checks
    every item of a list or set given to a relation)."""

    __slots__ = ("ids",)

    def __init__(self, ids):
        self.ids = ids


class InIds(Lookup):
    lookup_name = "in_ids"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        # Integers only, so the text parameter below cannot carry anything else.
        ids = [int(pk) for pk in (self.rhs.ids if isinstance(self.rhs, Ids) else self.rhs)]
        text = ",".join(map(str, ids))
        if connection.vendor == "postgresql":
            return f"{lhs} IN (SELECT unnest(%s::bigint[]))", [*params, "{" + text + "}"]  # noqa: S608
        if connection.vendor == "sqlite":
            return f"{lhs} IN (SELECT value FROM json_each(%s))", [*params, "[" + text + "]"]  # noqa: S608
        # Any other database: a plain IN with a parameter per id.
        if not ids:
            return "1 = 0", []
        return f"{lhs} IN ({', '.join(['%s'] * len(ids))})", [*params, *ids]


IntegerField.register_lookup(InIds)
ForeignKey.register_lookup(InIds)
