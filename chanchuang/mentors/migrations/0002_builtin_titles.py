"""The built-in appointment titles every school starts with."""

from django.db import migrations

from chanchuang.mentors.builtin import BUILT_IN, ensure_builtin_titles


def create(apps, schema_editor):
    ensure_builtin_titles(apps.get_model("mentors", "AppointmentTitle"))


def remove(apps, schema_editor):
    apps.get_model("mentors", "AppointmentTitle").objects.filter(
        school=None, code__in=[code for code, _name in BUILT_IN]).delete()


class Migration(migrations.Migration):
    dependencies = [("mentors", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
