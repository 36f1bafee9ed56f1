"""The colleges app's menu groups: 产业学院 (the colleges, their governance and work) and, in its
own block, 共享资源 (shared resources and bookings). ``apps.py`` registers every group of
``MENUS``."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.navigation import MenuGroup, MenuItem

MENUS: list[MenuGroup] = []

# --- resources: shared resources and bookings ---------------------------------------------
RESOURCES_MENU = MenuGroup(_("Shared resources"), 26, (
    MenuItem(_("Shared resources"), "colleges:sharedresource_list", "building-warehouse",
             permission="colleges.view_resources"),
    MenuItem(_("Bookings"), "colleges:booking_list", "calendar-event",
             permission="colleges.view_resources"),
    MenuItem(_("Utilisation"), "colleges:sharedresource_utilisation", "chart-bar",
             permission="colleges.view_utilisation"),
))
MENUS.append(RESOURCES_MENU)
