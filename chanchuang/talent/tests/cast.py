"""Talent's part of the test cast: the school's skill dictionary (``skill`` PLC编程 with a
synonym, ``skill_safety``), a course of the first major teaching it, student_liu's passed grade
with its evidence, a claimed certificate of student_liu, the skills the bootcamp programme
trains; enterprise A's (hr_li's) declared demand and enterprise B's (foreign to hr_li); a
docking activity with enterprise A and one with enterprise B only, with a follow-up owned by
dept_zhou; and the other school's objects (``*_far``). Built on first use from core's people
and innovation's programme."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from chanchuang.talent.choices import CertificateStatus, EvidenceKind, SkillCategory
from chanchuang.talent.models import ProgrammeSkill
from chanchuang.talent.tests import factories as tf


class TalentCast:
    """Mixin of core's ``Cast``: the talent objects of the world."""

    # --- skills and courses ---------------------------------------------------------------------
    @cached_property
    def skill(self):
        return tf.skill(school=self.school)

    @cached_property
    def skill_safety(self):
        return tf.skill(school=self.school, name="电气安全操作", synonyms=["安全用电"],
                        category=SkillCategory.CONDUCT)

    @cached_property
    def skill_far(self):
        return tf.skill(school=self.other_school, name="BIM建模", synonyms=[])

    @cached_property
    def course(self):
        return tf.course(school=self.school, department=self.department, majors=[self.major],
                         skills=[self.skill])

    @cached_property
    def course_far(self):
        return tf.course(school=self.other_school, code="JG101", name="BIM技术应用",
                         majors=[self.major_far], skills=[self.skill_far])

    @cached_property
    def programme_skill(self):
        return ProgrammeSkill.objects.create(programme=self.programme, skill=self.skill_safety)

    # --- supply ---------------------------------------------------------------------------------
    @cached_property
    def grade_liu(self):
        return tf.grade(student=self.student_liu, course=self.course)

    @cached_property
    def grade_far(self):
        return tf.grade(student=self.student_far, course=self.course_far)

    @cached_property
    def evidence_liu(self):
        return tf.evidence(student=self.student_liu, skill=self.skill, grade=self.grade_liu,
                           source_key=f"grade:{self.grade_liu.pk}")

    @cached_property
    def evidence_far(self):
        return tf.evidence(student=self.student_far, skill=self.skill_far, grade=self.grade_far,
                           source_key=f"grade:{self.grade_far.pk}", label="BIM技术应用")

    @cached_property
    def certificate_liu(self):
        return tf.certificate(student=self.student_liu, skills=[self.skill_safety])

    @cached_property
    def certificate_verified(self):
        made = tf.certificate(student=self.student_liu, skills=[self.skill],
                              status=CertificateStatus.VERIFIED, name="PLC应用编程",
                              issued_on=dt.date(2026, 3, 1))
        tf.evidence(student=self.student_liu, skill=self.skill, kind=EvidenceKind.CERTIFICATE,
                    certificate=made, source_key=f"certificate:{made.pk}", label=made.name)
        return made

    @cached_property
    def certificate_far(self):
        return tf.certificate(student=self.student_far, skills=[self.skill_far])

    # --- demand ---------------------------------------------------------------------------------
    @cached_property
    def demand_a(self):
        return tf.demand(organisation=self.enterprise_a, majors=[self.major],
                         skills=[self.skill, self.skill_safety],
                         description="负责变电站设备巡检，熟悉PLC编程与安全用电规范。")

    @cached_property
    def demand_b(self):
        return tf.demand(organisation=self.enterprise_b, post="中餐厨师", headcount=3)

    @cached_property
    def demand_far(self):
        return tf.demand(organisation=self.org_far, post="施工员", majors=[self.major_far],
                         skills=[self.skill_far])

    # --- docking --------------------------------------------------------------------------------
    @cached_property
    def docking_event(self):
        return tf.docking_event(school=self.school, organisations=[self.enterprise_a],
                                majors=[self.major])

    @cached_property
    def docking_event_b(self):
        return tf.docking_event(school=self.school, organisations=[self.enterprise_b],
                                title="餐饮企业与烹饪专业对接会", majors=[])

    @cached_property
    def docking_far(self):
        return tf.docking_event(school=self.other_school, organisations=[self.org_far],
                                title="建工企业对接会", majors=[self.major_far])

    @cached_property
    def follow_up(self):
        return tf.follow_up(event=self.docking_event, owner=self.dept_zhou)

    @cached_property
    def follow_up_far(self):
        return tf.follow_up(event=self.docking_far, owner=self.staff_far)

    # --- docking: a follow-up owned by hr_li (enterprise A took part) ------------------------
    @cached_property
    def follow_up_hr(self):
        return tf.follow_up(event=self.docking_event, owner=self.hr_li,
                            action="提供2027届岗位需求清单")

    # --- demand: a demand mirroring a published position (read-only on talent's pages) -------
    @cached_property
    def demand_mirrored(self):
        from chanchuang.talent.choices import DemandOrigin

        return tf.demand(organisation=self.enterprise_a, post="光伏运维实习生",
                         origin=DemandOrigin.POSITION, source_key="position:0",
                         source_url="/positions/0/")
