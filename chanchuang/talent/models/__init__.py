"""Models of the talent app, one module per sub-concept: ``skills`` (the dictionary and the
courses that teach each skill), ``demand`` (enterprises' talent demand), ``supply`` (grades,
certificates, the skills programmes train, and the evidence of each student's skills) and
``docking`` (docking activities and their follow-ups)."""

from chanchuang.talent.models.demand import Demand, DemandSkill, demand_seen
from chanchuang.talent.models.docking import DockingEvent, FollowUp, docking_seen
from chanchuang.talent.models.skills import Course, Skill
from chanchuang.talent.models.supply import (
    Certificate,
    CourseGrade,
    ProgrammeSkill,
    SkillEvidence,
    SkillHolding,
    SkillSupply,
    student_record_seen,
)

__all__ = ["Certificate", "Course", "CourseGrade", "Demand", "DemandSkill", "DockingEvent",
           "FollowUp", "ProgrammeSkill", "Skill", "SkillEvidence", "SkillHolding",
           "SkillSupply", "demand_seen",
           "docking_seen", "student_record_seen"]
