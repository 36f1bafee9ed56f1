"""The innovation app's menu group."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import Role
from chanchuang.core.navigation import MenuGroup, MenuItem

INNOVATION_MENU = MenuGroup(_("Innovation & entrepreneurship"), 35, (
    MenuItem(_("Bootcamps"), "innovation:cohort_list", "rocket",
             permission="innovation.view_cohorts"),
    MenuItem(_("Applications"), "innovation:application_list", "file-text",
             permission="innovation.view_applications"),
    MenuItem(_("My applications"), "innovation:my_applications", "file-text",
             roles=frozenset({Role.STUDENT}), personal=True),
    MenuItem(_("My reviews"), "innovation:my_reviews", "checklist",
             roles=frozenset({Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF, Role.MENTOR}),
             personal=True),
    MenuItem(_("Teams"), "innovation:team_list", "users-group",
             roles=frozenset({Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF, Role.MENTOR,
                              Role.STUDENT})),
    MenuItem(_("Innovation records"), "innovation:credit_list", "award",
             permission="innovation.view_records"),
    MenuItem(_("My innovation record"), "innovation:my_record", "award",
             roles=frozenset({Role.STUDENT}), personal=True),
    MenuItem(_("Start-ups"), "innovation:startup_list", "building-store",
             permission="innovation.view_cohorts"),
    MenuItem(_("Competitions"), "innovation:competition_list", "trophy",
             permission="innovation.view_cohorts"),
    MenuItem(_("Exhibitions"), "innovation:exhibition_list", "presentation",
             permission="innovation.view_cohorts"),
    MenuItem(_("Showcase"), "innovation:showcaseitem_list", "photo",
             permission="innovation.view_cohorts"),
))
