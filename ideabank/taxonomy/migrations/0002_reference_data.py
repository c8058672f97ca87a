"""Load the 5 regions and 98 municipalities, and a Danish starter set of target groups and themes."""

import csv
import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

DATA = Path(__file__).resolve().parent.parent / "data"


def load(apps, schema_editor):
    Region = apps.get_model("taxonomy", "Region")
    Municipality = apps.get_model("taxonomy", "Municipality")
    with open(DATA / "municipalities.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            region, _created = Region.objects.update_or_create(
                code=int(row["region_code"]), defaults={"name": row["region_name"]}
            )
            Municipality.objects.update_or_create(code=int(row["code"]), defaults={"name": row["name"], "region": region})

    vocabularies = json.loads((DATA / "vocabularies.json").read_text(encoding="utf-8"))
    for model_name, key in (("TargetGroup", "target_groups"), ("Theme", "themes")):
        model = apps.get_model("taxonomy", model_name)
        for name, description in vocabularies[key]:
            model.objects.get_or_create(slug=slugify(name), defaults={"name": name, "description": description})


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
