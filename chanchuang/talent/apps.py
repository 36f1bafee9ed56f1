"""The talent app: the skill dictionary, enterprises' talent demand, the college's supply by
major and skill, the gap between them, and the docking activities that close it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentConfig(AppConfig):
    """Configuration of the talent app."""

    name = "chanchuang.talent"
    label = "talent"
    verbose_name = _("Talent supply and demand")

    def ready(self) -> None:
        from chanchuang.core import navigation as core_navigation
        from chanchuang.talent import navigation

        for menu in navigation.MENUS:
            core_navigation.register(menu)

        from chanchuang.core.sections import register as register_section

        # docking: the partner page's card of docking activities
        from chanchuang.talent.queries.docking import PARTNER_SECTION

        register_section(PARTNER_SECTION)

        # --- gap: the 供需缺口 card of an industry college's page -----------------------------
        from chanchuang.talent import sections

        register_section(*sections.SECTIONS)
