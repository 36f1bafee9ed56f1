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
        from chanchuang.core.sections import register as register_section
        from chanchuang.mentors import sections
        from chanchuang.mentors.navigation import MENTORS_MENU
        from chanchuang.mentors.services import refresh_statuses

        register(MENTORS_MENU)
        register_section(*sections.SECTIONS)
        register_daily("appointments", refresh_statuses)
