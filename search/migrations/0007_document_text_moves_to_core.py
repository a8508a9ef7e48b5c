"""DocumentText now belongs to the core (core/migrations/0010); only the model's state leaves here."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("wielsearch", "0006_stemmed_sqlite_index"),
        ("core", "0010_document_text_moves_to_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="DocumentText")]),
    ]
