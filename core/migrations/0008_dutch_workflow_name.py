"""Wagtail's default workflow and task are called "Moderators approval", which Dutch editors then
read in the middle of Dutch sentences ("Stuur door naar Moderators approval"). They are data, not
translatable text, so they get the Dutch name of what they are: the national editors' approval."""

from django.db import migrations

OLD, NEW = "Moderators approval", "Goedkeuring landelijke redactie"


def rename(apps, old, new):
    for app_label, model in (("wagtailcore", "Workflow"), ("wagtailcore", "Task")):
        apps.get_model(app_label, model).objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [("core", "0007_shared_collection"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunPython(lambda apps, schema: rename(apps, OLD, NEW), lambda apps, schema: rename(apps, NEW, OLD))
    ]
