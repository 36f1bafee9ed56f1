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
        from chanchuang.colleges import navigation, sections
        from chanchuang.core import navigation as core_navigation
        from chanchuang.core.sections import register as register_section

        for menu in navigation.MENUS:
            core_navigation.register(menu)
        register_section(*sections.SECTIONS)
