"""The talent app's menu group 人才对接 (registered from ``AppConfig.ready``); each sub-concept
adds its entries in its own block."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.navigation import MenuGroup, MenuItem

ITEMS: list[MenuItem] = []

# --- gap ---------------------------------------------------------------------------------------
ITEMS += [
    MenuItem(_("Supply and demand gap"), "talent:gap", "chart-arrows-vertical",
             permission="talent.view_gap"),
]

# --- demand ------------------------------------------------------------------------------------
ITEMS += []

# --- supply ------------------------------------------------------------------------------------
ITEMS += []

# --- skills ------------------------------------------------------------------------------------
ITEMS += []

# --- docking -----------------------------------------------------------------------------------
ITEMS += [
    MenuItem(_("Docking activities"), "talent:dockingevent_list", "presentation",
             permission="talent.view_docking"),
]

TALENT_MENU = MenuGroup(_("Talent docking"), 33, tuple(ITEMS))
MENUS = (TALENT_MENU,)
