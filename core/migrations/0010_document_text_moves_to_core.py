"""DocumentText moves from the search app to the core (the core reads documents; search and
practices both use it). The table keeps its rows: the model's state is created here over the
existing table, which is then renamed to the core's name."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0009_care_setting_names"),
        ("wielsearch", "0006_stemmed_sqlite_index"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DocumentText",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("file_hash", models.CharField(blank=True, max_length=40)),
                        ("text", models.TextField(blank=True)),
                        (
                            "problem",
                            models.CharField(blank=True, help_text="Why no text could be read, if so.", max_length=255),
                        ),
                        (
                            "document",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="search_text",
                                to="wagtaildocs.document",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "document text",
                        "verbose_name_plural": "document texts",
                        "db_table": "wielsearch_documenttext",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name="documenttext", table=None),
    ]
