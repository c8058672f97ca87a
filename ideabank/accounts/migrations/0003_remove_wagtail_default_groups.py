"""Wagtail ships 'Editors' and 'Moderators' groups; Idébanken's four roles replace them."""

from django.db import migrations


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Moderators"]).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_municipal_organisations"), ("wagtailcore", "0098_apitoken")]
    operations = [migrations.RunPython(remove, migrations.RunPython.noop)]
