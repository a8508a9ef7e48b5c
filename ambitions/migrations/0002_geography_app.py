"""Point at the geography's models in their own app (state only: the tables stay as they are)."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('ambitions', '0001_initial'),
        ('geography', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='ambitionpage',
                    name='municipalities',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Only when the ambition is for some municipalities.', related_name='ambitions', to='geography.municipality', verbose_name='municipalities'),
                ),
                migrations.AlterField(
                    model_name='ambitionpage',
                    name='youth_regions',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Only when the ambition is for some regions; empty: the whole region of the werkplaats.', related_name='ambitions', to='geography.youthregion', verbose_name="jeugdregio's"),
                ),
            ],
        ),
    ]
