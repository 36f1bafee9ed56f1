"""The partners app: partner profiles, contacts, cooperation agreements, signing, commitments."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Configuration of the partners app."""

    name = "chanchuang.partners"
    label = "partners"
    verbose_name = _("Partners")

    def ready(self) -> None:
        from chanchuang.core.daily import register_daily
        from chanchuang.core.navigation import register
        from chanchuang.partners.navigation import PARTNERS_MENU
        from chanchuang.partners.services import refresh_statuses, remind_commitments_due

        register(PARTNERS_MENU)
        register_daily("agreements", refresh_statuses)
        register_daily("commitment reminders", remind_commitments_due)
