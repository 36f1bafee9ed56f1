"""The colleges app: industry colleges with their governance, co-developed work, indicators,
shared resources and bookings, and annual construction reports."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollegesConfig(AppConfig):
    """Configuration of the colleges app."""

    name = "chanchuang.colleges"
    label = "colleges"
    verbose_name = _("Industry colleges")

    def ready(self) -> None:
        from chanchuang.colleges.navigation import MENUS
        from chanchuang.core.navigation import register

        for menu in MENUS:
            register(menu)
