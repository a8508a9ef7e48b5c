"""Typo tolerance on PostgreSQL: the pg_trgm extension and trigram indexes on the text Wagtail
keeps in its index entries, as ``manage.py enable_trigram`` (django-modelsearch) would make them.

pg_trgm is a trusted extension, so the database owner may create it. Where that is refused, the
migration goes on without it: the search then simply does not tolerate typos
(``search.query.supports_fuzzy`` checks for the extension).
"""

import logging

from django.db import DatabaseError, migrations, transaction

logger = logging.getLogger(__name__)

STATEMENTS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS modelsearch_title_text_trgm ON wagtailsearch_indexentry USING gin (title_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS modelsearch_body_text_trgm ON wagtailsearch_indexentry USING gin (body_text gin_trgm_ops)",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):  # a savepoint to fall back to
            for sql in STATEMENTS:
                schema_editor.execute(sql)
    except DatabaseError as error:
        logger.warning("No typo tolerance in search: pg_trgm could not be set up (%s)", error)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS modelsearch_title_text_trgm")
        schema_editor.execute("DROP INDEX IF EXISTS modelsearch_body_text_trgm")


class Migration(migrations.Migration):
    dependencies = [("wielsearch", "0003_postgresql_search_indexes")]

    operations = [migrations.RunPython(create, drop)]
