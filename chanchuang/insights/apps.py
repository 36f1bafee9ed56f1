"""The insights app: what came of the partnership programme. Graduate destinations with their
evidence, the outcome chain that exposes inflated employment, the KPI dashboard (成效看板), the
reports handed upward and the provincial view across colleges. It sits on top of every other
app and only reads them."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    """Configuration of the insights app."""

    name = "chanchuang.insights"
    label = "insights"
    verbose_name = _("Insights")

    def ready(self) -> None:
        from chanchuang.core import navigation as core_navigation
        from chanchuang.insights import kpis, navigation
        from chanchuang.insights.kpis import colleges as college_kpis
        from chanchuang.insights.kpis import destinations
        from chanchuang.insights.kpis import innovation as innovation_kpis
        from chanchuang.insights.kpis import mentors as mentor_kpis
        from chanchuang.insights.kpis import partners as partner_kpis
        from chanchuang.insights.kpis import placements as placement_kpis
        from chanchuang.insights.kpis import talent as talent_kpis

        for menu in navigation.MENUS:
            core_navigation.register(menu)
        # The dashboard's figures, section by section.
        for module in (destinations, partner_kpis, college_kpis, placement_kpis, innovation_kpis,
                       mentor_kpis, talent_kpis):
            kpis.register(*module.FIGURES)
        # --- province: an observer's home is the provincial view.
        from chanchuang.core.choices import Role
        from chanchuang.core.registry import register_home

        register_home(Role.OBSERVER, "insights:province")
