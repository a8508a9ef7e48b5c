"""Point at the geography's models in their own app (state only: the tables stay as they are)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('geography', '0001_initial'),
        ('newsletters', '0006_issue_sections_of_the_learning_loop'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='newsletterlist',
                    name='provinces',
                    field=models.ManyToManyField(blank=True, help_text='The digest picks content from werkplaatsen in these provinces. Leave empty for all.', related_name='+', to='geography.province', verbose_name='provinces'),
                ),
                migrations.AlterField(
                    model_name='subscriber',
                    name='provinces',
                    field=models.ManyToManyField(blank=True, related_name='+', to='geography.province', verbose_name='provinces'),
                ),
                migrations.AlterField(
                    model_name='subscriber',
                    name='youth_regions',
                    field=models.ManyToManyField(blank=True, related_name='+', to='geography.youthregion', verbose_name="jeugdregio's"),
                ),
            ],
        ),
    ]
