"""``manage.py run_daily``: run every registered daily job now and print what each did."""

from django.core.management.base import BaseCommand

from chanchuang.core.daily import DAILY_JOBS


class Command(BaseCommand):
    help = "Run the daily jobs of every app (idempotent; schedule hourly or daily)."

    def handle(self, *args, **options):
        for name, job in DAILY_JOBS:
            self.stdout.write(f"{name}: {job()}")
