"""Two indexes that let PostgreSQL answer Wagtail's database-backend searches from indexes.

- Wagtail's query matches ``title || body`` of the index entry; only ``title`` and ``body`` have
  GIN indexes of their own, so every search read the whole index table. An index on the
  expression itself serves it.
- The index entry names its page by ``object_id`` (text); the join compares it with the page id
  cast to text, which the primary key cannot serve. An index on that cast can.

At 10,000 practices and 5,000 articles these took the search page from 150 ms to about 50 ms
(benchmarks/search_latency.py). SQLite uses its own full-text index and needs neither.
"""

from django.db import migrations

INDEXES = [
    (
        "wiel_indexentry_title_body",
        "CREATE INDEX IF NOT EXISTS wiel_indexentry_title_body ON wagtailsearch_indexentry USING gin ((title || body))",
    ),
    (
        "wiel_page_id_as_text",
        "CREATE INDEX IF NOT EXISTS wiel_page_id_as_text ON wagtailcore_page (((id)::varchar(50)))",
    ),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _name, sql in INDEXES:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _sql in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("wielsearch", "0002_document_text_and_pending_updates"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, drop)]
