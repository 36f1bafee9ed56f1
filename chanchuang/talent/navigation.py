"""The talent app's menu group 人才对接 (registered from ``AppConfig.ready``); each sub-concept
adds its entries in its own block."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.navigation import MenuGroup, MenuItem

ITEMS: list[MenuItem] = []

# --- gap ---------------------------------------------------------------------------------------
ITEMS += []

# --- demand ------------------------------------------------------------------------------------
ITEMS += [MenuItem(_("Talent demand"), "talent:demand_list", "briefcase",
                   permission="talent.view_demands")]

# --- supply ------------------------------------------------------------------------------------
ITEMS += []

# --- skills ------------------------------------------------------------------------------------
ITEMS += []

# --- docking -----------------------------------------------------------------------------------
ITEMS += []

TALENT_MENU = MenuGroup(_("Talent docking"), 33, tuple(ITEMS))
MENUS = (TALENT_MENU,)
