"""Pages of intake: applying, a student's applications and offers, staff's list of
applications, reviewers' assignments and the scoring page, and the selection page where staff
see the ranking (raw and normalised), the quotas and the reviewers' workload, then publish."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chanchuang.core import generic_views as generic
from chanchuang.core.queries import student_of
from chanchuang.core.services import DomainError
from chanchuang.innovation.choices import ApplicationStatus, CohortPhase, ReviewStatus
from chanchuang.innovation.exports import intake as exports
from chanchuang.innovation.filters import intake as filters
from chanchuang.innovation.forms import intake as forms
from chanchuang.innovation.models import Application, ApplicationMember, Cohort, Review
from chanchuang.innovation.queries import intake as intake_queries
from chanchuang.innovation.services import intake
from chanchuang.innovation.tables import intake as tables

MEMBERS = Prefetch("members", ApplicationMember.objects.select_related(
    "student__user", "student__department", "student__major"))


class Apply(generic.ScopedView):
    """A student applies to an open cohort, alone or as a team."""

    model = Cohort

    def _context(self, cohort, form):
        return {"cohort": cohort, "form": form}

    def _student(self, cohort):
        student = student_of(self.request.user, cohort.school_id)
        if student is None:
            raise PermissionDenied
        return student

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = self.get_object(pk)
        student = self._student(cohort)
        form = forms.ApplicationForm(cohort=cohort, lead=student)
        return render(request, "innovation/apply.html", self._context(cohort, form))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = self.get_object(pk)
        student = self._student(cohort)
        form = forms.ApplicationForm(request.POST, cohort=cohort, lead=student)
        if form.is_valid():
            data = form.cleaned_data
            try:
                application = intake.apply(
                    actor=request.user, cohort=cohort, lead=student, members=data["members"],
                    team_name=data["team_name"], project_title=data["project_title"],
                    project_summary=data["project_summary"], answers=form.answers())
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Application submitted."))
                return redirect(application.get_absolute_url())
        return render(request, "innovation/apply.html", self._context(cohort, form))


class ApplicationList(generic.ObjectListView):
    """Staff's (and department staff's) list of applications, with scores once reviewed."""

    model = Application
    table_class = tables.ApplicationTable
    filterset_class = filters.ApplicationFilterSet
    exporter_class = exports.ApplicationExporter
    list_permission = "innovation.view_applications"

    related = ("cohort__programme", "lead__user", "lead__department", "project")

    def get_queryset(self):
        return super().get_queryset().annotate(size=Count("members", distinct=True))


class MyApplications(generic.ScopedView):
    """A student's applications and offers, newest first."""

    model = Application

    def get(self, request: HttpRequest) -> HttpResponse:
        student = student_of(request.user)
        if student is None:
            raise Http404
        applications = self.get_queryset().filter(members__student=student).select_related(
            "cohort__programme", "project").prefetch_related(MEMBERS).order_by("-submitted_at")
        return render(request, "innovation/my_applications.html",
                      {"applications": applications})


class ApplicationDetail(generic.ObjectDetailView):
    """An application: members, project, answers, status; for its students the offer to
    accept or decline; for staff the reviews, raw and normalised."""

    model = Application
    template_name = "innovation/application_detail.html"

    related = ("cohort__programme", "project", "lead__user")
    prefetch = (MEMBERS,)

    def extra_context(self, application):
        user = self.request.user
        staff = user.has_perm("innovation.manage_cohort", application.cohort)
        applicant = user.has_perm("innovation.reply_to_offer", application)
        questions = {str(q.pk): q.prompt for q in application.cohort.questions.all()}
        status = application.status
        return {
            "answers": [(questions.get(k, _("(a removed question)")), v)
                        for k, v in application.answers.items()],
            "reviews": Review.objects.visible_to(user).filter(application=application)
            .select_related("reviewer") if staff else [],
            "is_staff": staff,
            "can_reply": applicant and status == ApplicationStatus.SELECTED,
            "can_give_up": applicant and status == ApplicationStatus.ACCEPTED,
            "can_withdraw": user.has_perm("innovation.withdraw_application", application)
            and status in (ApplicationStatus.SUBMITTED, ApplicationStatus.WAITLISTED),
            "can_offer": staff and status == ApplicationStatus.WAITLISTED,
            "waitlist_place": intake_queries.waitlist_place(application),
            "team": getattr(application, "team", None)
            if status == ApplicationStatus.ACCEPTED else None,
        }


class ApplicationStep(generic.ObjectActionView):
    """Accept or decline an offer, withdraw an application, or (staff) offer a place."""

    model = Application
    related = ("cohort", "lead__user")
    prefetch = (MEMBERS,)
    STEPS = {  # step → (permission, service, message)
        "accept": ("innovation.reply_to_offer", intake.accept_offer,
                   gettext_lazy("You are in! Welcome to the cohort.")),
        "decline": ("innovation.reply_to_offer", intake.decline_offer,
                    gettext_lazy("Declined; your place goes to the waitlist.")),
        "withdraw": ("innovation.withdraw_application", intake.withdraw,
                     gettext_lazy("Application withdrawn.")),
        "offer": ("innovation.manage_cohort", intake.offer, gettext_lazy("Place offered.")),
    }

    def post(self, request: HttpRequest, pk: int, step: str) -> HttpResponse:
        if step not in self.STEPS:
            raise Http404
        self.permission = self.STEPS[step][0]
        return super().post(request, pk, step=step)

    def act(self, application, form):
        _permission, service, message = self.STEPS[self.kwargs["step"]]
        service(actor=self.request.user, application=application)
        return str(message)


class MyReviews(generic.ScopedView):
    """A reviewer's assignments: what is left to score and what is done."""

    model = Review

    def get(self, request: HttpRequest) -> HttpResponse:
        reviews = self.get_queryset().filter(reviewer=request.user).select_related(
            "application__cohort__programme", "application__lead__user",
            "application__project").order_by("status", "application__cohort", "pk")
        return render(request, "innovation/my_reviews.html", {"reviews": reviews})


class ReviewDetail(generic.ScopedView):
    """Score one application on the rubric (or declare a conflict). Staff may look."""

    model = Review

    related = ("application__cohort__programme", "application__project", "reviewer")
    prefetch = (Prefetch("application__members", ApplicationMember.objects.select_related(
        "student__user", "student__department", "student__major")),)

    def _render(self, review, form, conflict_form):
        application = review.application
        questions = {str(q.pk): q.prompt for q in application.cohort.questions.all()}
        return render(self.request, "innovation/review_detail.html", {
            "review": review, "application": application, "form": form,
            "conflict_form": conflict_form,
            "answers": [(questions.get(k, ""), v) for k, v in application.answers.items()],
            "is_reviewer": review.reviewer_id == self.request.user.pk,
            "criteria": application.cohort.criteria.all()})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        review = self.get_object(pk)
        return self._render(review, forms.ReviewForm(review=review), forms.ConflictForm())

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        review = self.get_object(pk)
        if not request.user.has_perm("innovation.score", review):
            raise PermissionDenied
        form = forms.ReviewForm(request.POST, review=review)
        if form.is_valid():
            try:
                intake.submit_review(actor=request.user, review=review, scores=form.scores(),
                                     comment=form.cleaned_data["comment"])
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Scores saved."))
                return redirect("innovation:my_reviews")
        return self._render(review, form, forms.ConflictForm())


class ReviewConflict(generic.ObjectActionView):
    """The reviewer declares a conflict of interest; another reviewer gets the application."""

    model = Review
    permission = "innovation.score"
    form_class = forms.ConflictForm

    def act(self, review, form):
        replacement = intake.declare_conflict(actor=self.request.user, review=review,
                                              reason=form.cleaned_data["conflict_reason"])
        if replacement is None:
            return _("Conflict declared. No other reviewer is free: staff will find one.")
        return _("Conflict declared; another reviewer takes it.")

    def redirect_to(self, review):
        return reverse("innovation:my_reviews")


class Selection(generic.ScopedView):
    """The ranking with raw and normalised scores, who the rules select within capacity and
    quotas, each reviewer's workload and mean; staff publish from here."""

    model = Cohort

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = self.get_object(pk)
        if not request.user.has_perm("innovation.manage_cohort", cohort):
            raise PermissionDenied
        published = cohort.phase != CohortPhase.REVIEWING
        ranked, selected = intake_queries.current_selection(cohort)
        workload = (Review.objects.filter(application__cohort=cohort)
                    .values("reviewer__real_name", "reviewer__username")
                    .annotate(assigned=Count("pk", filter=~Q(status=ReviewStatus.CONFLICT)),
                              scored=Count("pk", filter=Q(status=ReviewStatus.SUBMITTED)),
                              conflicts=Count("pk", filter=Q(status=ReviewStatus.CONFLICT)))
                    .order_by("-assigned"))
        seats = sum(len(a.members.all()) for a in ranked if a.pk in selected)
        quotas = []
        for quota in cohort.quotas.select_related("department"):
            used = sum(len(a.members.all()) for a in ranked
                       if a.pk in selected and a.lead.department_id == quota.department_id)
            quotas.append((quota, used))
        return render(request, "innovation/selection.html", {
            "cohort": cohort, "ranked": ranked, "selected": selected, "workload": workload,
            "seats": seats, "quotas": quotas,
            "unranked": sum(1 for a in ranked if a.rank is None),
            "published": published,
            "open_offers": any(a.status == ApplicationStatus.SELECTED for a in ranked)})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = self.get_object(pk)
        if not request.user.has_perm("innovation.manage_cohort", cohort):
            raise PermissionDenied
        try:
            offered, waiting = intake.publish_selection(actor=request.user, cohort=cohort)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("innovation:cohort_selection", pk=cohort.pk)
        messages.success(request, _("Published: %(offered)s offered a place, %(waiting)s on "
                                    "the waitlist.") % {"offered": offered, "waiting": waiting})
        return redirect(cohort.get_absolute_url())


class RecordAcceptances(generic.ObjectActionView):
    """Staff tick the offers students accepted in person or in the group chat."""

    model = Cohort
    permission = "innovation.manage_cohort"
    form_class = forms.AcceptancesForm

    def form_kwargs(self, cohort):
        return {"cohort": cohort}

    def act(self, cohort, form):
        teams = intake.record_acceptances(actor=self.request.user, cohort=cohort,
                                          applications=list(form.cleaned_data["applications"]))
        return _("%(n)s acceptances recorded; their teams have joined the cohort.") % {
            "n": len(teams)}

    def redirect_to(self, cohort):
        return reverse("innovation:cohort_selection", args=[cohort.pk])


urlpatterns = [
    path("innovation/cohorts/<int:pk>/acceptances/", RecordAcceptances.as_view(),
         name="cohort_acceptances"),
    path("innovation/cohorts/<int:pk>/apply/", Apply.as_view(), name="application_add"),
    path("innovation/cohorts/<int:pk>/selection/", Selection.as_view(),
         name="cohort_selection"),
    path("innovation/applications/", ApplicationList.as_view(), name="application_list"),
    path("innovation/applications/mine/", MyApplications.as_view(), name="my_applications"),
    path("innovation/applications/<int:pk>/", ApplicationDetail.as_view(),
         name="application_detail"),
    path("innovation/applications/<int:pk>/<slug:step>/", ApplicationStep.as_view(),
         name="application_step"),
    path("innovation/reviews/", MyReviews.as_view(), name="my_reviews"),
    path("innovation/reviews/<int:pk>/", ReviewDetail.as_view(), name="review_detail"),
    path("innovation/reviews/<int:pk>/conflict/", ReviewConflict.as_view(),
         name="review_conflict"),
]
