from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0005_load_cbs_figures_and_regions")]

    operations = [
        migrations.AlterField(
            model_name="municipality",
            name="cbs_code",
            field=models.CharField(max_length=6, unique=True, verbose_name="CBS code"),
        ),
        migrations.AlterField(
            model_name="youthregion",
            name="code",
            field=models.CharField(max_length=4, unique=True, verbose_name="CBS code"),
        ),
    ]
