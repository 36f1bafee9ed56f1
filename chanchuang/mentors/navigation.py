"""The mentors app's menu group."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.navigation import MenuGroup, MenuItem

MENTORS_MENU = MenuGroup(_("Mentors"), 40, (
    MenuItem(_("Mentor pool"), "mentors:mentor_list", "school",
             permission="mentors.list_mentors"),
    MenuItem(_("Appointments"), "mentors:appointment_list", "certificate",
             permission="mentors.list_mentors"),
    MenuItem(_("Appointment titles"), "mentors:appointmenttitle_list", "template",
             permission="mentors.manage_appointment"),
))
