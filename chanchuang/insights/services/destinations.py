"""State changes of graduate destinations (毕业去向): record one for a graduate, change it,
upload its evidence, and the staff's verification (核验通过 / 自报 / 缺失). Every change derives
the fields the staff do not type, in the same transaction:

- ``employer``: the school's registered organisation with the destination's credit code, else
  the one of the same name (none: the employer is not a registered organisation);
- ``is_partner``: that organisation is party to an agreement of the school in force (signed,
  active or expiring);
- ``is_placement_host``: the graduate had a placement (not cancelled) at a position of that
  organisation;
- ``in_province``: the employer's region (else the registered organisation's) lies in the
  school's province.

Verification: a destination with evidence reported (a file, or the kind of proof the list
names) is self-reported until school staff verify it; without any it is missing. Changing the
code, the employer or the evidence of a verified destination makes it self-reported again. A
start-up (75) may be recorded with any evidence but is verified only by its company's business
licence."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core.identifiers import validate_credit_code
from chanchuang.core.models import School, User
from chanchuang.core.services import DomainError
from chanchuang.insights.choices import (
    EMPLOYER_CODES,
    GROUP_OF_CODE,
    UNEMPLOYED_GROUPS,
    DestinationCode,
    EvidenceKind,
    Verification,
)
from chanchuang.insights.models import GraduateDestination
from chanchuang.insights.queries.destinations import (
    Facts,
    current_year,
    facts_for,
    may_have_destination,
)

# Fields whose change on a verified destination asks for a new verification.
VERIFIED_FIELDS = ("code", "employer_name", "employer_credit_code", "evidence_kind",
                   "evidence")


# --- checks and derivations -----------------------------------------------------------------


def check(destination: GraduateDestination) -> None:
    """Refuse a destination the national list would not take (one ``DomainError`` naming the
    field)."""
    destination.employer_name = (destination.employer_name or "").strip()
    destination.employer_credit_code = (destination.employer_credit_code or "").strip().upper()
    if destination.code not in GROUP_OF_CODE:
        raise DomainError(_("Destination code: choose one of the national codes."), field="code")
    if destination.employer_credit_code:
        try:
            validate_credit_code(destination.employer_credit_code)
        except ValidationError as exc:
            raise DomainError(" ".join(exc.messages), field="employer_credit_code") from None
    if destination.code in EMPLOYER_CODES and not destination.employer_name:
        raise DomainError(_("Employer: this destination code names its employer; enter the "
                            "employer's name."), field="employer_name")
    year = destination.graduation_year
    student = destination.student
    if not year or year <= student.enrolment_year or year > current_year() + 1:
        raise DomainError(_("Graduation year: between the year after enrolment (%(first)d) and "
                            "next year (%(last)d).") % {"first": student.enrolment_year + 1,
                                                        "last": current_year() + 1},
                          field="graduation_year")


def copy_from_student(destination: GraduateDestination) -> None:
    """The school, department, major and group a save sets (for bulk writes, which do not
    call ``save``)."""
    student = destination.student
    destination.group = GROUP_OF_CODE[destination.code]
    destination.school_id = student.school_id
    destination.department_id = student.department_id
    destination.major_id = student.major_id


def settle_verification(destination: GraduateDestination) -> None:
    """A start-up whose evidence is not a business licence cannot be verified: it stays
    self-reported (or missing, without any evidence)."""
    if (destination.verification == Verification.VERIFIED
            and destination.code == DestinationCode.STARTUP
            and destination.evidence_kind != EvidenceKind.LICENCE):
        destination.verification = reported(destination)
        destination.verified_by = None
        destination.verified_at = None


def reported(destination: GraduateDestination) -> str:
    """Self-reported when some evidence is reported (a file or the kind of proof), else
    missing."""
    return (Verification.SELF_REPORTED if destination.evidence or destination.evidence_kind
            else Verification.MISSING)


def derive(destination: GraduateDestination, facts: Facts, province_id: str) -> None:
    """Set the employer, partner, host and in-province fields from ``facts`` (no query)."""
    employer = None
    if destination.employer_credit_code:
        employer = facts.by_code.get(destination.employer_credit_code)
    if employer is None and destination.employer_name:
        employer = facts.by_name.get(destination.employer_name)
    destination.employer = employer
    destination.is_partner = employer is not None and employer.pk in facts.partners
    destination.is_placement_host = employer is not None and employer.pk in facts.hosts.get(
        destination.student_id, set())
    region = destination.employer_region_id or (employer.region_id if employer else None)
    destination.in_province = bool(region) and region[:2] == province_id[:2]


def derive_many(destinations: Iterable[GraduateDestination], school: School) -> None:
    """Derive every destination of one school in a constant number of queries."""
    destinations = list(destinations)
    facts = facts_for(school.pk, [d.student_id for d in destinations])
    for destination in destinations:
        derive(destination, facts, school.province_id)


def _derive_one(destination: GraduateDestination) -> None:
    school = destination.student.school
    derive(destination, facts_for(school.pk, [destination.student_id]), school.province_id)


# --- recording and changing -----------------------------------------------------------------


@transaction.atomic
def record(*, actor: User, destination: GraduateDestination) -> GraduateDestination:
    """Record a graduate's destination: only a graduate (or a student in their final year),
    one each; derived fields set; self-reported with evidence, else missing."""
    student = destination.student
    if not may_have_destination(student):
        raise DomainError(_("Graduate: only a graduate, or a student in the final year, has a "
                            "destination."), field="student")
    # select_for_update: two staff recording the same graduate at once get one record.
    if GraduateDestination.objects.select_for_update().filter(student=student).exists():
        raise DomainError(_("Graduate: this graduate already has a destination; change it "
                            "instead."), field="student")
    check(destination)
    destination.verification = reported(destination)
    destination.verified_by = None
    destination.verified_at = None
    _derive_one(destination)
    destination.save()
    audit.record(actor=actor, action="insights.destination.recorded", obj=destination,
                 after=audit.snapshot(destination))
    return destination


@transaction.atomic
def change(*, actor: User, destination: GraduateDestination) -> GraduateDestination:
    """Save a changed destination; a verified (or missing) one whose code, employer or
    evidence changed is self-reported again (missing, without any evidence)."""
    stored = GraduateDestination.objects.select_for_update().get(pk=destination.pk)
    before = audit.snapshot(stored)
    check(destination)
    changed = any(getattr(stored, name) != getattr(destination, name)
                  for name in VERIFIED_FIELDS)
    if changed and stored.verification in (Verification.VERIFIED, Verification.MISSING):
        destination.verification = reported(destination)
        destination.verified_by = None
        destination.verified_at = None
    settle_verification(destination)
    _derive_one(destination)
    destination.save()
    audit.record(actor=actor, action="insights.destination.changed", obj=destination,
                 before=before, after=audit.snapshot(destination))
    return destination


@transaction.atomic
def upload_evidence(*, actor: User, destination: GraduateDestination, kind: str,
                    evidence) -> GraduateDestination:
    """Store the evidence (already checked by the upload policy) and its kind; the destination
    is self-reported until staff verify it."""
    if kind not in EvidenceKind.values:
        raise DomainError(_("Evidence: choose what the file is."), field="evidence_kind")
    if not evidence:
        raise DomainError(_("Evidence file: choose the file."), field="evidence")
    before = audit.snapshot(destination)
    destination.evidence_kind = kind
    destination.evidence = evidence
    destination.verification = Verification.SELF_REPORTED
    destination.verified_by = None
    destination.verified_at = None
    destination.save()
    audit.record(actor=actor, action="insights.destination.evidence_uploaded", obj=destination,
                 before=before, after=audit.snapshot(destination))
    return destination


# --- verification by school staff -----------------------------------------------------------

VERIFICATION_ACTIONS = {
    Verification.VERIFIED: "insights.destination.verified",
    Verification.SELF_REPORTED: "insights.destination.self_reported",
    Verification.MISSING: "insights.destination.marked_missing",
}


@transaction.atomic
def set_verification(*, actor: User, destination: GraduateDestination, verification: str,
                     note: str = "") -> GraduateDestination:
    """School staff's verdict on a destination's evidence: verified (核验通过), self-reported
    (自报) or missing (缺失). Verifying needs the kind of proof (a destination awaiting or not
    seeking employment has none to show); a start-up is verified only by its business
    licence."""
    if verification not in VERIFICATION_ACTIONS:
        raise DomainError(_("Verification: choose verified, self-reported or missing."),
                          field="verification")
    if verification == Verification.VERIFIED:
        if not destination.evidence_kind and destination.group not in UNEMPLOYED_GROUPS:
            raise DomainError(_("Verification: say what proves the destination (the kind of "
                                "evidence) before verifying it."), field="evidence_kind")
        if (destination.code == DestinationCode.STARTUP
                and destination.evidence_kind != EvidenceKind.LICENCE):
            raise DomainError(_("Verification: a start-up is verified by its company's "
                                "business licence; without one it stays unverified."),
                              field="evidence_kind")
    before = audit.snapshot(destination)
    destination.verification = verification
    verified = verification == Verification.VERIFIED
    destination.verified_by = actor if verified else None
    destination.verified_at = timezone.now() if verified else None
    if note:
        destination.note = note[:300]
    destination.save()
    audit.record(actor=actor, action=VERIFICATION_ACTIONS[verification], obj=destination,
                 before=before, after=audit.snapshot(destination))
    return destination


def verify(*, actor: User, destination: GraduateDestination) -> GraduateDestination:
    """Verify a destination's evidence (核验通过)."""
    return set_verification(actor=actor, destination=destination,
                            verification=Verification.VERIFIED)


def mark_self_reported(*, actor: User, destination: GraduateDestination) -> GraduateDestination:
    """Take a destination back to self-reported (自报)."""
    return set_verification(actor=actor, destination=destination,
                            verification=Verification.SELF_REPORTED)


def mark_missing(*, actor: User, destination: GraduateDestination) -> GraduateDestination:
    """Mark a destination's evidence missing (缺失)."""
    return set_verification(actor=actor, destination=destination,
                            verification=Verification.MISSING)
