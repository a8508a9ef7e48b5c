"""Point at the geography's models in their own app (state only: the tables stay as they are)."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('geography', '0001_initial'),
        ('practices', '0007_indispensable_partners'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='implementation',
                    name='municipalities',
                    field=modelcluster.fields.ParentalManyToManyField(related_name='practice_implementations', to='geography.municipality', verbose_name='municipalities'),
                ),
            ],
        ),
    ]
