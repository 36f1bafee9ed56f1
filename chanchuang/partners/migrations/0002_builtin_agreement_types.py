"""The built-in agreement types every school starts with."""

from django.db import migrations

from chanchuang.core.document_kinds import ensure_builtin, remove_builtin


def create(apps, schema_editor):
    ensure_builtin(apps.get_model("partners", "AgreementType"))


def remove(apps, schema_editor):
    remove_builtin(apps.get_model("partners", "AgreementType"))


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
