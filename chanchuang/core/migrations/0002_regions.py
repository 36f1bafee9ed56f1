"""Load the GB/T 2260 administrative divisions (reference data shipped in core/data)."""

import json
from pathlib import Path

from django.db import migrations

REGIONS_FILE = Path(__file__).resolve().parent.parent / "data" / "regions.json"


def level_of(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    return "district"


def load_regions(apps, schema_editor):
    Region = apps.get_model("core", "Region")
    rows = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))["regions"]
    Region.objects.bulk_create(
        [Region(code=code, name=name, level=level_of(code), parent_id=parent)
         for code, name, parent in rows],
        batch_size=1000,
    )


def unload_regions(apps, schema_editor):
    apps.get_model("core", "Region").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(load_regions, unload_regions)]
