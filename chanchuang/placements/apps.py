"""The placements app: alternating training, two-way selection and the internships that
follow."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    """Configuration of the placements app."""

    name = "chanchuang.placements"
    label = "placements"
    verbose_name = _("Alternating training")

    def ready(self) -> None:
        from chanchuang.core.daily import register_daily
        from chanchuang.core.navigation import register
        from chanchuang.core.registry import MatchPurpose, register_match_purpose
        from chanchuang.core.sections import register as register_section
        from chanchuang.placements import sections, services
        from chanchuang.placements.navigation import PLACEMENTS_MENU

        register(PLACEMENTS_MENU)
        register_section(*sections.SECTIONS)
        register_match_purpose(MatchPurpose(services.MATCH_PURPOSE, services.round_matched,
                                            services.round_match_failed))
        register_daily("ranking reminders", services.remind_rankings_due)

        from chanchuang.placements import signals  # positions count as talent demand

        signals.connect()
