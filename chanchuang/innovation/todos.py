"""What the innovation app has waiting on the home page: an offer for a student to accept,
applications for a reviewer to score, hand-ins for a mentor to comment on, and for school staff
cohorts whose intake is to be closed or whose reviews are incomplete. And the figures: a
mentor's teams and reviews, a student's bootcamp and innovation record."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, Min, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import todos
from chanchuang.core.choices import Role
from chanchuang.core.formats import local_time
from chanchuang.innovation.choices import ApplicationStatus, CohortPhase, ReviewStatus
from chanchuang.innovation.models import Application, Cohort, Credit, Review, Submission, Team

FEEDBACK_WITHIN_DAYS = 7  # a mentor comments on a hand-in within a week


def _cohort_name(programme: str, number: int) -> str:
    """A cohort's name from its programme's name and number, as ``Cohort.__str__`` says it."""
    return _("%(programme)s, cohort %(number)s") % {"programme": programme, "number": number}


def _own_applications(user):
    """The live applications the user is a student on."""
    return Application.objects.visible_to(user).filter(members__student__user=user,
                                                      members__active=True)


@todos.register
def offer_todos(user, scope) -> list[todos.ToDo]:
    """A student: places offered, to accept or decline by the reply date."""
    if not scope.student_schools:
        return []
    offers = _own_applications(user).filter(status=ApplicationStatus.SELECTED).select_related(
        "cohort__programme")
    return [todos.ToDo(what=_("Accept or decline your place: %(cohort)s") % {"cohort": a.cohort},
                       detail=_("Reply by %(moment)s, or the place passes to the waitlist.") % {
                           "moment": local_time(a.reply_by)}
                       if a.reply_by else "",
                       due=timezone.localdate(a.reply_by) if a.reply_by else None,
                       url=a.get_absolute_url(), icon="mail-opened")
            for a in offers]


@todos.register
def review_todos(user, scope) -> list[todos.ToDo]:
    """Anyone given applications to review (mentors, staff, teachers): what is left to score,
    per cohort in review."""
    if not (scope.campus_schools or scope.is_admin):
        return []
    rows = (Review.objects.visible_to(user)
            .filter(reviewer=user, status=ReviewStatus.ASSIGNED,
                    application__cohort__phase=CohortPhase.REVIEWING)
            .values("application__cohort__programme__name", "application__cohort__number")
            .annotate(left=Count("pk")).order_by("application__cohort__number"))
    return [todos.ToDo(what=_("Score %(n)d applications") % {"n": row["left"]},
                       detail=_cohort_name(row["application__cohort__programme__name"],
                                           row["application__cohort__number"]),
                       url=reverse("innovation:my_reviews"), icon="star")
            for row in rows]


@todos.register
def feedback_todos(user, scope) -> list[todos.ToDo]:
    """A mentor: hand-ins of the teams they mentor in running cohorts, waiting for feedback."""
    if not scope.mentor_schools:
        return []
    waiting = Submission.objects.visible_to(user).filter(
        team__mentor__user=user, feedback="", team__cohort__phase=CohortPhase.RUNNING)
    summary = waiting.aggregate(n=Count("pk"), teams=Count("team", distinct=True),
                                oldest=Min("submitted_at"))
    if not summary["n"]:
        return []
    team = waiting.order_by("submitted_at").values_list("team_id", flat=True).first()
    return [todos.ToDo(what=_("Comment on %(n)d hand-ins") % {"n": summary["n"]},
                       detail=_("From %(teams)d of your teams.") % {"teams": summary["teams"]},
                       due=timezone.localdate(summary["oldest"])
                       + dt.timedelta(days=FEEDBACK_WITHIN_DAYS),
                       url=reverse("innovation:team_detail", args=[team]), icon="message")]


@todos.register
def intake_todos(user, scope) -> list[todos.ToDo]:
    """School staff: cohorts whose applications have closed but are still open, and cohorts in
    review with reviews to assign or still to be scored."""
    cohorts = todos.managed(Cohort.objects.visible_to(user), scope)
    if cohorts is None:
        return []
    now = timezone.now()
    cohorts = (cohorts
               .filter(Q(phase=CohortPhase.OPEN, applications_close_at__lt=now)
                       | Q(phase=CohortPhase.REVIEWING))
               .annotate(reviews=Count("applications__reviews"),
                         left=Count("applications__reviews",
                                    filter=Q(applications__reviews__status=ReviewStatus.ASSIGNED)))
               .select_related("programme").order_by("applications_close_at"))
    found = []
    for cohort in cohorts:
        closed = timezone.localdate(cohort.applications_close_at)
        if cohort.phase == CohortPhase.OPEN:
            found.append(todos.ToDo(what=_("Close the intake: %(cohort)s") % {"cohort": cohort},
                                    detail=_("Applications closed on %(day)s.") % {"day": closed},
                                    due=closed, url=cohort.get_absolute_url(), icon="lock"))
        elif not cohort.reviews:
            found.append(todos.ToDo(what=_("Assign reviewers: %(cohort)s") % {"cohort": cohort},
                                    detail=_("Applications closed on %(day)s.") % {"day": closed},
                                    due=closed, url=cohort.get_absolute_url(), icon="users"))
        elif cohort.left:
            found.append(todos.ToDo(what=_("Reviews incomplete: %(cohort)s") % {"cohort": cohort},
                                    detail=_("%(left)d of %(all)d reviews are not scored yet.") % {
                                        "left": cohort.left, "all": cohort.reviews},
                                    url=reverse("innovation:cohort_selection", args=[cohort.pk]),
                                    icon="hourglass"))
    return found


@todos.register_figures
def innovation_figures(user, scope) -> list[todos.Figure]:
    """A mentor's teams and reviews; a student's bootcamp and innovation record."""
    figures = []
    if scope.mentor_schools:
        reviews = Review.objects.visible_to(user).filter(reviewer=user).aggregate(
            all=Count("pk"), done=Count("pk", filter=Q(status=ReviewStatus.SUBMITTED)))
        figures += [
            todos.Figure(Role.MENTOR, 10, _("My teams"),
                         Team.objects.visible_to(user).filter(mentor__user=user).count(),
                         reverse("innovation:team_list")),
            todos.Figure(Role.MENTOR, 20, _("My reviews"), f"{reviews['done']} / {reviews['all']}",
                         reverse("innovation:my_reviews"), _("scored")),
        ]
    if scope.student_schools:
        latest = _own_applications(user).select_related("cohort__programme").order_by(
            "-submitted_at").first()
        credits = Credit.objects.visible_to(user).filter(student__user=user).aggregate(
            total=Sum("credits"))["total"]
        figures += [
            todos.Figure(Role.STUDENT, 30, _("My bootcamp"),
                         latest.get_status_display() if latest else "—",
                         latest.get_absolute_url() if latest
                         else reverse("innovation:my_applications"),
                         str(latest.cohort) if latest else ""),
            todos.Figure(Role.STUDENT, 40, _("My innovation record"),
                         f"{credits or Decimal(0):g}", reverse("innovation:my_record"),
                         _("credits")),
        ]
    return figures
