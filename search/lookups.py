"""``field__in_ids=[...]``: membership in a long list of ids, sent as one parameter.

The facets look up the values of thousands of matched pages. Django's ``__in`` gives each id
its own SQL parameter, which costs more to build than the query takes to run; here the list
travels as one array (PostgreSQL, ``= ANY(%s)``) or one JSON text (SQLite, ``json_each``).
"""

import json

from django.db.models import ForeignKey, IntegerField, Lookup


class InIds(Lookup):
    lookup_name = "in_ids"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        ids = [int(pk) for pk in value]
        return "%s", [ids if connection.vendor == "postgresql" else json.dumps(ids)]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]
        if connection.vendor == "sqlite":
            # lhs and rhs are compiled SQL with placeholders; the ids travel as parameters.
            return f"{lhs} IN (SELECT value FROM json_each({rhs}))", [*lhs_params, *rhs_params]  # noqa: S608
        raise NotImplementedError(f"in_ids is written for PostgreSQL and SQLite, not {connection.vendor}")


IntegerField.register_lookup(InIds)
ForeignKey.register_lookup(InIds)
