"""The colleges app's menu group (产业学院), registered from ``AppConfig.ready``; each
sub-concept adds its entries in its own block."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import Role
from chanchuang.core.navigation import MenuGroup, MenuItem

ITEMS: list[MenuItem] = []

# Annual reports: the college's insiders, and the observers (the submitted ones).
ITEMS += [
    MenuItem(_("Annual construction reports"), "colleges:annualreport_list", "report",
             roles=frozenset({Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF, Role.ENTERPRISE_MEMBER,
                              Role.OBSERVER})),
]


def menu() -> MenuGroup:
    """The group as it stands once every block has added its entries."""
    return MenuGroup(_("Industry colleges"), 45, tuple(ITEMS))
