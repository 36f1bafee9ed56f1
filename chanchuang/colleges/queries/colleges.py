"""Read helpers of industry colleges: who works a college (its insiders, as logins), the
organisations that may record work in it, and what its page gathers."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from chanchuang.colleges.choices import ContributionKind, ContributionStatus, DecisionStatus
from chanchuang.colleges.models import (
    CollegeMember,
    CollegeProgramme,
    Contribution,
    Council,
    Decision,
    IndustryCollege,
    Meeting,
    college_insiders,
)
from chanchuang.colleges.models.work import AMOUNT_UNITS
from chanchuang.core.choices import Role
from chanchuang.core.models import Organisation, User
from chanchuang.core.visibility import scope_of
from chanchuang.mentors.choices import AppointmentStatus
from chanchuang.mentors.models import Appointment, Mentor
from chanchuang.partners.models import Agreement

RECENT = 5  # meetings shown on the college page


def member_organisation_ids(college: IndustryCollege) -> list[int]:
    """The ids of the college's member organisations (one query)."""
    return list(college.members.values_list("organisation_id", flat=True))


def insider_users(college: IndustryCollege) -> QuerySet[User]:
    """The logins of the college's insiders: the school's staff and department staff, and the
    enterprise members of its member organisations (who may own a decision or hold a seat)."""
    members = CollegeMember.objects.filter(college=college).values("organisation_id")
    return User.objects.filter(
        Q(memberships__role__in=[Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF],
          memberships__school_id=college.school_id)
        | Q(memberships__role=Role.ENTERPRISE_MEMBER,
            memberships__organisation_id__in=members),
        is_active=True).distinct().order_by("real_name", "username")


def is_insider(user, college: IndustryCollege) -> bool:
    """The user works the college (sees its governance and records)."""
    return IndustryCollege.objects.visible_to(user).filter(
        pk=college.pk).filter(_insider_q(user)).exists() if user.is_authenticated else False


def _insider_q(user) -> Q:
    scope = scope_of(user)
    return Q() if scope.is_admin else college_insiders(scope)


def students_of_user_in(user, college: IndustryCollege) -> list[CollegeProgramme]:
    """A student's own programmes in the college (one query; none for anyone else)."""
    return list(college.programmes.filter(students__user=user).select_related("major", "partner"))


def college_page(college: IndustryCollege, user) -> dict:
    """What the college page shows the user, read through ``visible_to``: members, majors,
    programmes (students for those allowed), and for insiders its councils, recent meetings,
    open decisions and a summary of co-developed work by kind; the agreements of its member
    organisations and the mentors who come from them."""
    insider = is_insider(user, college)
    organisations = member_organisation_ids(college)
    sees_students = user.has_perm("colleges.view_programme_students", college)
    programmes = CollegeProgramme.objects.visible_to(user).filter(college=college) \
        .select_related("major", "partner").annotate(student_count=Count("students"))
    page = {
        "insider": insider,
        "today": timezone.localdate(),
        "members": CollegeMember.objects.visible_to(user).filter(college=college)
        .select_related("organisation"),
        # The member organisations whose partner page the user may open (one query).
        "partner_ids": set(Organisation.objects.visible_to(user).filter(
            pk__in=organisations).values_list("pk", flat=True)),
        "majors": college.majors.all(),
        "programmes": programmes,
        "sees_students": sees_students,
        "my_programmes": students_of_user_in(user, college),
        # Cooperation agreements, not each intern's three-party agreement (a student party).
        "agreements": Agreement.objects.visible_to(user).filter(
            Q(parties__organisation_id__in=organisations)
            | Q(pk=college.founding_agreement_id)).exclude(
            parties__student__isnull=False).distinct().select_related("type")
        if organisations or college.founding_agreement_id else Agreement.objects.none(),
        "mentors": Mentor.objects.visible_to(user).filter(organisation_id__in=organisations)
        .select_related("organisation").prefetch_related(Prefetch(
            "appointments", queryset=Appointment.objects.visible_to(user).filter(
                status__in=[AppointmentStatus.APPROVED, AppointmentStatus.ACTIVE])
            .select_related("title"))) if user.has_perm("mentors.list_mentors")
        else Mentor.objects.none(),
    }
    if insider:
        page.update({
            "councils": Council.objects.visible_to(user).filter(college=college)
            .annotate(seat_count=Count("seats")),
            "meetings": Meeting.objects.visible_to(user).filter(council__college=college)
            .select_related("council")[:RECENT],
            "open_decisions": Decision.objects.visible_to(user).filter(
                meeting__council__college=college, status=DecisionStatus.OPEN)
            .select_related("owner", "meeting").order_by("due_on", "pk"),
            "work": work_summary(Contribution.objects.visible_to(user).filter(college=college)),
        })
    return page


def work_summary(contributions: QuerySet[Contribution]) -> list[dict]:
    """Confirmed contributions by kind: how many and the total amount, with the kinds that
    have none yet, and how many of each await confirmation (one query)."""
    rows = {row["kind"]: row for row in contributions.values("kind").annotate(
        confirmed=Count("pk", filter=Q(status=ContributionStatus.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=ContributionStatus.RECORDED)),
        amount=Sum("amount", filter=Q(status=ContributionStatus.CONFIRMED)))}
    return [{"kind": kind, "label": kind.label,
             "confirmed": rows.get(kind, {}).get("confirmed", 0),
             "waiting": rows.get(kind, {}).get("waiting", 0),
             "amount": rows.get(kind, {}).get("amount"),
             "unit": AMOUNT_UNITS[kind] or ""}
            for kind in ContributionKind]
