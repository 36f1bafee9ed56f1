"""Read helpers of the sessions' pages."""

from django.db.models import Count

from chanchuang.carbon.models import Simulation


def session_rows(user):
    """The sessions a user sees, with their numbers of companies and participants."""
    return Simulation.objects.visible_to(user).annotate(
        company_count=Count("companies", distinct=True),
        participant_count=Count("participants", distinct=True))
