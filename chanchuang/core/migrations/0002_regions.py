"""Load the GB/T 2260 administrative divisions (reference data shipped in core/data)."""

from django.db import migrations

from chanchuang.core.regions import load_regions


def load(apps, schema_editor):
    load_regions(apps.get_model("core", "Region"))


def unload(apps, schema_editor):
    apps.get_model("core", "Region").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
