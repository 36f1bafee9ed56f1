"""The placements app's menu group."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.navigation import MenuGroup, MenuItem

PLACEMENTS_MENU = MenuGroup(_("Alternating training"), 30, (
    MenuItem(_("Training plans"), "placements:trainingplan_list", "calendar-week",
             permission="placements.view_plans"),
    MenuItem(_("Positions"), "placements:position_list", "briefcase",
             permission="placements.view_plans"),
    MenuItem(_("Placements"), "placements:placement_list", "user-check",
             permission="placements.view_placements"),
    MenuItem(_("Who is behind"), "placements:placement_exceptions", "alert-triangle",
             permission="placements.view_exceptions"),
    MenuItem(_("Insurance policies"), "placements:insurancepolicy_list", "shield-check",
             permission="placements.add_insurancepolicy"),
))
