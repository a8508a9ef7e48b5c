"""Bring an existing search index in line with search/backends/database.py.

On SQLite the title and body of every index entry are stored as stems from now on: the entries
already there are stemmed in place, each page in its own language (other objects in Dutch). On
SQLite and PostgreSQL the words of the index fill the vocabulary for "did you mean ...?". A new
database has no entries yet and nothing to do; ``update_index`` does the same from the pages.
"""

from django.db import migrations


def forward(apps, schema_editor):
    from search.analysis import DEFAULT_LANGUAGE, analyse
    from search.vocabulary import remember

    connection = schema_editor.connection
    if connection.vendor not in ("sqlite", "postgresql"):
        return
    content_types = apps.get_model("contenttypes", "ContentType").objects.all()
    pages = set()
    for content_type in content_types:
        try:
            model = apps.get_model(content_type.app_label, content_type.model)
        except LookupError:
            continue
        if (content_type.app_label, content_type.model) == ("wagtailcore", "page") or any(
            field.name == "page_ptr" for field in model._meta.fields
        ):
            pages.add(content_type.pk)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p.id, l.language_code FROM wagtailcore_page p JOIN wagtailcore_locale l ON l.id = p.locale_id"
        )
        languages = {str(pk): code for pk, code in cursor.fetchall()}
        text_columns = "title, body" if connection.vendor == "sqlite" else "title_text, body_text"
        cursor.execute(f"SELECT id, content_type_id, object_id, {text_columns} FROM wagtailsearch_indexentry")  # noqa: S608
        rows = cursor.fetchall()
    remember(text for *_key, title, body in rows for text in (title, body))
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for pk, content_type, object_id, title, body in rows:
            language = languages.get(object_id, DEFAULT_LANGUAGE) if content_type in pages else DEFAULT_LANGUAGE
            cursor.execute(
                "UPDATE wagtailsearch_indexentry SET title = %s, body = %s WHERE id = %s",
                [analyse(title or "", language), analyse(body or "", language), pk],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("wielsearch", "0005_compounds_and_vocabulary"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0057_page_locale_fields_notnull"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
