"""State changes of the supply: course grades, certificates and the evidence (技能佐证) they
give, kept in step with the records that show it. Every function that changes a record
refreshes that record's evidence in the same transaction, so the evidence is never stale:
a passed grade evidences its course's skills, a verified certificate its skills, a bootcamp
credit its programme's skills, a passing internship evaluation the skills of the demand that
mirrors its position. Each also refreshes the students' skill holdings (``refresh_holdings``),
the summary the gap counts from."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core.choices import StudentStatus
from chanchuang.core.models import Student, User
from chanchuang.core.services import DomainError, notify, validate
from chanchuang.innovation.models import Credit
from chanchuang.talent.choices import CertificateStatus, EvidenceKind
from chanchuang.talent.models import (
    Certificate,
    Course,
    CourseGrade,
    Demand,
    DemandSkill,
    ProgrammeSkill,
    Skill,
    SkillEvidence,
    SkillHolding,
    SkillSupply,
)

BATCH = 2000
TERM = re.compile(r"^(\d{4})-(\d{4})-([12])$")
# Grade words of the academic office: those that pass, and those that do not.
PASSING_WORDS = ("优", "优秀", "良", "良好", "中", "中等", "及格", "合格", "通过")
FAILING_WORDS = ("不及格", "不合格", "不通过")
PASS_MARK = Decimal(60)
# placements' internship grade that earns nothing (talent may not import placements).
FAILED_INTERNSHIP = "fail"


# --- terms and grades -----------------------------------------------------------------------


def term_end(term: str) -> dt.date:
    """The last day of a term: 2025-2026-1 ends on 2026-01-31, 2025-2026-2 on 2026-07-31."""
    match = TERM.match(term.strip())
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise DomainError(_("Term: write it as 2025-2026-1 (the school year, then 1 or 2)."),
                          field="term")
    return dt.date(int(match.group(2)), 1 if match.group(3) == "1" else 7, 31)


def grade_result(score_text: str, passed_text: str = "") -> tuple[Decimal | None, bool]:
    """The score (None for a grade word) and whether it passes: a number from 0 to 100 passes
    at 60, a word by the list of passing words; an explicit 是/否 overrides."""
    text = score_text.strip()
    score: Decimal | None = None
    if text in FAILING_WORDS:
        passed = False
    elif text in PASSING_WORDS:
        passed = True
    else:
        try:
            score = Decimal(text)
        except ArithmeticError:
            score = None
        if score is None or not score.is_finite() or not 0 <= score <= 100:
            raise DomainError(_("Grade: a score from 0 to 100 or one of 优、良、中、及格、"
                                "不及格、合格、不合格."), field="score")
        passed = score >= PASS_MARK
    answer = passed_text.strip().lower()
    if answer in ("是", "通过", "yes", "y", "true", "1", "√"):
        passed = True
    elif answer in ("否", "不通过", "no", "n", "false", "0", "×"):
        passed = False
    elif answer:
        raise DomainError(_("Passed: write 是 or 否, or leave it empty."), field="passed")
    return score, passed


# --- evidence of each kind ------------------------------------------------------------------


def _course_skills(course_ids: Iterable[int]) -> dict[int, list[int]]:
    """Skill ids of each course (one query)."""
    skills: dict[int, list[int]] = defaultdict(list)
    for course_id, skill_id in Course.skills.through.objects.filter(
            course_id__in=set(course_ids)).values_list("course_id", "skill_id"):
        skills[course_id].append(skill_id)
    return skills


def _chunks(items: list, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def refresh_holdings(student_ids: Iterable[int]) -> None:
    """Make these students' skill holdings what their evidence and their record show now (one
    row per skill evidenced, with the student's school, major, enrolment year and whether they
    are enrolled) and move the cohorts' supply counts by the difference. Called by every
    function here that writes evidence, and on every change of a student (a save, or the
    roster import's bulk update: see ``talent.apps``)."""
    with transaction.atomic():  # the holdings and their counts move together
        for part in _chunks(sorted(set(student_ids))):
            held = SkillHolding.objects.filter(student_id__in=part)
            change: Counter = Counter()
            for *cohort, count in held.order_by().values_list(*COHORT).annotate(n=Count("pk")):
                change[tuple(cohort)] -= count
            held.delete()
            students = {row[0]: row[1:] for row in Student.objects.filter(pk__in=part).values_list(
                "pk", "school_id", "major_id", "enrolment_year", "status")}
            pairs = (SkillEvidence.objects.filter(student_id__in=part).order_by()
                     .values_list("student_id", "skill_id").distinct())
            holdings = [SkillHolding(student_id=student_id, skill_id=skill_id, school_id=school_id,
                                     major_id=major_id, enrolment_year=year,
                                     enrolled=status == StudentStatus.ENROLLED)
                        for student_id, skill_id in pairs
                        for school_id, major_id, year, status in [students[student_id]]]
            SkillHolding.objects.bulk_create(holdings, batch_size=BATCH)
            for holding in holdings:
                change[tuple(getattr(holding, name) for name in COHORT)] += 1
            _count_supply(change)


# A cohort's supply count is keyed by these fields (of the holdings and the counts alike).
COHORT = ("school_id", "major_id", "enrolment_year", "skill_id", "enrolled")


def _count_supply(change: Counter) -> None:
    """Add each difference to its cohort's count: the rows are made first (a concurrent
    refresh making the same row is ignored), then each moves by an UPDATE that adds to what
    is there, so two refreshes at once both count."""
    moved = {cohort: n for cohort, n in change.items() if n}
    if not moved:
        return
    SkillSupply.objects.bulk_create(
        [SkillSupply(**dict(zip(COHORT, cohort, strict=True))) for cohort in moved],
        ignore_conflicts=True, batch_size=BATCH)
    for cohort, n in moved.items():
        SkillSupply.objects.filter(**dict(zip(COHORT, cohort, strict=True))).update(
            students=F("students") + n)


def student_saved(sender, instance: Student, **kwargs) -> None:
    """Receiver of core's Student post_save: the student's holdings follow their major,
    enrolment year and status."""
    if not kwargs.get("raw") and not kwargs.get("created"):
        refresh_holdings([instance.pk])


def refresh_grade_evidence(grades: list[CourseGrade]) -> int:
    """Make the COURSE evidence of these grades what they show now: each skill of the course
    of a passed grade, none for a failed one. Returns the number of evidence rows written."""
    if not grades:
        return 0
    for part in _chunks([g.pk for g in grades]):
        SkillEvidence.objects.filter(grade_id__in=part).delete()
    passed = [g for g in grades if g.passed]
    skills = _course_skills(g.course_id for g in passed)
    names = dict(Course.objects.filter(pk__in={g.course_id for g in passed})
                 .values_list("pk", "name"))
    rows = [SkillEvidence(student_id=g.student_id, skill_id=skill_id, kind=EvidenceKind.COURSE,
                          evidenced_on=term_end(g.term), source_key=f"grade:{g.pk}",
                          source_label=names[g.course_id][:200], grade_id=g.pk)
            for g in passed for skill_id in skills.get(g.course_id, ())]
    SkillEvidence.objects.bulk_create(rows, batch_size=BATCH)
    refresh_holdings(g.student_id for g in grades)
    return len(rows)


def refresh_course_evidence(course_ids: Iterable[int]) -> int:
    """Refresh the evidence of every grade of these courses (their skills changed)."""
    grades = list(CourseGrade.objects.filter(course_id__in=set(course_ids))
                  .only("pk", "student_id", "course_id", "term", "passed"))
    return refresh_grade_evidence(grades)


def refresh_certificate_evidence(certificates: list[Certificate]) -> int:
    """CERTIFICATE evidence: each skill of a verified certificate, none otherwise."""
    if not certificates:
        return 0
    ids = [c.pk for c in certificates]
    SkillEvidence.objects.filter(certificate_id__in=ids).delete()
    verified = {c.pk: c for c in certificates if c.status == CertificateStatus.VERIFIED}
    links = Certificate.skills.through.objects.filter(certificate_id__in=list(verified))
    rows = [SkillEvidence(student_id=verified[cid].student_id, skill_id=sid,
                          kind=EvidenceKind.CERTIFICATE, evidenced_on=verified[cid].issued_on,
                          source_key=f"certificate:{cid}",
                          source_label=str(verified[cid])[:200],
                          source_url=verified[cid].get_absolute_url(), certificate_id=cid)
            for cid, sid in links.values_list("certificate_id", "skill_id")]
    SkillEvidence.objects.bulk_create(rows, batch_size=BATCH)
    refresh_holdings(c.student_id for c in certificates)
    return len(rows)


def refresh_credit_evidence(credit_ids: Iterable[int]) -> int:
    """BOOTCAMP evidence: a credit of a bootcamp cohort evidences each skill its programme
    trains."""
    ids = list(set(credit_ids))
    if not ids:
        return 0
    students = set(Credit.objects.filter(pk__in=ids).values_list("student_id", flat=True))
    SkillEvidence.objects.filter(credit_id__in=ids).delete()
    credits = list(Credit.objects.filter(pk__in=ids, cohort__isnull=False)
                   .select_related("cohort__programme"))
    trained: dict[int, list[int]] = defaultdict(list)
    for programme_id, skill_id in ProgrammeSkill.objects.filter(
            programme_id__in={c.cohort.programme_id for c in credits}).values_list(
            "programme_id", "skill_id"):
        trained[programme_id].append(skill_id)
    rows = [SkillEvidence(student_id=c.student_id, skill_id=skill_id, kind=EvidenceKind.BOOTCAMP,
                          evidenced_on=c.earned_on, source_key=f"credit:{c.pk}",
                          source_label=f"{c.cohort.programme.name}·{c.title}"[:200],
                          source_url=c.cohort.get_absolute_url(), credit_id=c.pk)
            for c in credits for skill_id in trained.get(c.cohort.programme_id, ())]
    SkillEvidence.objects.bulk_create(rows, batch_size=BATCH)
    refresh_holdings(students)
    return len(rows)


def refresh_programme_evidence(programme_id: int) -> int:
    """Refresh the BOOTCAMP evidence of every credit earned in the programme's cohorts."""
    return refresh_credit_evidence(Credit.objects.filter(
        cohort__programme_id=programme_id).values_list("pk", flat=True))


def credit_saved(sender, instance: Credit, **kwargs) -> None:
    """Receiver of innovation's Credit post_save: keep its BOOTCAMP evidence in step."""
    if kwargs.get("raw"):
        return
    if instance.cohort_id is None:
        SkillEvidence.objects.filter(credit_id=instance.pk).delete()
        refresh_holdings([instance.student_id])
        return
    refresh_credit_evidence([instance.pk])


def credit_deleted(sender, instance: Credit, **kwargs) -> None:
    """Receiver of innovation's Credit post_delete: its BOOTCAMP evidence goes with it (the
    foreign key cascades; this also clears rows keyed by the credit alone)."""
    SkillEvidence.objects.filter(kind=EvidenceKind.BOOTCAMP,
                                 source_key=f"credit:{instance.pk}").delete()
    refresh_holdings([instance.student_id])


def record_internship_evidence(evaluation) -> int:
    """INTERNSHIP evidence of an internship evaluation (placements calls it after saving one):
    a passing grade evidences each skill of the talent demand mirroring the position; a failed
    one evidences nothing. Returns the number of evidence rows written."""
    key = f"evaluation:{evaluation.pk}"
    placement = evaluation.placement
    SkillEvidence.objects.filter(student_id=placement.student_id, source_key=key).delete()
    if evaluation.grade == FAILED_INTERNSHIP:
        refresh_holdings([placement.student_id])
        return 0
    position = placement.position
    skills = DemandSkill.objects.filter(
        demand__in=Demand.objects.filter(source_key=f"position:{position.pk}")).values_list(
        "skill_id", flat=True).distinct()
    label = f"{position.organisation}·{position.title} 实习评价"
    day = timezone.localdate(evaluation.created_at) if getattr(
        evaluation, "created_at", None) else timezone.localdate()
    rows = [SkillEvidence(student_id=placement.student_id, skill_id=skill_id,
                          kind=EvidenceKind.INTERNSHIP, evidenced_on=day, source_key=key,
                          source_label=label[:200], source_url=placement.get_absolute_url())
            for skill_id in skills]
    SkillEvidence.objects.bulk_create(rows)
    refresh_holdings([placement.student_id])
    return len(rows)


# --- certificates ---------------------------------------------------------------------------


def _check_certificate(certificate: Certificate, skills: list[Skill]) -> None:
    validate(certificate)
    if any(skill.school_id != certificate.student.school_id for skill in skills):
        raise DomainError(_("Skills: only skills of the student's school's dictionary."),
                          field="skills")
    if certificate.issued_on > timezone.localdate():
        raise DomainError(_("Issued on: the date is in the future."), field="issued_on")


def record_certificate(*, actor: User, certificate: Certificate, skills: list[Skill],
                       verified: bool) -> Certificate:
    """Record a certificate: a student's own is claimed and awaits a check; staff or the
    student's department staff record it verified, with its evidence at once."""
    certificate.status = CertificateStatus.VERIFIED if verified else CertificateStatus.CLAIMED
    certificate.checked_by = actor if verified else None
    _check_certificate(certificate, skills)
    with transaction.atomic():
        certificate.save()
        certificate.skills.set(skills)
        audit.record(actor=actor, action="talent.certificate.recorded", obj=certificate,
                     after={**audit.snapshot(certificate),
                            "skills": [str(skill) for skill in skills]})
        refresh_certificate_evidence([certificate])
    return certificate


def change_certificate(*, actor: User, certificate: Certificate,
                       skills: list[Skill]) -> Certificate:
    """Save a certificate awaiting check with its changed fields and skills."""
    if certificate.status != CertificateStatus.CLAIMED:
        raise DomainError(_("Only a certificate awaiting check can be changed."))
    before = audit.snapshot(Certificate.objects.get(pk=certificate.pk))
    _check_certificate(certificate, skills)
    with transaction.atomic():
        certificate.save()
        certificate.skills.set(skills)
        audit.record(actor=actor, action="changed", obj=certificate, before=before,
                     after=audit.snapshot(certificate))
    return certificate


def _checked(actor: User, certificate: Certificate, status: str, note: str) -> Certificate:
    with transaction.atomic():
        # Two checkers may open the same certificate: the row lock makes the second one see
        # that it has already been checked.
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.status != CertificateStatus.CLAIMED:
            raise DomainError(_("This certificate has already been checked."))
        certificate.status, certificate.checked_by = status, actor
        certificate.save(update_fields=["status", "checked_by"])
        verified = status == CertificateStatus.VERIFIED
        audit.record(actor=actor, obj=certificate,
                     action="talent.certificate.verified" if verified
                     else "talent.certificate.rejected", data={"note": note} if note else None)
        refresh_certificate_evidence([certificate])
        student_user = certificate.student.user
        if verified:
            title = _("Your certificate %(name)s is verified") % {"name": certificate}
        else:
            title = _("Your certificate %(name)s was not accepted") % {"name": certificate}
        notify(user=student_user, title=title, body=note, url=certificate.get_absolute_url())
    return certificate


def verify_certificate(*, actor: User, certificate: Certificate, note: str = "") -> Certificate:
    """Verify a claimed certificate: it evidences its skills from now on; the student is
    told."""
    return _checked(actor, certificate, CertificateStatus.VERIFIED, note.strip())


def reject_certificate(*, actor: User, certificate: Certificate, note: str) -> Certificate:
    """Reject a claimed certificate with the reason (kept in the audit entry and told to the
    student); it evidences nothing."""
    note = note.strip()
    if not note:
        raise DomainError(_("Note: say why the certificate is not accepted."), field="note")
    return _checked(actor, certificate, CertificateStatus.REJECTED, note)


def delete_certificate(*, actor: User, certificate: Certificate) -> None:
    """Delete a certificate; its evidence goes with it."""
    before = audit.snapshot(certificate)
    with transaction.atomic():
        pk = certificate.pk
        SkillEvidence.objects.filter(certificate_id=pk).delete()
        certificate.delete()
        refresh_holdings([certificate.student_id])
        certificate.pk = pk
        audit.record(actor=actor, action="deleted", obj=certificate, before=before)


def student_for_certificate(user: User, student: Student | None) -> Student | None:
    """The student a certificate is recorded for: the one chosen, or the user's own."""
    if student is not None:
        return student
    return Student.objects.filter(user=user).first()
