"""The insights app's menu group 成效与报告 (registered from ``AppConfig.ready``); each
sub-concept adds its entries in its own block."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.navigation import MenuGroup, MenuItem

ITEMS: list[MenuItem] = []

# --- dashboard ---------------------------------------------------------------------------------


# --- province ----------------------------------------------------------------------------------


# --- destinations ------------------------------------------------------------------------------


# --- chain -------------------------------------------------------------------------------------
ITEMS += [MenuItem(_("Outcome chain"), "insights:chain", "route",
                   permission="insights.view_chain")]


# --- reports -----------------------------------------------------------------------------------


INSIGHTS_MENU = MenuGroup(_("Outcomes and reports"), 15, tuple(ITEMS))
MENUS = (INSIGHTS_MENU,)
