"""The innovation app (双创): bootcamp programmes and cohorts, intake with reviews and a fair
selection, teams with mentors, attendance, milestones, demo day, outcomes, every student's
innovation record, and the public showcase."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovationConfig(AppConfig):
    """Configuration of the innovation app."""

    name = "chanchuang.innovation"
    label = "innovation"
    verbose_name = _("Innovation & entrepreneurship")

    def ready(self) -> None:
        from chanchuang.core.daily import register_daily
        from chanchuang.core.navigation import register
        from chanchuang.core.registry import MatchPurpose, register_match_purpose
        from chanchuang.innovation.navigation import INNOVATION_MENU
        from chanchuang.innovation.services.cohort import MENTOR_MATCH, mentors_assigned
        from chanchuang.innovation.services.intake import expire_offers

        register(INNOVATION_MENU)
        register_daily("bootcamp offers", expire_offers)
        register_match_purpose(MatchPurpose(MENTOR_MATCH, mentors_assigned))
