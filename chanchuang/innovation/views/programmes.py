"""Pages of programmes and cohorts: the list of bootcamps, a cohort's page (its set-up, its
progress and the steps staff take), and the parts staff add to a cohort."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import visible_or_none
from chanchuang.core.queries import student_of
from chanchuang.core.services import DomainError
from chanchuang.innovation.choices import ApplicationStatus, CohortPhase
from chanchuang.innovation.filters import programmes as filters
from chanchuang.innovation.forms import programmes as forms
from chanchuang.innovation.forms.programmes import PART_FORMS, part_from
from chanchuang.innovation.models import ApplicationMember, Cohort, Programme
from chanchuang.innovation.services import cohort as cohort_services
from chanchuang.innovation.services import intake, programmes
from chanchuang.innovation.tables import programmes as tables


class ProgrammeDetail(generic.ObjectDetailView):
    """A programme and its cohorts."""

    model = Programme
    template_name = "innovation/programme_detail.html"

    def extra_context(self, programme):
        return {"cohorts": programme.cohorts.annotate(applicants=Count("applications"))}


class ProgrammeEdit(generic.ObjectEditView):
    """Create or rename a programme."""

    model = Programme
    form_class = forms.ProgrammeForm


class ProgrammeList(generic.ObjectListView):
    """Programmes."""

    model = Programme
    table_class = tables.ProgrammeTable
    filterset_class = filters.ProgrammeFilterSet
    list_permission = "innovation.view_cohorts"


class CohortList(generic.ObjectListView):
    """Every cohort of every programme: the bootcamps."""

    model = Cohort
    table_class = tables.CohortTable
    filterset_class = filters.CohortFilterSet
    list_permission = "innovation.view_cohorts"

    related = ("programme",)

    def get_queryset(self):
        return super().get_queryset().annotate(applicants=Count("applications", filter=~Q(
            applications__status=ApplicationStatus.WITHDRAWN)))


class CohortDetail(generic.ObjectDetailView):
    """A cohort: what it offers, where intake stands, and for staff its set-up and next step."""

    model = Cohort
    template_name = "innovation/cohort_detail.html"

    related = ("programme", "school")

    def extra_context(self, cohort):
        user = self.request.user
        manage = user.has_perm("innovation.manage_cohort", cohort)
        student = student_of(user)
        mine = ApplicationMember.objects.filter(
            application__cohort=cohort, student=student, active=True).select_related(
            "application").first() if student else None
        now = timezone.now()
        context = {
            "can_manage": manage,
            "sessions": cohort.sessions.select_related("mentor"),
            "milestones": cohort.milestones.all(),
            "my_application": mine.application if mine else None,
            "my_offer": cohort.mentor_offers.filter(mentor__user=user).first()
            if user.is_authenticated else None,
            "can_apply": student is not None and student.school_id == cohort.school_id
            and mine is None and cohort.phase == CohortPhase.OPEN
            and cohort.applications_open_at <= now <= cohort.applications_close_at,
        }
        if manage:
            statuses = dict(cohort.applications.values_list("status").annotate(n=Count("pk")))
            context.update({
                "parts": [(kind, label, form(cohort=cohort)) for kind, (form, label)
                          in PART_FORMS.items()],
                "quotas": cohort.quotas.select_related("department"),
                "questions": cohort.questions.all(),
                "criteria": cohort.criteria.all(),
                "reviewers": cohort.reviewers.select_related("user", "department"),
                "mentor_offers": cohort.mentor_offers.select_related("mentor__organisation"),
                "counts": {ApplicationStatus(s).label: n for s, n in statuses.items()},
                "applicants": sum(n for s, n in statuses.items()
                                  if s != ApplicationStatus.WITHDRAWN),
                "judges": cohort.judges.all(),
                "next_step": next_step(cohort, now),
            })
        return context


def next_step(cohort: Cohort, now) -> str | None:
    """The step staff take next, as the name of its button."""
    phase = cohort.phase
    if phase == CohortPhase.DRAFT:
        return "open"
    if phase == CohortPhase.OPEN:
        return "assign" if now >= cohort.applications_close_at else None
    return {CohortPhase.REVIEWING: "selection", CohortPhase.SELECTED: "start",
            CohortPhase.RUNNING: "finish"}.get(phase)


class CohortEdit(generic.ObjectEditView):
    """Create a cohort or change its dates and rules."""

    model = Cohort
    form_class = forms.CohortForm

    def initial_object(self):
        programme = visible_or_none(Programme, self.request.user,
                                    self.request.GET.get("programme"))
        if programme is None:
            return Cohort()
        latest = programme.cohorts.order_by("-number").first()
        return Cohort(programme=programme, number=latest.number + 1 if latest else 1)


class CohortStep(generic.ObjectActionView):
    """A phase step on a cohort: open intake, close it early, assign reviewers, start,
    finish."""

    model = Cohort
    permission = "innovation.manage_cohort"

    def act(self, cohort, form):
        step = self.kwargs["step"]
        user = self.request.user
        if step == "open":
            intake.open_intake(actor=user, cohort=cohort)
            return _("Applications are open.")
        if step == "close":
            intake.close_intake(actor=user, cohort=cohort)
            return _("Applications are closed.")
        if step == "assign":
            reviews = intake.assign_reviewers(actor=user, cohort=cohort)
            return _("%(n)s reviews assigned.") % {"n": len(reviews)}
        if step == "start":
            cohort_services.start(actor=user, cohort=cohort)
            return _("The cohort has started.")
        if step == "finish":
            done = cohort_services.finish(actor=user, cohort=cohort)
            return _("The cohort has finished: %(completed)s students completed it, "
                     "%(not_completed)s did not.") % done
        raise Http404


class CohortPartAdd(generic.ScopedView):
    """Add a quota, question, criterion, reviewer, session, milestone or mentor to a cohort."""

    model = Cohort

    def post(self, request: HttpRequest, pk: int, kind: str) -> HttpResponse:
        cohort = self.get_object(pk)
        if kind not in PART_FORMS:
            raise Http404
        if not request.user.has_perm("innovation.manage_cohort", cohort):
            raise PermissionDenied
        try:
            programmes.require_changeable(kind, cohort)
            programmes.add_part(actor=request.user, kind=kind, cohort=cohort,
                                part=part_from(kind, cohort, request.POST))
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Added."))
        return redirect(f"{cohort.get_absolute_url()}#{kind}")


class CohortPartRemove(generic.ScopedView):
    """Remove a part of a cohort (a reviewer with reviews, a criterion used in scores, a mentor
    with teams are protected by the database and refused with a message)."""

    model = Cohort

    def post(self, request: HttpRequest, kind: str, pk: int) -> HttpResponse:
        if kind not in programmes.PART_MODELS:
            raise Http404
        part = get_object_or_404(programmes.PART_MODELS[kind].objects.visible_to(request.user)
                                 .select_related("cohort"), pk=pk)
        cohort = part.cohort
        if not request.user.has_perm("innovation.manage_cohort", cohort):
            raise PermissionDenied
        try:
            programmes.remove_part(actor=request.user, kind=kind, part=part)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Removed."))
        return redirect(f"{cohort.get_absolute_url()}#{kind}")


urlpatterns = [
    *generic.object_paths("innovation/programmes", "programme", list_view=ProgrammeList,
                  detail_view=ProgrammeDetail, edit_view=ProgrammeEdit, delete_view=None),
    *generic.object_paths("innovation/cohorts", "cohort", list_view=CohortList,
                  detail_view=CohortDetail, edit_view=CohortEdit, delete_view=None),
    path("innovation/cohorts/<int:pk>/steps/<slug:step>/", CohortStep.as_view(),
         name="cohort_step"),
    path("innovation/cohorts/<int:pk>/<slug:kind>/add/", CohortPartAdd.as_view(),
         name="cohort_part_add"),
    path("innovation/cohort-parts/<slug:kind>/<int:pk>/delete/", CohortPartRemove.as_view(),
         name="cohort_part_delete"),
]
