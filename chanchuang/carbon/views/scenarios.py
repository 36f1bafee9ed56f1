"""Pages of the scenario library (方案库), for instructors (school and department staff):
the list (with its export), a new standard scenario, a scenario's page (parameters with what
they mean, benchmarks with their sources, what each company profile and abatement option means
for a class), editing a library scenario's parameters and tables on one page, copying,
deleting, and running a scenario as a session for a class."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from chanchuang.carbon.exports.scenarios import ScenarioExporter
from chanchuang.carbon.filters import ScenarioFilterSet
from chanchuang.carbon.forms.scenarios import (
    HELP,
    RunForm,
    ScenarioCreateForm,
    ScenarioForm,
    scenario_formsets,
)
from chanchuang.carbon.models import Scenario
from chanchuang.carbon.queries import scenarios as queries
from chanchuang.carbon.services import scenarios as services
from chanchuang.carbon.services.scenarios import published_benchmarks
from chanchuang.carbon.services.sessions import create_simulation
from chanchuang.carbon.tables.scenarios import ScenarioTable, calendar_text
from chanchuang.core import generic_views as generic
from chanchuang.core.services import DomainError

TEMPLATES = "carbon/scenarios/"


def detail_url(scenario: Scenario) -> str:
    return reverse("carbon:scenario_detail", args=[scenario.pk])


class ScenarioList(generic.ObjectListView):
    """The school's library scenarios (templates; sessions' own copies are not listed)."""

    model = Scenario
    rows = staticmethod(queries.library)
    table_class = ScenarioTable
    filterset_class = ScenarioFilterSet
    exporter_class = ScenarioExporter
    list_permission = "carbon.list_scenarios"


class ScenarioAdd(generic.ScopedView):
    """A new library scenario: the standard one under the name given, then its page."""

    model = Scenario
    template_name = "core/object_edit.html"

    def _render(self, form) -> HttpResponse:
        return render(self.request, self.template_name,
                      {**self.base_context(), "form": form, "object": form.instance,
                       "creating": True})

    def get(self, request: HttpRequest) -> HttpResponse:
        self.require("add")
        return self._render(ScenarioCreateForm(user=request.user))

    def post(self, request: HttpRequest) -> HttpResponse:
        self.require("add")
        form = ScenarioCreateForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                scenario = services.create_standard_scenario(
                    actor=request.user, school=form.instance.school,
                    name=form.cleaned_data["name"])
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("Created %(object)s: check its parameters and "
                                            "companies before class.") % {"object": scenario})
                return redirect(detail_url(scenario))
        return self._render(form)


class ScenarioDetail(generic.ObjectDetailView):
    """A scenario: its parameters with their meaning, the benchmarks and their sources, each
    company profile's first year (short or long) and each abatement option's cost per tonne
    against the opening price."""

    model = Scenario
    template_name = TEMPLATES + "scenario_detail.html"
    related = ("created_by", "copied_from")

    def extra_context(self, scenario):
        user = self.request.user
        outlooks = queries.outlooks(scenario)
        balances = [row.balance for row in outlooks if row.balance is not None]
        library = scenario.is_template
        may_change = user.has_perm("carbon.change_scenario", scenario)
        return {
            "calendar": calendar_text(scenario),
            "running_minutes": round(scenario.calendar.total_seconds / 60),
            "parameter_groups": queries.parameters(scenario, HELP),
            "benchmark_rows": queries.benchmark_rows(scenario),
            "citation": published_benchmarks(),
            "outlooks": outlooks,
            "net_balance": sum(balances) if balances else None,
            "abatements": queries.abatements(scenario, [row.profile for row in outlooks]),
            "can_change": may_change,
            "can_delete": library and may_change,
            "can_copy": user.has_perm("carbon.add_scenario", scenario),
            "can_run": library and user.has_perm("carbon.add_simulation", scenario),
        }


class ScenarioEdit(generic.ScopedView):
    """Edit a library scenario on one page: its parameters, benchmarks, company profiles and
    abatement options, saved together or not at all."""

    model = Scenario
    template_name = TEMPLATES + "scenario_edit.html"

    def _scenario(self, pk) -> Scenario:
        scenario = self.get_object(pk)
        self.require("change", scenario)
        return scenario

    def _render(self, scenario: Scenario, title: str, form, formsets) -> HttpResponse:
        return render(self.request, self.template_name, {
            **self.base_context(), "object": scenario, "title": title, "form": form,
            **formsets, "has_errors": form.errors or any(
                formset.total_error_count() for formset in formsets.values())})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        scenario = self._scenario(pk)
        return self._render(scenario, str(scenario),
                            ScenarioForm(instance=scenario, user=request.user),
                            scenario_formsets(scenario))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        scenario = self._scenario(pk)
        title = str(scenario)  # the form changes the instance's name before it is saved
        form = ScenarioForm(request.POST, instance=scenario, user=request.user)
        formsets = scenario_formsets(scenario, request.POST)
        # Every form is checked, so that all the mistakes show at once.
        checked = [form.is_valid(), *(formset.is_valid() for formset in formsets.values())]
        if all(checked):
            try:
                with transaction.atomic():
                    saved = services.update_scenario(actor=request.user, form=form,
                                                     formsets=formsets)
                    if not self.get_queryset().filter(pk=saved.pk).exists():
                        raise PermissionDenied
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("Saved %(object)s.") % {"object": saved})
                return redirect(detail_url(saved))
        return self._render(scenario, title, form, formsets)


class ScenarioCopy(generic.ObjectActionView):
    """Copy a scenario into the library under "<name> (copy)", then open the copy."""

    model = Scenario
    permission = "carbon.add_scenario"

    def act(self, scenario, form):
        self.copy = services.copy_scenario(
            scenario, name=_("%(name)s (copy)") % {"name": scenario.name}, as_template=True,
            actor=self.request.user)
        return _("Copied into %(object)s.") % {"object": self.copy}

    def redirect_to(self, scenario) -> str:
        return detail_url(getattr(self, "copy", None) or scenario)


class ScenarioDelete(generic.ScopedView):
    """Confirm, then delete a library scenario (sessions keep their own copies). Who may change
    a library scenario may delete it."""

    model = Scenario
    template_name = TEMPLATES + "scenario_delete.html"

    def _scenario(self, pk) -> Scenario:
        scenario = self.get_object(pk)
        self.require("change", scenario)
        return scenario

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        scenario = self._scenario(pk)
        return render(request, self.template_name, {**self.base_context(), "object": scenario})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        scenario = self._scenario(pk)
        try:
            services.delete_scenario(actor=request.user, scenario=scenario)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect(detail_url(scenario))
        messages.success(request, _("Deleted %(object)s.") % {"object": scenario})
        return redirect("carbon:scenario_list")


class SimulationAdd(generic.ScopedView):
    """Run a library scenario: a session on its own copy, for a class, then the instructor
    console of the new session."""

    model = Scenario
    template_name = TEMPLATES + "simulation_add.html"

    def _scenario(self, pk) -> Scenario:
        scenario = self.get_object(pk)
        if not scenario.is_template:  # a session's own copy is not run again
            raise Http404
        if not self.request.user.has_perm("carbon.add_simulation", scenario):
            raise PermissionDenied
        return scenario

    def _render(self, scenario: Scenario, form) -> HttpResponse:
        return render(self.request, self.template_name,
                      {**self.base_context(), "object": scenario, "form": form})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        scenario = self._scenario(pk)
        return self._render(scenario, RunForm(user=request.user, scenario=scenario,
                                              initial={"name": scenario.name}))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        scenario = self._scenario(pk)
        form = RunForm(request.POST, user=request.user, scenario=scenario)
        if form.is_valid():
            try:
                simulation = create_simulation(
                    actor=request.user, template=scenario, name=form.cleaned_data["name"],
                    school_class=form.cleaned_data["school_class"],
                    team_size=form.cleaned_data["team_size"])
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("Session %(name)s created: students join with "
                                            "code %(code)s.") % {
                    "name": simulation.name, "code": simulation.join_code})
                return redirect("carbon:console", simulation.pk)
        return self._render(scenario, form)


urlpatterns = [
    *generic.object_paths("carbon/scenarios", "scenario", list_view=ScenarioList,
                          detail_view=ScenarioDetail, edit_view=ScenarioEdit,
                          delete_view=ScenarioDelete, add_view=ScenarioAdd),
    path("carbon/scenarios/<int:pk>/copy/", ScenarioCopy.as_view(), name="scenario_copy"),
    path("carbon/scenarios/<int:pk>/run/", SimulationAdd.as_view(), name="simulation_add"),
]
