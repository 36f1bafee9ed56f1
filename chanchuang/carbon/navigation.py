"""The carbon app's menu group 碳交易实训 (registered from ``AppConfig.ready``)."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import Role
from chanchuang.core.navigation import MenuGroup, MenuItem

CARBON_MENU = MenuGroup(_("Carbon-trading training"), 45, (
    MenuItem(_("Simulation sessions"), "carbon:simulation_list", "chart-candle",
             permission="carbon.list_simulations"),
    MenuItem(_("Join a session"), "carbon:join", "door-enter",
             roles=frozenset({Role.STUDENT}), personal=True),
    MenuItem(_("Scenario library"), "carbon:scenario_list", "books",
             permission="carbon.list_scenarios"),
))
