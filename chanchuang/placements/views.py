"""Pages of the placements app: plans and their calendar, positions, selection rounds (choices,
rankings, the match, publication and explanations), placements with their gates, logs,
sign-offs (also from an emailed link), evaluations, insurance, and the exceptions list."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from chanchuang.core import generic_views as generic
from chanchuang.core import services as core_services
from chanchuang.core.lookups import among
from chanchuang.core.queries import student_of
from chanchuang.core.services import DomainError
from chanchuang.core.visibility import scope_of
from chanchuang.placements import exports, filters, forms, queries, services, tables
from chanchuang.placements.choices import LogStatus, PlacementStatus, RoundStatus
from chanchuang.placements.models import (
    InsurancePolicy,
    Log,
    Placement,
    PlanBlock,
    Position,
    Preference,
    Ranking,
    SelectionRound,
    TrainingPlan,
)
from chanchuang.placements.rules import EVALUATE_AS

# --- Plans -----------------------------------------------------------------------------------


class PlanList(generic.ObjectListView):
    """Training plans."""

    model = TrainingPlan
    table_class = tables.TrainingPlanTable
    filterset_class = filters.TrainingPlanFilterSet
    list_permission = "placements.view_plans"

    related = ("department", "major", "school_class")

    def get_queryset(self):
        return super().get_queryset().annotate(position_count=Count("positions"))


class PlanDetail(generic.ObjectDetailView):
    """A plan: its calendar of blocks, positions, rounds and placements."""

    model = TrainingPlan
    template_name = "placements/trainingplan_detail.html"

    def extra_context(self, plan):
        user = self.request.user
        can_manage = user.has_perm("placements.change_trainingplan", plan)
        blocks = list(plan.blocks.all())
        return {
            "blocks": blocks,
            "calendar": queries.calendar(blocks),
            "positions": Position.objects.visible_to(user).filter(plan=plan)
            .select_related("organisation"),
            "rounds": plan.rounds.all(),
            "cohort_size": plan.students().count(),
            "placements": [
                {"label": PlacementStatus(row["status"]).label, **row}
                for row in Placement.objects.visible_to(user).filter(position__plan=plan)
                .values("status").annotate(n=Count("pk")).order_by("status")],
            "can_manage": can_manage,
            # staff, or an enterprise member publishing for their own organisation
            "can_add_position": user.has_perm("placements.add_position"),
            "block_form": forms.BlockForm() if can_manage else None,
            "round_form": forms.RoundForm() if can_manage else None,
        }


class PlanEdit(generic.ObjectEditView):
    """Create or change a plan."""

    model = TrainingPlan
    form_class = forms.TrainingPlanForm


class PlanDelete(generic.ObjectDeleteView):
    """Delete a plan with no positions."""

    model = TrainingPlan
    success_url_name = "placements:trainingplan_list"


class BlockAdd(generic.ObjectActionView):
    """Add a block to a plan's calendar."""

    model = TrainingPlan
    permission = "placements.change_trainingplan"
    form_class = forms.BlockForm

    def act(self, plan, form):
        services.add_block(actor=self.request.user, plan=plan, **form.cleaned_data)
        return _("Block added.")


class BlockDelete(generic.ObjectRemoveView):
    """Remove a block from a plan's calendar."""

    model = PlanBlock
    permission = "placements.change_trainingplan"
    parent = "plan"
    done_message = gettext_lazy("Block removed.")


class PlanExport(generic.ScopedView):
    """The plan's placements in the layout of the national internship platform."""

    model = TrainingPlan

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        plan = self.get_object(pk)
        if not request.user.has_perm("placements.manage_placement", plan):
            raise PermissionDenied
        placements = queries.placement_rows(request.user).filter(position__plan=plan).exclude(
            status=PlacementStatus.CANCELLED)
        return exports.national_report(request, plan, placements)


# --- Positions -------------------------------------------------------------------------------


class PositionList(generic.ObjectListView):
    """Positions offered to the school's plans."""

    model = Position
    table_class = tables.PositionTable
    filterset_class = filters.PositionFilterSet
    list_permission = "placements.view_plans"

    related = ("organisation", "plan")


class PositionDetail(generic.ObjectDetailView):
    """A position and its conditions."""

    model = Position
    template_name = "placements/position_detail.html"

    related = ("organisation", "plan", "agreement")
    prefetch = ("required_majors",)

    def extra_context(self, position):
        return {"placements": Placement.objects.visible_to(self.request.user).filter(
            position=position).select_related("student__user")}


class PositionEdit(generic.ObjectEditView):
    """Publish or change a position (staff, or the enterprise's own members)."""

    model = Position
    form_class = forms.PositionForm


class PositionDelete(generic.ObjectDeleteView):
    """Withdraw a position nobody has been placed at."""

    model = Position
    success_url_name = "placements:position_list"


# --- Rounds ----------------------------------------------------------------------------------


class RoundAdd(generic.ObjectActionView):
    """Open the next selection round of a plan."""

    model = TrainingPlan
    permission = "placements.run_round"
    form_class = forms.RoundForm

    def act(self, plan, form):
        self.selection = services.open_round(actor=self.request.user, plan=plan,
                                             **form.cleaned_data)
        return _("Round %(n)d is open.") % {"n": self.selection.number}

    def redirect_to(self, plan):
        selection = getattr(self, "selection", None)
        return (selection or plan).get_absolute_url()


class RoundDetail(generic.ObjectDetailView):
    """A round: for staff its inputs, the run and the review; for a student their choices and
    result; for an enterprise its positions to rank and, once published, whom it admitted."""

    model = SelectionRound
    template_name = "placements/selectionround_detail.html"

    related = ("plan", "run")

    def extra_context(self, selection):
        user = self.request.user
        scope = scope_of(user)
        positions = Position.objects.filter(plan=selection.plan).select_related("organisation")
        own_positions = [p for p in positions if p.organisation_id in scope.organisation_ids]
        student = student_of(user, selection.plan.school_id)
        context = {
            "can_run": user.has_perm("placements.run_round", selection),
            "own_positions": own_positions,
            "student": student,
            "choice_count": Preference.objects.filter(round=selection).values(
                "student").distinct().count(),
            "eligible": queries.eligible_students(selection).count(),
            "ranked_positions": Ranking.objects.filter(round=selection).values(
                "position").distinct().count(),
            "position_count": len(positions),
            "before_deadline": selection.status == RoundStatus.OPEN
            and timezone.now() < selection.rankings_deadline,
        }
        if context["can_run"] and selection.left_out:
            context["left_out"] = queries.left_out(selection)
        if selection.run and selection.run.result and (
                context["can_run"] or selection.status == RoundStatus.PUBLISHED):
            context["review"] = queries.round_review(selection, positions, user)
        return context


class RoundAction(generic.ObjectActionView):
    """A staff action on a round."""

    model = SelectionRound
    permission = "placements.run_round"


class RoundRankByGrade(RoundAction):
    """Rank by grade the applicants of positions their enterprise did not rank."""

    def act(self, selection, form):
        count = services.rank_by_grade(actor=self.request.user, selection=selection)
        return _("%(n)d positions ranked by grade point average.") % {"n": count}


class RoundRun(RoundAction):
    """Freeze the inputs and run the match in the background."""

    def act(self, selection, form):
        services.start_match(actor=self.request.user, selection=selection,
                             early=self.request.POST.get("early") == "1")
        return _("Matching; the page shows the result when it is ready.")


class RoundPublish(RoundAction):
    """Publish the result: placements are created; nothing changes afterwards."""

    def act(self, selection, form):
        placements = services.publish_round(actor=self.request.user, selection=selection)
        return _("Published: %(n)d placements.") % {"n": len(placements)}


class RoundVerify(RoundAction):
    """Check again, as a background task, that the frozen inputs reproduce the result."""

    def act(self, selection, form):
        if selection.run is None:
            raise DomainError(_("Run the match before publishing."))
        core_services.request_verification(actor=self.request.user, run=selection.run)
        return _("Verifying; reload the page in a moment to see the verdict.")


class RoundStatusFragment(generic.MatchStatusFragment):
    """The round's status line, polled while the match runs."""

    model = SelectionRound

    def running(self, selection) -> bool:
        return selection.status == RoundStatus.RUNNING


class Choices(generic.ScopedView):
    """A student orders the positions they want (drag on a phone or a desktop)."""

    model = SelectionRound

    def _setup(self, pk):
        selection = self.get_object(pk)
        student = student_of(self.request.user, selection.plan.school_id)
        if student is None or not self.request.user.has_perm("placements.choose"):
            raise PermissionDenied
        return selection, student

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        selection, student = self._setup(pk)
        return render(request, "placements/choices.html", {
            "object": selection, **queries.choice_page(selection, student),
            "student": student, "open": selection.status == RoundStatus.OPEN
            and timezone.now() <= selection.choices_deadline})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        selection, student = self._setup(pk)
        try:
            positions = among(Position.objects.prefetch_related("required_majors"),
                              request.user, request.POST.getlist("position"))
            services.set_choices(actor=request.user, selection=selection, student=student,
                                 positions=positions)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Your %(n)d choices are saved.") % {"n": len(positions)})
        return redirect("placements:round_choices", pk=selection.pk)


class Rank(generic.ScopedView):
    """An enterprise (or staff) ranks the applicants of one position."""

    model = SelectionRound

    def _setup(self, pk, position_pk):
        selection = self.get_object(pk)
        position = get_object_or_404(Position.objects.visible_to(self.request.user)
                                     .filter(plan=selection.plan), pk=position_pk)
        if not self.request.user.has_perm("placements.rank", position):
            raise PermissionDenied
        return selection, position

    def get(self, request: HttpRequest, pk: int, position_pk: int) -> HttpResponse:
        selection, position = self._setup(pk, position_pk)
        ranks = {r.student_id: r for r in Ranking.objects.filter(round=selection,
                                                                  position=position)}
        applicants = [
            {"preference": pref, "ranking": ranks.get(pref.student_id)}
            for pref in Preference.objects.filter(round=selection, position=position)
            .select_related("student__user", "student__major").order_by(
                "student__user__name_pinyin")]
        applicants.sort(key=lambda a: (a["ranking"] is None,
                                       a["ranking"].rank or 0 if a["ranking"] else 0))
        return render(request, "placements/rank.html", {
            "object": selection, "position": position, "applicants": applicants,
            "free_seats": queries.free_seats(position),
            "open": selection.status == RoundStatus.OPEN
            and timezone.now() <= selection.rankings_deadline})

    def post(self, request: HttpRequest, pk: int, position_pk: int) -> HttpResponse:
        selection, position = self._setup(pk, position_pk)
        ranks: dict[int, int | None] = {}
        for key, value in request.POST.items():
            if key.startswith("rank-") and key[5:].isdigit():
                ranks[int(key[5:])] = int(value) if value.strip().isdigit() else None
        try:
            count = services.set_rankings(actor=request.user, selection=selection,
                                          position=position, ranks=ranks)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("%(n)d applicants ranked.") % {"n": count})
        return redirect("placements:round_rank", pk=selection.pk, position_pk=position.pk)


class MyResult(generic.ScopedView):
    """A student's result of a published round, with the reason for every higher choice."""

    model = SelectionRound

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        selection = self.get_object(pk)
        student = student_of(request.user, selection.plan.school_id)
        if student is None:
            raise PermissionDenied
        if selection.status != RoundStatus.PUBLISHED:
            raise Http404
        outcome = queries.explanation(selection, student)
        positions = {p.pk: p for p in Position.objects.filter(plan=selection.plan)
                     .select_related("organisation")}
        choices = Preference.objects.filter(round=selection, student=student).select_related(
            "position__organisation")
        return render(request, "placements/my_result.html", {
            "object": selection, "assigned": positions.get(outcome["assigned"]),
            "reasons": [{**r, "position": positions[r["position"]]} for r in outcome["reasons"]],
            "choices": choices,
            "placement": Placement.objects.filter(round=selection, student=student).first()})


# --- Placements ------------------------------------------------------------------------------


class PlacementList(generic.ObjectListView):
    """Placements, filtered by plan, enterprise and status."""

    model = Placement
    table_class = tables.PlacementTable
    filterset_class = filters.PlacementFilterSet
    list_permission = "placements.view_placements"
    exporter_class = exports.NationalReportExporter

    rows = queries.placement_rows


class PlacementDetail(generic.ObjectDetailView):
    """A placement: its compliance gates, records, logs, sign-offs and evaluations."""

    model = Placement
    template_name = "placements/placement_detail.html"

    rows = queries.placement_rows
    related = ("insurance", "tripartite_agreement__type", "supervisor", "student__department",
               "student__major")

    def extra_context(self, placement):
        user = self.request.user
        can_manage = user.has_perm("placements.manage_placement", placement)
        sides = {e.side: e for e in placement.evaluations.all()}
        evaluate_as = [side for side, permission in EVALUATE_AS.items()
                       if user.has_perm(permission, placement) and side not in sides]
        return {
            "verdicts": queries.check(placement),
            "logs": placement.logs.prefetch_related(Prefetch("sign_offs")),
            "evaluations": sides.values(),
            "can_manage": can_manage,
            "can_write_log": user.has_perm("placements.write_log", placement)
            and placement.status == PlacementStatus.CONFIRMED,
            "can_sign_off": user.has_perm("placements.sign_off", placement),
            "records_form": forms.PlacementRecordsForm(instance=placement, user=user)
            if can_manage else None,
            "tripartite_form": forms.TripartiteForm() if can_manage else None,
            "log_form": forms.LogForm(),
            "sign_off_form": forms.SignOffForm(),
            "evaluate_as": evaluate_as,
            "evaluation_form": forms.EvaluationForm() if evaluate_as else None,
            "sign_off_url": self.request.build_absolute_uri(reverse(
                "placements:public_sign_off", args=[services.sign_off_token(placement)]))
            if can_manage else None,
        }


class PlacementConsent(generic.StoredFileView):
    """The guardian's consent of a placement: for staff and the student, not the host."""

    model = Placement
    field = "guardian_consent"
    permission = "placements.view_guardian_consent"

    rows = queries.placement_rows


class LogAttachment(generic.StoredFileView):
    """The attachment of a milestone log, for those who see its placement."""

    model = Log
    field = "attachment"


class PlacementAction(generic.ObjectActionView):
    """An action on a placement."""

    model = Placement
    permission = "placements.manage_placement"

    rows = queries.placement_rows


class PlacementRecords(PlacementAction):
    """Save the school's records of a placement."""

    form_class = forms.PlacementRecordsForm

    def form_kwargs(self, placement):
        return {"instance": placement, "user": self.request.user}

    def act(self, placement, form):
        data = form.cleaned_data
        services.set_records(actor=self.request.user, placement=placement, **data)
        return _("Saved.")


class PlacementTripartite(PlacementAction):
    """File the signed three-party agreement."""

    form_class = forms.TripartiteForm

    def act(self, placement, form):
        services.record_tripartite(actor=self.request.user, placement=placement,
                                   signed_on=form.cleaned_data["signed_on"],
                                   scan=form.cleaned_data["scan"])
        return _("Three-party agreement filed.")


class PlacementConfirm(PlacementAction):
    """Confirm a placement if every gate passes."""

    def act(self, placement, form):
        services.confirm(actor=self.request.user, placement=placement)
        return _("Confirmed: the placement can start.")


class PlacementMailMentor(PlacementAction):
    """E-mail the enterprise mentor the sign-off link."""

    def act(self, placement, form):
        if not placement.mentor_email:
            raise DomainError(_("Record the enterprise mentor's email first."))
        link = self.request.build_absolute_uri(reverse(
            "placements:public_sign_off", args=[services.sign_off_token(placement)]))
        send_mail(_("Milestone logs of %(student)s") % {
            "student": placement.student.user.real_name},
            _("Please review and sign off the logs here (valid for %(days)d days): %(link)s")
            % {"days": services.SIGN_OFF_DAYS, "link": link}, None, [placement.mentor_email])
        return _("The sign-off link was sent to %(email)s.") % {"email": placement.mentor_email}


class LogAdd(PlacementAction):
    """A student writes a milestone log."""

    permission = "placements.write_log"
    form_class = forms.LogForm

    def act(self, placement, form):
        services.submit_log(actor=self.request.user, placement=placement, **form.cleaned_data)
        return _("Log submitted.")


class LogsSignOff(PlacementAction):
    """The enterprise (or staff) signs off or returns the chosen logs, in bulk."""

    permission = "placements.sign_off"
    form_class = forms.SignOffForm

    def act(self, placement, form):
        logs = among(placement.logs.all(), self.request.user,
                     dict.fromkeys(self.request.POST.getlist("log")))
        count = services.sign_off(logs=logs, approved=form.cleaned_data["approved"],
                                  comment=form.cleaned_data["comment"],
                                  signer=self.request.user,
                                  signer_name=self.request.user.real_name)
        return _("%(n)d logs reviewed.") % {"n": count}


class Evaluate(PlacementAction):
    """The enterprise or the school evaluates the placement (each with its own permission)."""

    form_class = forms.EvaluationForm

    def post(self, request: HttpRequest, pk: int, side: str) -> HttpResponse:
        if side not in EVALUATE_AS:
            raise Http404
        self.permission = EVALUATE_AS[side]
        return super().post(request, pk, side=side)

    def act(self, placement, form):
        side = self.kwargs["side"]
        evaluation = services.evaluate_placement(
            actor=self.request.user, placement=placement, side=side, scores=form.scores(),
            comment=form.cleaned_data["comment"])
        return _("Evaluated: %(grade)s.") % {"grade": evaluation.get_grade_display()}


class PublicSignOff(View):
    """The enterprise mentor's page from the emailed link: no account, only this placement."""

    def _placement(self, token):
        try:
            return services.placement_for_token(token), None
        except DomainError as exc:
            return None, exc.message

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        placement, error = self._placement(token)
        logs = placement.logs.filter(status=LogStatus.SUBMITTED) if placement else []
        return render(request, "placements/public_sign_off.html", {
            "placement": placement, "error": error, "logs": logs,
            "form": forms.SignOffForm(initial={"signer_name": placement.mentor_name
                                               if placement else ""})},
            status=400 if error else 200)

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        placement, error = self._placement(token)
        if error:
            return self.get(request, token)
        form = forms.SignOffForm(request.POST)
        ids = request.POST.getlist("log")
        # Only this placement's logs: another's id reads exactly like one that does not exist.
        logs = list(placement.logs.filter(pk__in=[int(i) for i in ids if i.isdigit()]))
        if len(logs) != len(set(ids)):
            messages.error(request, _("This link is for %(student)s's logs only.")
                           % {"student": placement.student.user.real_name})
        elif form.is_valid():
            try:
                count = services.sign_off(
                    logs=logs, approved=form.cleaned_data["approved"],
                    comment=form.cleaned_data["comment"], signer=None,
                    signer_name=form.cleaned_data["signer_name"] or placement.mentor_name
                    or _("enterprise mentor"), via_link=True)
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, _("%(n)d logs reviewed. Thank you.") % {"n": count})
        return redirect("placements:public_sign_off", token=token)


class Exceptions(generic.ScopedView):
    """Who is behind: confirmed placements missing a log, a sign-off, insurance or an
    agreement."""

    model = Placement

    def get(self, request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm("placements.view_exceptions"):
            raise PermissionDenied
        return render(request, "placements/exceptions.html", {
            "rows": queries.exceptions(self.get_queryset())})


# --- Insurance -------------------------------------------------------------------------------


class PolicyList(generic.ObjectListView):
    """Internship liability insurance policies."""

    model = InsurancePolicy
    table_class = tables.InsurancePolicyTable
    filterset_class = filters.InsurancePolicyFilterSet
    list_permission = "placements.add_insurancepolicy"


class PolicyDetail(generic.ObjectDetailView):
    """A policy and the placements it covers."""

    model = InsurancePolicy
    template_name = "placements/insurancepolicy_detail.html"

    def extra_context(self, policy):
        return {"placements": queries.placement_rows(self.request.user).filter(insurance=policy)}


class PolicyEdit(generic.ObjectEditView):
    """Record or change a policy."""

    model = InsurancePolicy
    form_class = forms.InsurancePolicyForm
