"""The mentors app: the mentor pool, appointments with verifiable letters, activities."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorsConfig(AppConfig):
    """Configuration of the mentors app."""

    name = "chanchuang.mentors"
    label = "mentors"
    verbose_name = _("Mentors")

    def ready(self) -> None:
        from chanchuang.core.daily import register_daily
        from chanchuang.core.navigation import register
        from chanchuang.mentors import partner_section
        from chanchuang.mentors.navigation import MENTORS_MENU
        from chanchuang.mentors.services import refresh_statuses
        from chanchuang.partners.sections import register as register_section

        register(MENTORS_MENU)
        register_section(partner_section.SECTION)
        register_daily("appointments", refresh_statuses)
