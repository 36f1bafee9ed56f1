"""The insights app's menu group 成效与报告 (registered from ``AppConfig.ready``); each
sub-concept adds its entries in its own block."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.navigation import MenuGroup, MenuItem

ITEMS: list[MenuItem] = []

# --- dashboard ---------------------------------------------------------------------------------
ITEMS += [
    MenuItem(_("Dashboard"), "insights:dashboard", "chart-dots",
             permission="insights.view_dashboard"),
]


# --- province ----------------------------------------------------------------------------------
ITEMS += [MenuItem(_("Provincial view"), "insights:province", "map",
                   permission="insights.view_province")]


# --- destinations ------------------------------------------------------------------------------
from chanchuang.core.choices import Role  # noqa: E402

ITEMS += [
    MenuItem(_("Graduate destinations"), "insights:destination_list", "school",
             permission="insights.view_destinations"),
    MenuItem(_("My destination"), "insights:my_destination", "briefcase",
             roles=frozenset({Role.STUDENT}), personal=True),
]


# --- chain -------------------------------------------------------------------------------------
ITEMS += [MenuItem(_("Outcome chain"), "insights:chain", "route",
                   permission="insights.view_chain")]


# --- reports -----------------------------------------------------------------------------------

ITEMS += [MenuItem(_("Report centre"), "insights:reportjob_list", "file-report",
                   permission="insights.view_reports")]


INSIGHTS_MENU = MenuGroup(_("Outcomes and reports"), 15, tuple(ITEMS))
MENUS = (INSIGHTS_MENU,)
