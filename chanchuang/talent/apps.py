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
        from chanchuang.core import navigation as core_navigation
        from chanchuang.talent import navigation

        for menu in navigation.MENUS:
            core_navigation.register(menu)

        from django.db.models.signals import post_delete, post_save

        from chanchuang.core.sections import STUDENT_RECORD, PageSection
        from chanchuang.core.sections import register as register_section

        # --- docking: the partner page's card of docking activities
        from chanchuang.talent.queries.docking import PARTNER_SECTION

        register_section(PARTNER_SECTION)

        # --- gap: the 供需缺口 card of an industry college's page -----------------------------
        from chanchuang.talent import sections

        register_section(*sections.SECTIONS)

        # --- supply: the student's skills on their innovation record; bootcamp evidence follows
        # innovation's credits (talent listens, innovation never imports talent).
        from chanchuang.innovation.models import Credit
        from chanchuang.talent.queries.supply import student_record_skills
        from chanchuang.talent.services.supply import credit_deleted, credit_saved

        register_section(PageSection(STUDENT_RECORD, 30, "talent/supply/inc/student_skills.html",
                                     student_record_skills))
        post_save.connect(credit_saved, sender=Credit, dispatch_uid="talent_credit_saved")
        post_delete.connect(credit_deleted, sender=Credit, dispatch_uid="talent_credit_deleted")
