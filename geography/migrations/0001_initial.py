"""The provinces, jeugdregio's and municipalities the core made (core 0001 to 0015), taken over
with their tables and rows: state only, and their content types move with them."""

import django.db.models.deletion
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    """The content types (and with them any permission) of the three models now belong here."""
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in ("province", "youthregion", "municipality"):
        if not content_type.objects.filter(app_label="geography", model=model).exists():
            content_type.objects.filter(app_label="core", model=model).update(app_label="geography")


def move_content_types_back(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in ("province", "youthregion", "municipality"):
        if not content_type.objects.filter(app_label="core", model=model).exists():
            content_type.objects.filter(app_label="geography", model=model).update(app_label="core")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('core', '0015_load_municipality_profile'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Province',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=4, unique=True, verbose_name='CBS code')),
                        ('name', models.CharField(max_length=50, unique=True, verbose_name='name')),
                    ],
                    options={
                        'verbose_name': 'province',
                        'verbose_name_plural': 'provinces',
                        'db_table': 'core_province',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='YouthRegion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=4, unique=True, verbose_name='CBS code')),
                        ('name', models.CharField(max_length=80, unique=True, verbose_name='name')),
                        ('slug', models.SlugField(max_length=80, unique=True, verbose_name='slug')),
                    ],
                    options={
                        'verbose_name': 'youth-care region (jeugdregio)',
                        'verbose_name_plural': "youth-care regions (jeugdregio's)",
                        'db_table': 'core_youthregion',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Municipality',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('cbs_code', models.CharField(max_length=6, unique=True, verbose_name='CBS code')),
                        ('name', models.CharField(max_length=80, unique=True, verbose_name='name')),
                        ('slug', models.SlugField(max_length=80, unique=True, verbose_name='slug')),
                        ('urbanisation_class', models.PositiveSmallIntegerField(blank=True, choices=[(1, 'very strongly urban (2,500 or more addresses per km²)'), (2, 'strongly urban (1,500-2,500 addresses per km²)'), (3, 'moderately urban (1,000-1,500 addresses per km²)'), (4, 'little urban (500-1,000 addresses per km²)'), (5, 'not urban (fewer than 500 addresses per km²)')], null=True, verbose_name='urbanisation class (CBS)')),
                        ('urbanisation_source', models.CharField(blank=True, max_length=120, verbose_name='source of the urbanisation class')),
                        ('population', models.PositiveIntegerField(blank=True, null=True, verbose_name='inhabitants')),
                        ('population_date', models.DateField(blank=True, null=True, verbose_name='inhabitants counted on')),
                        ('density', models.PositiveIntegerField(blank=True, null=True, verbose_name='inhabitants per km² of land')),
                        ('land_area_ha', models.PositiveIntegerField(blank=True, null=True, verbose_name='land area (ha)')),
                        ('dwellings', models.PositiveIntegerField(blank=True, null=True, verbose_name='dwellings')),
                        ('figures_source', models.CharField(blank=True, max_length=120, verbose_name='source of the figures')),
                        ('address_density', models.PositiveIntegerField(blank=True, help_text='Addresses per km² within a 1 km radius, the measure the urbanisation class is cut from.', null=True, verbose_name='addresses per km² (CBS)')),
                        ('share_age_0_14', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='share aged 0-14 (%)')),
                        ('share_age_15_24', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='share aged 15-24 (%)')),
                        ('share_households_with_children', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='share of households with children (%)')),
                        ('profile_date', models.DateField(blank=True, null=True, verbose_name='address density and shares on')),
                        ('profile_source', models.CharField(blank=True, max_length=120, verbose_name='source of the address density and shares')),
                        ('province', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='municipalities', to='geography.province', verbose_name='province')),
                        ('youth_region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='municipalities', to='geography.youthregion', verbose_name='jeugdregio')),
                    ],
                    options={
                        'verbose_name': 'municipality',
                        'verbose_name_plural': 'municipalities',
                        'db_table': 'core_municipality',
                        'ordering': ['name'],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
