"""``manage.py demo_play``: in the demo, the other people of the 4th cohort do their part of
the step it is at (reviewers score, teams rank mentors), so one person can try the whole intake
in an afternoon."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from chanchuang.innovation.demo import play_others


class Command(BaseCommand):
    help = ("Demo only: in the 4th cohort, the reviewers score what they were given (leaving "
            "a few reviews to --leave-to), or, once selected, the teams rank their mentors.")

    def add_arguments(self, parser):
        parser.add_argument("--leave-to", default="staff_wang",
                            help="The login who scores a few reviews by hand (staff_wang).")
        parser.add_argument("--leave", type=int, default=3,
                            help="How many of that login's reviews to leave (3).")

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            self.stdout.write(play_others(leave_to=options["leave_to"],
                                          leave=options["leave"]))
