"""The geography moved from the core into its own app: the same tables, another app's models
(state only; nothing in the database changes)."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('ambitions', '0002_geography_app'),
        ('core', '0015_load_municipality_profile'),
        ('geography', '0001_initial'),
        ('learning', '0003_geography_app'),
        ('newsletters', '0007_geography_app'),
        ('opportunities', '0002_geography_app'),
        ('practices', '0008_geography_app'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='municipality',
                    name='province',
                ),
                migrations.RemoveField(
                    model_name='municipality',
                    name='youth_region',
                ),
                migrations.AlterField(
                    model_name='werkplaatspage',
                    name='municipalities',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, to='geography.municipality', verbose_name='municipalities covered'),
                ),
                migrations.AlterField(
                    model_name='werkplaatspage',
                    name='provinces',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, to='geography.province', verbose_name='provinces covered'),
                ),
                migrations.DeleteModel(
                    name='Province',
                ),
                migrations.DeleteModel(
                    name='Municipality',
                ),
                migrations.DeleteModel(
                    name='YouthRegion',
                ),
            ],
        ),
    ]
