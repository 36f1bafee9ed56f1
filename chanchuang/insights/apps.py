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
        from chanchuang.insights.kpis import destinations

        for menu in navigation.MENUS:
            core_navigation.register(menu)
        # The dashboard's figures, section by section.
        for module in (destinations,):
            kpis.register(*module.FIGURES)
        # --- province: an observer's home is the provincial view.
        from chanchuang.core.choices import Role
        from chanchuang.core.registry import register_home

        register_home(Role.OBSERVER, "insights:province")
