"""The built-in agreement types every school starts with."""

from django.db import migrations

from chanchuang.partners.builtin import BUILT_IN, ensure_builtin_types


def create(apps, schema_editor):
    ensure_builtin_types(apps.get_model("partners", "AgreementType"))


def remove(apps, schema_editor):
    apps.get_model("partners", "AgreementType").objects.filter(
        school=None, code__in=[code for code, _name, _description in BUILT_IN]).delete()


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
