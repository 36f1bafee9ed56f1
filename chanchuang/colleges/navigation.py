"""The colleges app's menu group (产业学院); each sub-concept adds its entries in its block."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.navigation import MenuGroup, MenuItem

ITEMS = (
    # --- colleges, governance, work ---------------------------------------------------------
    MenuItem(_("Industry colleges"), "colleges:industrycollege_list", "building-factory-2",
             permission="colleges.list_colleges"),
    MenuItem(_("Co-developed work"), "colleges:contribution_list", "tools",
             permission="colleges.view_contributions"),
    MenuItem(_("Council meetings"), "colleges:meeting_list", "users-group",
             permission="colleges.view_governance"),
)

COLLEGES_MENU = MenuGroup(_("Industry colleges"), 35, ITEMS)
