"""Per-object permissions of the innovation app."""

import rules

from chanchuang.core.choices import Role
from chanchuang.core.rules import holds_role, is_platform_admin, manages_school
from chanchuang.core.visibility import scope_of


def _team_of(obj):
    """The team an object belongs to (a team, a submission, a judge score)."""
    return getattr(obj, "team", obj)


@rules.predicate
def is_applicant(user, application=None) -> bool:
    """The user is a student on the application (lead or member)."""
    if application is None:
        return bool(scope_of(user).student_schools)
    return any(m.student.user_id == user.pk for m in application.members.all())


@rules.predicate
def is_member(user, obj=None) -> bool:
    """The user is a student of the team."""
    if obj is None:
        return bool(scope_of(user).student_schools)
    return any(s.user_id == user.pk for s in _team_of(obj).students())


@rules.predicate
def mentors_team(user, obj=None) -> bool:
    """The user is the team's mentor."""
    if obj is None:
        return bool(scope_of(user).mentor_schools)
    mentor = _team_of(obj).mentor
    return mentor is not None and mentor.user_id == user.pk


@rules.predicate
def mentors_session(user, session=None) -> bool:
    """The user is the session's mentor."""
    return session is not None and session.mentor is not None and \
        session.mentor.user_id == user.pk


@rules.predicate
def is_offered_mentor(user, offer=None) -> bool:
    """The user is the mentor offered to the cohort."""
    return offer is not None and offer.mentor.user_id == user.pk


@rules.predicate
def judges_cohort(user, obj=None) -> bool:
    """The user judges the demo day of the team's cohort."""
    if obj is None:
        return False
    return _team_of(obj).cohort.judges.filter(pk=user.pk).exists()


@rules.predicate
def is_reviewer(user, review=None) -> bool:
    """The review is the user's."""
    return review is not None and review.reviewer_id == user.pk


@rules.predicate
def is_project_student(user, item=None) -> bool:
    """The user is a student of the showcase item's project."""
    return item is not None and item.project.students.filter(user_id=user.pk).exists()


@rules.predicate
def supervises(user, obj=None) -> bool:
    """Department staff of the object's school (they follow their students' records)."""
    schools = scope_of(user).department_schools
    return bool(schools) if obj is None else obj.school_id in schools


rules.add_perm("innovation.view_cohorts", is_platform_admin | holds_role(
    Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF, Role.ENTERPRISE_MEMBER, Role.MENTOR, Role.STUDENT))
for model in ("programme", "cohort", "competition", "creditrule", "startup", "exhibition",
              "showcaseitem"):
    rules.add_perm(f"innovation.add_{model}", manages_school)
    rules.add_perm(f"innovation.change_{model}", manages_school)
    rules.add_perm(f"innovation.delete_{model}", manages_school)
rules.add_perm("innovation.manage_cohort", manages_school)
rules.add_perm("innovation.apply", is_applicant)
rules.add_perm("innovation.view_applications", manages_school | supervises)
rules.add_perm("innovation.withdraw_application", is_applicant | manages_school)
rules.add_perm("innovation.reply_to_offer", is_applicant)
rules.add_perm("innovation.score", is_reviewer)
rules.add_perm("innovation.choose_mentors", is_member)
rules.add_perm("innovation.submit", is_member)
rules.add_perm("innovation.give_feedback", mentors_team | manages_school)
rules.add_perm("innovation.mark_attendance", mentors_session | manages_school)
rules.add_perm("innovation.score_pitch", judges_cohort)
rules.add_perm("innovation.state_capacity", is_offered_mentor | manages_school)
rules.add_perm("innovation.record_credit", manages_school)
rules.add_perm("innovation.view_records", manages_school | supervises)
rules.add_perm("innovation.consent", is_project_student)


# --- Records & showcase: the innovation record pages, credits and the team's consent ---------

from chanchuang.core.rules import is_the_person  # noqa: E402 — this block is kept apart

rules.add_perm("innovation.add_credit", manages_school)
rules.add_perm("innovation.delete_credit", manages_school)
# A student's record (object: the student): staff, department staff, and the student.
rules.add_perm("innovation.view_record", manages_school | supervises | is_the_person)
rules.add_perm("innovation.withdraw_consent", is_project_student)
