"""What the placements app has waiting on the home page: a student's choices in an open round
and their weekly log; an enterprise's rankings and its interns' logs to sign off (and an
enterprise mentor's, for the interns they are named mentor of); department staff's interns
behind on their logs; school staff's rounds to run or publish. And the figures:
an enterprise's open positions and interns, a department's interns and who is behind, a
student's placement and choices."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, Max, Min, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import todos
from chanchuang.core.choices import Role
from chanchuang.core.formats import local_time
from chanchuang.core.models import Student
from chanchuang.mentors.models import Mentor
from chanchuang.placements.choices import (
    ACTIVE,
    LogStatus,
    PlacementStatus,
    PositionStatus,
    RoundStatus,
)
from chanchuang.placements.models import (
    Log,
    Placement,
    Position,
    Preference,
    Ranking,
    SelectionRound,
)
from chanchuang.placements.queries import (
    SIGN_OFF_WITHIN_DAYS,
    eligible_students,
    next_log_due,
)
from chanchuang.placements.services import sign_off_token


def _running(placements, today: dt.date):
    """Confirmed placements under way today, with the end of the last period logged (``last``;
    returned logs do not count)."""
    return placements.filter(status=PlacementStatus.CONFIRMED, start_date__lte=today,
                             end_date__gte=today).annotate(
        last=Max("logs__period_end", filter=~Q(logs__status=LogStatus.RETURNED)))


def open_rounds(user, scope) -> list[SelectionRound]:
    """Open rounds the student may still file choices in and has not (two queries)."""
    if not scope.student_schools:
        return []
    rounds = list(SelectionRound.objects.visible_to(user).filter(
        status=RoundStatus.OPEN, choices_deadline__gte=timezone.now(),
        plan__school_id__in=scope.student_schools).exclude(
        preferences__student__user=user).select_related("plan").order_by("choices_deadline"))
    if not rounds:
        return []
    flags = Student.objects.visible_to(user).filter(user=user).values(**{
        f"r{r.pk}": Exists(eligible_students(r).filter(pk=OuterRef("pk"))) for r in rounds
    }).first() or {}
    return [r for r in rounds if flags.get(f"r{r.pk}")]


@todos.register
def student_todos(user, scope) -> list[todos.ToDo]:
    """A round to order choices in; the next weekly log of a placement under way."""
    if not scope.student_schools:
        return []
    found = [todos.ToDo(what=_("Order your choices: %(round)s") % {"round": r},
                        detail=_("Choices close on %(day)s.") % {
                            "day": local_time(r.choices_deadline)},
                        due=timezone.localdate(r.choices_deadline),
                        url=reverse("placements:round_choices", args=[r.pk]), icon="list-numbers")
             for r in open_rounds(user, scope)]
    today = timezone.localdate()
    for placement in _running(Placement.objects.visible_to(user).filter(student__user=user),
                              today).select_related("position__organisation", "position__plan"):
        found.append(todos.ToDo(
            what=_("Write your log: %(position)s") % {"position": placement.position},
            detail=_("Logged up to %(day)s.") % {"day": placement.last} if placement.last
            else _("No log yet."),
            due=next_log_due(placement.start_date, placement.last,
                             placement.position.plan.log_every_days),
            url=placement.get_absolute_url(), icon="notebook"))
    return found


@todos.register
def enterprise_todos(user, scope) -> list[todos.ToDo]:
    """Applicants to rank in an open round; interns' logs waiting for sign-off."""
    if not scope.organisation_ids:
        return []
    found = []
    unranked = (Preference.objects.visible_to(user).filter(
        position__organisation_id__in=scope.organisation_ids, round__status=RoundStatus.OPEN,
        round__rankings_deadline__gte=timezone.now())
        .filter(~Exists(Ranking.objects.filter(round=OuterRef("round"),
                                               position=OuterRef("position"))))
        .values("round", "round__rankings_deadline")
        .annotate(positions=Count("position", distinct=True),
                  applicants=Count("student", distinct=True), first=Min("position"))
        .order_by("round__rankings_deadline"))
    for row in unranked:
        deadline = row["round__rankings_deadline"]
        found.append(todos.ToDo(
            what=_("Rank the applicants of %(n)d positions") % {"n": row["positions"]},
            detail=_("%(n)d students chose them; rankings close on %(day)s.") % {
                "n": row["applicants"], "day": local_time(deadline)},
            due=timezone.localdate(deadline), icon="sort-ascending-numbers",
            url=reverse("placements:round_rank", args=[row["round"], row["first"]])))
    waiting = Log.objects.visible_to(user).filter(
        status=LogStatus.SUBMITTED,
        placement__position__organisation_id__in=scope.organisation_ids)
    summary = waiting.aggregate(logs=Count("pk"), interns=Count("placement", distinct=True),
                                oldest=Min("submitted_at"))
    if summary["logs"]:
        oldest = waiting.order_by("submitted_at").values_list("placement_id", flat=True).first()
        found.append(todos.ToDo(
            what=_("Sign off your interns' logs"),
            detail=_("%(logs)d logs of %(interns)d interns are waiting.") % summary,
            due=timezone.localdate(summary["oldest"]) + dt.timedelta(days=SIGN_OFF_WITHIN_DAYS),
            url=reverse("placements:placement_detail", args=[oldest]), icon="signature"))
    return found


@todos.register
def mentor_todos(user, scope) -> list[todos.ToDo]:
    """An enterprise mentor with a login: the logs of the interns they are named mentor of,
    waiting for sign-off; the link is the one the school mails them."""
    if not scope.mentor_schools:
        return []
    rows = (Log.objects.visible_to(user)
            .filter(status=LogStatus.SUBMITTED, placement__status=PlacementStatus.CONFIRMED,
                    placement__mentor_email__in=Mentor.objects.visible_to(user)
                    .filter(user=user).exclude(email="").values("email"))
            .values("placement", "placement__student__user__real_name")
            .annotate(logs=Count("pk"), oldest=Min("submitted_at")).order_by("oldest"))
    return [todos.ToDo(what=_("Sign off %(student)s's logs")
                       % {"student": row["placement__student__user__real_name"]},
                       detail=_("%(n)d logs are waiting for you as the enterprise mentor.")
                       % {"n": row["logs"]},
                       due=timezone.localdate(row["oldest"])
                       + dt.timedelta(days=SIGN_OFF_WITHIN_DAYS),
                       url=reverse("placements:public_sign_off",
                                   args=[sign_off_token(Placement(pk=row["placement"]))]),
                       icon="signature")
            for row in rows]


def _behind(user, scope) -> tuple[int, list[dt.date]]:
    """Interns of the user's departments under way today, and the due dates they missed."""
    today = timezone.localdate()
    rows = _running(Placement.objects.visible_to(user).filter(
        student__department_id__in=scope.department_ids), today).values_list(
        "start_date", "last", "position__plan__log_every_days")
    dues = [next_log_due(start, last, every) for start, last, every in rows]
    return len(dues), sorted(due for due in dues if due < today)


@todos.register
def department_todos(user, scope) -> list[todos.ToDo]:
    """Interns of the user's departments who are behind on their logs."""
    if not scope.department_ids:
        return []
    _interns, missed = _behind(user, scope)
    if not missed:
        return []
    return [todos.ToDo(what=_("%(n)d interns of your department are behind on their logs")
                       % {"n": len(missed)},
                       detail=_("The longest waiting log was due on %(day)s.") % {"day": missed[0]},
                       due=missed[0], url=reverse("placements:placement_exceptions"),
                       icon="alert-triangle")]


@todos.register
def staff_todos(user, scope) -> list[todos.ToDo]:
    """Rounds whose deadlines have passed, waiting for the match; matched rounds to publish."""
    rounds = todos.managed(SelectionRound.objects.visible_to(user), scope, "plan__school_id")
    if rounds is None:
        return []
    rounds = rounds.filter(Q(status=RoundStatus.OPEN, rankings_deadline__lt=timezone.now())
                           | Q(status=RoundStatus.MATCHED)).select_related("plan")
    found = []
    for selection in rounds:
        if selection.status == RoundStatus.OPEN:
            deadline = selection.rankings_deadline
            found.append(todos.ToDo(what=_("Run the match: %(round)s") % {"round": selection},
                                    detail=_("Choices and rankings closed on %(day)s.") % {
                                        "day": local_time(deadline)},
                                    due=timezone.localdate(deadline),
                                    url=selection.get_absolute_url(), icon="player-play"))
        else:
            found.append(todos.ToDo(what=_("Publish the results: %(round)s") % {"round": selection},
                                    detail=_("The match has run: review it and publish."),
                                    url=selection.get_absolute_url(), icon="send"))
    return found


@todos.register_figures
def placement_figures(user, scope) -> list[todos.Figure]:
    """An enterprise's open positions and interns; a department's interns and who is behind;
    a student's placement and choices."""
    figures = []
    if scope.organisation_ids:
        mine = Q(organisation_id__in=scope.organisation_ids)
        figures += [
            todos.Figure(Role.ENTERPRISE_MEMBER, 10, _("Open positions"),
                         Position.objects.visible_to(user).filter(mine, status=PositionStatus.OPEN)
                         .count(), reverse("placements:position_list")),
            todos.Figure(Role.ENTERPRISE_MEMBER, 20, _("Interns"),
                         Placement.objects.visible_to(user).filter(
                             position__organisation_id__in=scope.organisation_ids,
                             status__in=ACTIVE).count(), reverse("placements:placement_list")),
        ]
    if scope.department_ids:
        interns, missed = _behind(user, scope)
        figures += [
            todos.Figure(Role.DEPARTMENT_STAFF, 20, _("Interns"), interns,
                         reverse("placements:placement_list")),
            todos.Figure(Role.DEPARTMENT_STAFF, 30, _("Behind on logs"), len(missed),
                         reverse("placements:placement_exceptions")),
        ]
    if scope.student_schools:
        figures += _student_figures(user, scope)
    return figures


def _student_figures(user, scope) -> list[todos.Figure]:
    """The student's placement, and their choices: in the open round waiting for them, or in
    the latest round they filed in."""
    placement = Placement.objects.visible_to(user).filter(student__user=user).exclude(
        status=PlacementStatus.CANCELLED).select_related("position__organisation").order_by(
        "-start_date").first()
    figures = [todos.Figure(Role.STUDENT, 10, _("My placement"),
                            str(placement.position) if placement else "—",
                            placement.get_absolute_url() if placement else "",
                            placement.get_status_display() if placement else "")]
    waiting = open_rounds(user, scope)
    if waiting:
        return [*figures, todos.Figure(Role.STUDENT, 20, _("My choices"), _("Not filed yet"),
                                       reverse("placements:round_choices", args=[waiting[0].pk]),
                                       str(waiting[0]))]
    filed = SelectionRound.objects.visible_to(user).filter(
        preferences__student__user=user).annotate(chosen=Count("preferences")).select_related(
        "plan").order_by("-choices_deadline").first()
    if filed:
        figures.append(todos.Figure(Role.STUDENT, 20, _("My choices"), filed.chosen,
                                    reverse("placements:round_choices", args=[filed.pk]),
                                    str(filed)))
    return figures
