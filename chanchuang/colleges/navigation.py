"""The colleges app's menu groups, registered from ``AppConfig.ready`` (every group of
``MENUS``): 产业学院 (the colleges, their governance, work and reports) and 共享资源 (shared
resources and bookings); each sub-concept adds its entries in its own block."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import Role
from chanchuang.core.navigation import MenuGroup, MenuItem

ITEMS: list[MenuItem] = []

# --- colleges, governance, work ----------------------------------------------------------------
ITEMS += [
    MenuItem(_("Industry colleges"), "colleges:industrycollege_list", "building-factory-2",
             permission="colleges.list_colleges"),
    MenuItem(_("Co-developed work"), "colleges:contribution_list", "tools",
             permission="colleges.view_contributions"),
    MenuItem(_("Council meetings"), "colleges:meeting_list", "users-group",
             permission="colleges.view_governance"),
]

# --- annual reports: the college's insiders, and the observers (the submitted ones) -----------
ITEMS += [
    MenuItem(_("Annual construction reports"), "colleges:annualreport_list", "report",
             roles=frozenset({Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF, Role.ENTERPRISE_MEMBER,
                              Role.OBSERVER})),
]

COLLEGES_MENU = MenuGroup(_("Industry colleges"), 35, tuple(ITEMS))

# --- resources: shared resources and bookings ---------------------------------------------
RESOURCES_MENU = MenuGroup(_("Shared resources"), 26, (
    MenuItem(_("Shared resources"), "colleges:sharedresource_list", "building-warehouse",
             permission="colleges.view_resources"),
    MenuItem(_("Bookings"), "colleges:booking_list", "calendar-event",
             permission="colleges.view_resources"),
    MenuItem(_("Utilisation"), "colleges:sharedresource_utilisation", "chart-bar",
             permission="colleges.view_utilisation"),
))

MENUS = [COLLEGES_MENU, RESOURCES_MENU]
