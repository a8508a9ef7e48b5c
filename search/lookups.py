"""``field__in_ids=[...]``: membership in a long list of ids, sent as one parameter.

The facets look up the values of thousands of matched pages. Django's ``__in`` gives each id
its own SQL parameter, which costs more to build than the query takes to run; here the list
travels as one text parameter: an array literal (PostgreSQL, ``unnest(%s::bigint[])``) or a JSON
list (SQLite, ``json_each``), unnested into a subquery the planner can hash (``= ANY`` with a
parameter would compare each row with every id).
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

    def get_db_prep_lookup(self, value, connection):
        # One text parameter either way: '{1,2,3}' (a PostgreSQL array literal) or '[1,2,3]' (JSON).
        # Integers only, so the text cannot carry anything else.
        ids = ",".join(str(int(pk)) for pk in (value.ids if isinstance(value, Ids) else value))
        return "%s", ["{" + ids + "}" if connection.vendor == "postgresql" else "[" + ids + "]"]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} IN (SELECT unnest({rhs}::bigint[]))", [*lhs_params, *rhs_params]  # noqa: S608
        if connection.vendor == "sqlite":
            # lhs and rhs are compiled SQL with placeholders; the ids travel as parameters.
            return f"{lhs} IN (SELECT value FROM json_each({rhs}))", [*lhs_params, *rhs_params]  # noqa: S608
        raise NotImplementedError(f"in_ids is written for PostgreSQL and SQLite, not {connection.vendor}")


IntegerField.register_lookup(InIds)
ForeignKey.register_lookup(InIds)
