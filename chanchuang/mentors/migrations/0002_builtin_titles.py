"""The built-in appointment titles every school starts with."""

from django.db import migrations

from chanchuang.core.document_kinds import ensure_builtin, remove_builtin


def create(apps, schema_editor):
    ensure_builtin(apps.get_model("mentors", "AppointmentTitle"))


def remove(apps, schema_editor):
    remove_builtin(apps.get_model("mentors", "AppointmentTitle"))


class Migration(migrations.Migration):
    dependencies = [("mentors", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
