"""``manage.py seed_demo``: build (or complete) the fictional demo scenario; idempotent."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from chanchuang.core.demo import DEMO_PASSWORD, demo_logins, refresh_statistics


class Command(BaseCommand):
    help = "Load the demo scenario (safe to run again: it only adds what is missing)."

    def add_arguments(self, parser):
        parser.add_argument("--quiet-logins", action="store_true",
                            help="Do not print the demo logins at the end.")
        parser.add_argument("--logins-only", action="store_true",
                            help="Only print the demo logins; load nothing.")

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self._seed(options)

    def _seed(self, options):
        for app in [] if options["logins_only"] else apps.get_app_configs():
            if not app.name.startswith("chanchuang."):
                continue
            try:
                module = import_module(f"{app.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app.name}.demo":
                    raise
                continue
            with transaction.atomic():
                summary = module.seed()
                refresh_statistics()
            self.stdout.write(f"{app.verbose_name}: {summary}")
        if not options["quiet_logins"]:
            self.stdout.write(self.style.SUCCESS(
                f"\nDemo logins (password for all: {DEMO_PASSWORD}):"))
            for username, role, name in demo_logins():
                self.stdout.write(f"  {username:<16} {name}（{role}）")
