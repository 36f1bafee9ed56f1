"""``manage.py carbon_clock``: run the clock of every running simulator session — day closes,
deadlines, the simulated traders — without a page open. The live floor's watcher does this
for the sessions someone is watching; a deployment that also serves sessions through the API
alone, or wants the clock independent of the pages, runs this beside the servers (several
copies are harmless: each beat takes the session's lock). ``--once`` beats once and exits."""

import time

from django.core.management.base import BaseCommand

from chanchuang.carbon.choices import SessionState
from chanchuang.carbon.models import Simulation
from chanchuang.carbon.services.clock import tick

INTERVAL = 0.5


class Command(BaseCommand):
    help = "Run the clock of every running carbon-simulator session (every half second)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Beat once and exit.")

    def handle(self, *args, **options):
        while True:
            running = list(Simulation.objects.filter(state=SessionState.RUNNING)
                           .values_list("pk", flat=True))
            changed = sum(tick(pk) for pk in running)
            if options["once"]:
                self.stdout.write(f"{len(running)} running sessions, {changed} changed")
                return
            time.sleep(INTERVAL)
