"""Point at the geography's models in their own app (state only: the tables stay as they are)."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('geography', '0001_initial'),
        ('learning', '0002_proposals'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='action',
                    name='municipality',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='geography.municipality', verbose_name='municipality'),
                ),
                migrations.AlterField(
                    model_name='actionupdate',
                    name='lasting_municipality',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='geography.municipality', verbose_name='in the municipality'),
                ),
                migrations.AlterField(
                    model_name='proposalpage',
                    name='municipalities',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='proposals', to='geography.municipality', verbose_name='municipalities'),
                ),
                migrations.AlterField(
                    model_name='storypage',
                    name='municipality',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to='geography.municipality', verbose_name='municipality'),
                ),
                migrations.AlterField(
                    model_name='storypage',
                    name='youth_region',
                    field=models.ForeignKey(blank=True, help_text='When the municipality is not named.', null=True, on_delete=django.db.models.deletion.SET_NULL, to='geography.youthregion', verbose_name='jeugdregio'),
                ),
            ],
        ),
    ]
