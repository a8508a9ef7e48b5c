"""Point at the geography's models in their own app (state only: the tables stay as they are)."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('geography', '0001_initial'),
        ('opportunities', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='opportunitypage',
                    name='municipalities',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='opportunities', to='geography.municipality', verbose_name='where'),
                ),
                migrations.AlterField(
                    model_name='projectpage',
                    name='municipalities',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='projects', to='geography.municipality', verbose_name='municipalities'),
                ),
            ],
        ),
    ]
