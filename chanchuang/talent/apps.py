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

        # --- demand: the partner page's section 人才需求 ---
        from chanchuang.core.sections import PARTNER, PageSection
        from chanchuang.core.sections import register as register_section
        from chanchuang.talent.queries.demand import partner_demand

        register_section(PageSection(PARTNER, 25, "talent/demand/inc/partner_demand.html",
                                     partner_demand))
