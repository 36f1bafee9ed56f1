"""The carbon app: the carbon-trading training simulator (碳排放权交易模拟实训)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CarbonConfig(AppConfig):
    """Configuration of the carbon app."""

    name = "chanchuang.carbon"
    label = "carbon"
    verbose_name = _("Carbon-trading simulator")

    def ready(self) -> None:
        from chanchuang.carbon import sections
        from chanchuang.carbon.navigation import CARBON_MENU
        from chanchuang.core.navigation import register
        from chanchuang.core.sections import register as register_section

        register(CARBON_MENU)
        register_section(*sections.SECTIONS)
