"""One organisation per municipality, so staff can belong to their kommune from day one."""

from django.db import migrations
from django.utils.text import slugify


def create(apps, schema_editor):
    Municipality = apps.get_model("taxonomy", "Municipality")
    Organisation = apps.get_model("accounts", "Organisation")
    for municipality in Municipality.objects.all():
        name = f"{municipality.name} Kommune"
        Organisation.objects.get_or_create(
            municipality=municipality,
            defaults={"name": name, "slug": slugify(name), "kind": "kommune", "region_id": municipality.region_id},
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial"), ("taxonomy", "0002_reference_data")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
