"""The talent app's menu group 人才对接 (registered from ``AppConfig.ready``); each sub-concept
adds its entries in its own block."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import Role
from chanchuang.core.navigation import MenuGroup, MenuItem

ITEMS: list[MenuItem] = []

# --- gap ---------------------------------------------------------------------------------------
ITEMS += [
    MenuItem(_("Supply and demand gap"), "talent:gap", "chart-arrows-vertical",
             permission="talent.view_gap"),
]

# --- demand ------------------------------------------------------------------------------------
ITEMS += [MenuItem(_("Talent demand"), "talent:demand_list", "briefcase",
                   permission="talent.view_demands")]

# --- supply ------------------------------------------------------------------------------------
ITEMS += [
    MenuItem(_("Talent supply"), "talent:supply", "users-group", permission="talent.view_supply"),
    MenuItem(_("Course grades"), "talent:coursegrade_list", "report",
             permission="talent.view_students_behind"),
    MenuItem(_("Certificates"), "talent:certificate_list", "certificate",
             permission="talent.view_certificates"),
    MenuItem(_("My skills"), "talent:my_skills", "award", roles=frozenset({Role.STUDENT}),
             personal=True),
]

# --- skills ------------------------------------------------------------------------------------
ITEMS += [
    MenuItem(_("Skill dictionary"), "talent:skill_list", "tags",
             permission="talent.view_vocabulary"),
    MenuItem(_("Courses"), "talent:course_list", "book", permission="talent.view_vocabulary"),
]

# --- docking -----------------------------------------------------------------------------------
ITEMS += [
    MenuItem(_("Docking activities"), "talent:dockingevent_list", "presentation",
             permission="talent.view_docking"),
]

TALENT_MENU = MenuGroup(_("Talent docking"), 33, tuple(ITEMS))
MENUS = (TALENT_MENU,)
