"""The colleges app's menu group (产业学院), registered from ``AppConfig.ready``; each
sub-concept adds its entries in its own block."""

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


def menu() -> MenuGroup:
    """The group as it stands once every block has added its entries."""
    return MenuGroup(_("Industry colleges"), 35, tuple(ITEMS))
