"""Pages used during the cohort: teams (mentor choices, the mentor, milestones, feedback,
demo-day scores), the mentor match with its explanation, sessions with attendance and
check-in, and completion."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Avg, Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import among
from chanchuang.core.queries import student_of
from chanchuang.core.services import DomainError
from chanchuang.innovation.choices import AttendanceStatus, CheckInMethod, CohortPhase
from chanchuang.innovation.forms import cohort as forms
from chanchuang.innovation.models import (
    ApplicationMember,
    Attendance,
    Cohort,
    CohortMentor,
    JudgeScore,
    MentorChoice,
    Milestone,
    Session,
    Submission,
    Team,
)
from chanchuang.innovation.queries import cohort as queries
from chanchuang.innovation.services import cohort as services
from chanchuang.mentors.models import Mentor

TEAM_MEMBERS = Prefetch("application__members", ApplicationMember.objects.select_related(
    "student__user", "student__department"))


class TeamList(generic.ScopedView):
    """The teams a user may see, by cohort: all for staff, one's own, the ones one mentors."""

    model = Team

    def get(self, request: HttpRequest) -> HttpResponse:
        teams = self.get_queryset().select_related(
            "cohort__programme", "mentor", "project", "application").prefetch_related(
            TEAM_MEMBERS).order_by("-cohort__number", "application__rank", "pk")
        return render(request, "innovation/team_list.html", {"teams": teams})


class TeamDetail(generic.ObjectDetailView):
    """A team: members, project, mentor (and why), mentor choices, milestones with submissions
    and feedback, and demo-day scores."""

    model = Team
    template_name = "innovation/team_detail.html"

    related = ("cohort__programme", "mentor__organisation", "project", "application")
    prefetch = (TEAM_MEMBERS,)

    def extra_context(self, team):
        user = self.request.user
        cohort = team.cohort
        member = user.has_perm("innovation.choose_mentors", team)
        staff = user.has_perm("innovation.manage_cohort", cohort)
        submissions = {s.milestone_id: s for s in team.submissions.select_related("feedback_by")}
        offers = list(cohort.mentor_offers.select_related("mentor__organisation"))
        chosen = [c.mentor_id for c in team.mentor_choices.order_by("rank")]
        offers.sort(key=lambda o: chosen.index(o.mentor_id) if o.mentor_id in chosen
                    else len(chosen) + o.pk)
        judge_scores = JudgeScore.objects.visible_to(user).filter(team=team).select_related(
            "judge")
        return {
            "members": team.students(),
            "is_member": member,
            "is_staff": staff,
            "can_choose": member and cohort.mentor_run_id is None
            and cohort.phase in (CohortPhase.SELECTED, CohortPhase.RUNNING),
            "offers": offers,
            "chosen": chosen,
            "explanation": queries.mentor_explanation(team),
            "milestones": [(m, submissions.get(m.pk)) for m in cohort.milestones.all()],
            "can_feedback": user.has_perm("innovation.give_feedback", team),
            "submission_form": forms.SubmissionForm(),
            "feedback_form": forms.FeedbackForm(),
            "can_judge": user.has_perm("innovation.score_pitch", team),
            "pitch_form": forms.PitchScoreForm(),
            "judge_scores": judge_scores,
            "pitch_mean": judge_scores.aggregate(mean=Avg("score"))["mean"],
            "assign_form": forms.AssignMentorForm(school_id=cohort.school_id, user=user,
                                                  initial={"mentor": team.mentor_id})
            if staff else None,
        }


class TeamChoices(generic.ObjectActionView):
    """A team's ranking of the offered mentors (sent in order as ``mentor`` values)."""

    model = Team
    permission = "innovation.choose_mentors"

    def act(self, team, form):
        services.choose_mentors(actor=self.request.user, team=team,
                                mentors=among(Mentor, self.request.user,
                                              self.request.POST.getlist("mentor")))
        return _("Mentor choices saved.")


class TeamAssignMentor(generic.ObjectActionView):
    """Staff place a team with a mentor by hand."""

    model = Team
    permission = "innovation.manage_cohort"

    def form_kwargs(self, team):
        return {"school_id": team.cohort.school_id, "user": self.request.user}

    form_class = forms.AssignMentorForm

    def act(self, team, form):
        services.assign_mentor(actor=self.request.user, team=team,
                               mentor=form.cleaned_data["mentor"])
        return _("Mentor set.")


class MentorCapacity(generic.ObjectActionView):
    """A mentor offered to a cohort states how many teams they can take (staff may too)."""

    model = CohortMentor
    permission = "innovation.state_capacity"
    form_class = forms.CapacityForm

    related = ("cohort", "mentor")

    def act(self, offer, form):
        services.set_mentor_capacity(actor=self.request.user, offer=offer,
                                     capacity=form.cleaned_data["capacity"])
        return _("Saved: up to %(n)s teams.") % {"n": offer.capacity}

    def redirect_to(self, offer):
        return offer.cohort.get_absolute_url()


class Submit(generic.ObjectActionView):
    """A team member hands in the team's work for a milestone."""

    model = Team
    permission = "innovation.submit"
    form_class = forms.SubmissionForm

    def act(self, team, form):
        milestone = get_object_or_404(Milestone, pk=self.kwargs["milestone"],
                                      cohort_id=team.cohort_id)
        services.submit(actor=self.request.user, milestone=milestone, team=team,
                        content=form.cleaned_data["content"], link=form.cleaned_data["link"])
        return _("Handed in.")


class Feedback(generic.ObjectActionView):
    """The team's mentor (or staff) comments on a submission."""

    model = Submission
    permission = "innovation.give_feedback"
    form_class = forms.FeedbackForm

    related = ("team__cohort", "team__mentor", "milestone")

    def act(self, submission, form):
        services.give_feedback(actor=self.request.user, submission=submission,
                               feedback=form.cleaned_data["feedback"])
        return _("Feedback sent.")

    def redirect_to(self, submission):
        return submission.team.get_absolute_url()


class PitchScore(generic.ObjectActionView):
    """A demo-day judge scores the team's pitch."""

    model = Team
    permission = "innovation.score_pitch"
    form_class = forms.PitchScoreForm

    def act(self, team, form):
        services.score_pitch(actor=self.request.user, team=team,
                             score=form.cleaned_data["score"],
                             comment=form.cleaned_data["comment"])
        return _("Score saved.")


class MentorMatch(generic.ScopedView):
    """The mentors offered and their capacity, the teams' choices, and the match: who mentors
    whom and, for each team, why it did not get a mentor it ranked higher. The match runs in
    the background, like a placement round's, and the page follows it."""

    model = Cohort

    related = ("mentor_run",)

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = self.get_object(pk)
        if not request.user.has_perm("innovation.manage_cohort", cohort):
            raise PermissionDenied
        teams = list(cohort.teams.select_related("mentor", "application").prefetch_related(
            Prefetch("mentor_choices", queryset=MentorChoice.objects.select_related("mentor")))
            .order_by("application__rank", "pk"))
        offers = cohort.mentor_offers.select_related("mentor__organisation").annotate(
            taken=Count("mentor__teams", filter=Q(mentor__teams__cohort=cohort)))
        explanations = queries.mentor_explanations(cohort)
        rows = [(team, [c.mentor for c in team.mentor_choices.all()],
                 explanations.get(team.pk, [])) for team in teams]
        run = cohort.mentor_run
        return render(request, "innovation/mentor_match.html", {
            "cohort": cohort, "rows": rows, "offers": offers, "run": run,
            "unchosen": sum(1 for t in teams if not t.mentor_choices.all()),
            "can_run": cohort.phase in services.TEAM_PHASES and not (run and run.running)})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = self.get_object(pk)
        if not request.user.has_perm("innovation.manage_cohort", cohort):
            raise PermissionDenied
        try:
            services.start_mentor_match(actor=request.user, cohort=cohort)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Matching; the page shows the result when it is ready."))
        return redirect("innovation:cohort_match", pk=cohort.pk)


class MentorMatchStatus(generic.MatchStatusFragment):
    """The mentor match's status line, polled while it runs."""

    model = Cohort

    related = ("mentor_run",)

    def running(self, cohort) -> bool:
        if not self.request.user.has_perm("innovation.manage_cohort", cohort):
            raise PermissionDenied
        return bool(cohort.mentor_run and cohort.mentor_run.running)


class SessionDetail(generic.ObjectDetailView):
    """A session: for staff and its mentor the check-in code and the attendance sheet; for a
    student of the cohort the check-in form and their own attendance."""

    model = Session
    template_name = "innovation/session_detail.html"

    related = ("cohort__programme", "mentor")

    def extra_context(self, session):
        user = self.request.user
        can_mark = user.has_perm("innovation.mark_attendance", session)
        records = {a.student_id: a for a in Attendance.objects.visible_to(user).filter(
            session=session)}
        student = student_of(user)
        context = {"can_mark": can_mark, "check_in_form": forms.CheckInForm(),
                   "my_attendance": records.get(student.pk) if student else None,
                   "is_participant": student is not None
                   and queries.in_cohort(session.cohort, student),
                   "choices": forms.ATTENDANCE_CHOICES}
        if can_mark:
            context["sheet"] = [(s, records.get(s.pk))
                                for s in queries.participants(session.cohort)]
            context["present"] = sum(1 for a in records.values() if a.status in (
                AttendanceStatus.PRESENT, AttendanceStatus.LATE))
        return context


class MarkAttendance(generic.ObjectActionView):
    """Save the attendance sheet (one ``status_<student id>`` per student)."""

    model = Session
    permission = "innovation.mark_attendance"

    def act(self, session, form):
        user = self.request.user
        method = CheckInMethod.STAFF if user.has_perm("innovation.manage_cohort",
                                                      session.cohort) else CheckInMethod.MENTOR
        students = {str(s.pk): s for s in queries.participants(session.cohort)}
        sheet = {key[7:]: status for key, status in self.request.POST.items()
                 if key.startswith("status_") and status}
        if set(sheet) - set(students):
            raise DomainError(_("The sheet names a student who is not in this cohort."))
        with transaction.atomic():  # the whole sheet or nothing
            for student_id, status in sheet.items():
                services.mark_attendance(actor=user, session=session,
                                         student=students[student_id], status=status,
                                         method=method)
        marked = len(sheet)
        return _("Attendance saved for %(n)s students.") % {"n": marked}


class CheckIn(generic.ObjectActionView):
    """A student checks in with the session code."""

    model = Session
    permission = "innovation.view_cohorts"
    form_class = forms.CheckInForm

    def act(self, session, form):
        attendance = services.check_in(actor=self.request.user, session=session,
                                       code=form.cleaned_data["code"])
        return _("Checked in: %(status)s at %(time)s.") % {
            "status": attendance.get_status_display(),
            "time": timezone.localtime(attendance.recorded_at).strftime("%H:%M")}


class Completion(generic.ObjectActionView):
    """Staff correct a student's completion and award after the cohort finished."""

    model = ApplicationMember
    permission = "innovation.manage_cohort"
    form_class = forms.CompletionForm

    def get_object(self, pk):
        member = get_object_or_404(ApplicationMember.objects.select_related(
            "application__cohort", "student__user"), pk=pk)
        if not Cohort.objects.visible_to(self.request.user).filter(
                pk=member.application.cohort_id).exists():
            raise Http404
        return member

    def act(self, member, form):
        services.set_completion(actor=self.request.user, member=member,
                                completed=form.cleaned_data["completed"],
                                award=form.cleaned_data["award"])
        return _("Saved.")

    def redirect_to(self, member):
        return member.application.get_absolute_url()


urlpatterns = [
    path("innovation/cohort-mentors/<int:pk>/capacity/", MentorCapacity.as_view(),
         name="cohortmentor_capacity"),
    path("innovation/teams/", TeamList.as_view(), name="team_list"),
    path("innovation/teams/<int:pk>/", TeamDetail.as_view(), name="team_detail"),
    path("innovation/teams/<int:pk>/mentor-choices/", TeamChoices.as_view(),
         name="team_choices"),
    path("innovation/teams/<int:pk>/mentor/", TeamAssignMentor.as_view(), name="team_mentor"),
    path("innovation/teams/<int:pk>/milestones/<int:milestone>/", Submit.as_view(),
         name="team_submit"),
    path("innovation/teams/<int:pk>/pitch/", PitchScore.as_view(), name="team_pitch"),
    path("innovation/submissions/<int:pk>/feedback/", Feedback.as_view(),
         name="submission_feedback"),
    path("innovation/cohorts/<int:pk>/mentor-match/status/", MentorMatchStatus.as_view(),
         name="cohort_match_status"),
    path("innovation/cohorts/<int:pk>/mentor-match/", MentorMatch.as_view(),
         name="cohort_match"),
    path("innovation/sessions/<int:pk>/", SessionDetail.as_view(), name="session_detail"),
    path("innovation/sessions/<int:pk>/attendance/", MarkAttendance.as_view(),
         name="session_attendance"),
    path("innovation/sessions/<int:pk>/check-in/", CheckIn.as_view(), name="session_check_in"),
    path("innovation/applicants/<int:pk>/completion/", Completion.as_view(),
         name="member_completion"),
]
