"""The talent app: the skill dictionary, enterprises' talent demand, the college's supply by
major and skill, the gap between them, and the docking activities that close it."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentConfig(AppConfig):
    """Configuration of the talent app."""

    name = "chanchuang.talent"
    label = "talent"
    verbose_name = _("Talent supply and demand")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from chanchuang.core import navigation as core_navigation
        from chanchuang.core.models import Student
        from chanchuang.core.registry import on_students_changed
        from chanchuang.core.sections import PARTNER, STUDENT_RECORD, PageSection
        from chanchuang.core.sections import register as register_section
        from chanchuang.innovation.models import Credit
        from chanchuang.talent import navigation, sections
        from chanchuang.talent.queries.demand import partner_demand
        from chanchuang.talent.queries.docking import PARTNER_SECTION
        from chanchuang.talent.queries.supply import student_record_skills
        from chanchuang.talent.services.supply import (
            credit_deleted,
            credit_saved,
            refresh_holdings,
            student_saved,
        )

        for menu in navigation.MENUS:
            core_navigation.register(menu)

        # A partner's page: its talent demand (人才需求) and its docking activities.
        register_section(PageSection(PARTNER, 25, "talent/demand/inc/partner_demand.html",
                                     partner_demand), PARTNER_SECTION)
        # An industry college's page: the gap of its majors (供需缺口).
        register_section(*sections.SECTIONS)
        # A student's innovation record: their skills with the evidence of each.
        register_section(PageSection(STUDENT_RECORD, 30, "talent/supply/inc/student_skills.html",
                                     student_record_skills))
        # Bootcamp evidence follows innovation's credits (talent listens; innovation never
        # imports talent).
        post_save.connect(credit_saved, sender=Credit, dispatch_uid="talent_credit_saved")
        post_delete.connect(credit_deleted, sender=Credit, dispatch_uid="talent_credit_deleted")
        # The gap's skill holdings follow each student's major, enrolment year and status.
        post_save.connect(student_saved, sender=Student, dispatch_uid="talent_student_saved")
        on_students_changed(refresh_holdings)
