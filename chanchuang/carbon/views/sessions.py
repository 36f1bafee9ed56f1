"""Pages of the sessions: the list (an instructor's sessions; a student's, with the form to
join one), joining by code (typed, or from the QR code on the classroom screen), the
instructor's console (join code and QR, clock controls, simulated traders, events, every
company's compliance, the market), and the console's actions, each a POST."""

from __future__ import annotations

import io
from decimal import Decimal

import segno
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views import View

from chanchuang.carbon.consumers import page_state
from chanchuang.carbon.exports.sessions import SimulationExporter
from chanchuang.carbon.filters import SimulationFilterSet
from chanchuang.carbon.forms import sessions as forms
from chanchuang.carbon.models import Participant, Simulation
from chanchuang.carbon.queries.sessions import session_rows
from chanchuang.carbon.services import sessions as services
from chanchuang.carbon.tables.sessions import SimulationTable
from chanchuang.carbon.views.floor import visible_session
from chanchuang.core import generic_views as generic
from chanchuang.core.services import DomainError


class SimulationList(generic.ObjectListView):
    """The sessions the user runs or joined; students also get the form to join one."""

    model = Simulation
    table_class = SimulationTable
    filterset_class = SimulationFilterSet
    exporter_class = SimulationExporter
    list_permission = "carbon.list_simulations"
    rows = staticmethod(session_rows)
    related = ("school_class", "instructor")
    template_name = "carbon/sessions/simulation_list.html"


class Join(LoginRequiredMixin, View):
    """A student joins with the code on the classroom screen (the QR code opens this page
    with the code filled in); joining again resumes their company."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(
                "carbon.join_simulation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, code: str = "") -> HttpResponse:
        form = forms.JoinForm(initial={"code": code.upper()})
        return render(request, "carbon/sessions/join.html", {"form": form})

    def post(self, request: HttpRequest, code: str = "") -> HttpResponse:
        form = forms.JoinForm(request.POST)
        if form.is_valid():
            try:
                participant = services.join(user=request.user, code=form.cleaned_data["code"])
            except DomainError as error:
                form.add_error("code", error.message)
            else:
                messages.success(request, _("You run %(company)s in %(session)s.") % {
                    "company": participant.company.name,
                    "session": participant.simulation.name})
                return redirect("carbon:floor", participant.simulation_id)
        return render(request, "carbon/sessions/join.html", {"form": form}, status=400)


class Console(LoginRequiredMixin, View):
    """The instructor's console (a participant is sent to their floor)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        simulation = visible_session(request, pk, "carbon.view_simulation")
        if not request.user.has_perm("carbon.export_simulation", simulation):
            return redirect("carbon:floor", pk)
        join_url = request.build_absolute_uri(reverse("carbon:join_code",
                                                      args=[simulation.join_code]))
        return render(request, "carbon/sessions/console.html", {
            "simulation": simulation, "state": page_state(pk, request.user, {}),
            "may_run": request.user.has_perm("carbon.run_simulation", simulation),
            "join_url": join_url,
            "forms": {"bots": forms.BotsForm(), "shock": forms.ShockForm(),
                      "benchmark": forms.BenchmarkForm(), "release": forms.ReleaseForm(),
                      "band": forms.BandForm()},
            "participants": Participant.objects.filter(simulation=simulation).select_related(
                "user", "company").order_by("company__number", "user__name_pinyin"),
        })


class JoinQr(LoginRequiredMixin, View):
    """The QR code of a session's join link, for the classroom screen (instructors only)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        simulation = visible_session(request, pk, "carbon.export_simulation")
        url = request.build_absolute_uri(reverse("carbon:join_code",
                                                 args=[simulation.join_code]))
        out = io.BytesIO()
        segno.make(url, error="m").save(out, kind="svg", scale=8, border=2, xmldecl=False)
        return HttpResponse(out.getvalue(), content_type="image/svg+xml")


class ConsoleAction(LoginRequiredMixin, View):
    """An instructor's action on a running session; subclasses name the service."""

    form_class: type | None = None

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        simulation = visible_session(request, pk, "carbon.run_simulation")
        data = {}
        if self.form_class is not None:
            form = self.form_class(request.POST)
            if not form.is_valid():
                for name, errors in form.errors.items():
                    label = form.fields[name].label if name in form.fields else ""
                    messages.error(request, f"{label}: {' '.join(errors)}")
                return redirect("carbon:console", pk)
            data = form.cleaned_data
        try:
            message = self.act(simulation, data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, message)
        return redirect("carbon:console", pk)

    def act(self, simulation: Simulation, data: dict) -> str:
        raise NotImplementedError


class Start(ConsoleAction):
    def act(self, simulation, data):
        services.start(actor=self.request.user, simulation=simulation)
        return _("The session has started: year 1 is open and allowances are pre-allocated.")


class Pause(ConsoleAction):
    def act(self, simulation, data):
        services.pause(actor=self.request.user, simulation=simulation)
        return _("Paused: the market is closed until you resume.")


class Resume(ConsoleAction):
    def act(self, simulation, data):
        services.resume(actor=self.request.user, simulation=simulation)
        return _("Resumed.")


class Advance(ConsoleAction):
    def act(self, simulation, data):
        simulation = services.advance(actor=self.request.user, simulation=simulation)
        moment = simulation.moment()
        return _("The clock now reads day %(day)s, %(time)s.") % {
            "day": moment.day + 1, "time": f"{moment.clock:%H:%M}"}


class Finish(ConsoleAction):
    def act(self, simulation, data):
        services.finish(actor=self.request.user, simulation=simulation)
        return _("The session has finished: every deadline has passed and the results are "
                 "ready.")


class AddBots(ConsoleAction):
    form_class = forms.BotsForm

    def act(self, simulation, data):
        added = services.add_bots(actor=self.request.user, simulation=simulation,
                                  strategies=data)
        return _("%(n)s simulated traders added.") % {"n": len(added)}


class OutputShock(ConsoleAction):
    form_class = forms.ShockForm

    def act(self, simulation, data):
        changed = services.output_shock(actor=self.request.user, simulation=simulation,
                                        factor=data["factor"], category=data["category"])
        return _("Output shock: %(n)s companies now produce %(factor)s × their plan.") % {
            "n": changed, "factor": data["factor"]}


class ChangeBenchmark(ConsoleAction):
    form_class = forms.BenchmarkForm

    def act(self, simulation, data):
        services.change_benchmark(actor=self.request.user, simulation=simulation,
                                  category=data["category"], supply=data["supply"])
        return _("Benchmark changed: it applies to the true-ups still to come.")


class ReleaseOffsets(ConsoleAction):
    form_class = forms.ReleaseForm

    def act(self, simulation, data):
        services.release_ccer(actor=self.request.user, simulation=simulation,
                              quantity=data["quantity"])
        return _("%(t)s t of CCER put on the desk.") % {"t": f"{data['quantity']:,}"}


class ChangeBand(ConsoleAction):
    form_class = forms.BandForm

    def act(self, simulation, data):
        services.change_band(actor=self.request.user, simulation=simulation,
                             band=Decimal(data["band"]) / 100)
        return _("Price band set to ±%(band)s %%.") % {"band": data["band"]}


urlpatterns = [
    path("carbon/", SimulationList.as_view(), name="simulation_list"),
    path("carbon/join/", Join.as_view(), name="join"),
    path("carbon/join/<str:code>/", Join.as_view(), name="join_code"),
    path("carbon/<int:pk>/", Console.as_view(), name="console"),
    path("carbon/<int:pk>/qr.svg", JoinQr.as_view(), name="qr"),
    path("carbon/<int:pk>/start/", Start.as_view(), name="start"),
    path("carbon/<int:pk>/pause/", Pause.as_view(), name="pause"),
    path("carbon/<int:pk>/resume/", Resume.as_view(), name="resume"),
    path("carbon/<int:pk>/advance/", Advance.as_view(), name="advance"),
    path("carbon/<int:pk>/finish/", Finish.as_view(), name="finish"),
    path("carbon/<int:pk>/bots/", AddBots.as_view(), name="bots"),
    path("carbon/<int:pk>/events/shock/", OutputShock.as_view(), name="shock"),
    path("carbon/<int:pk>/events/benchmark/", ChangeBenchmark.as_view(), name="benchmark"),
    path("carbon/<int:pk>/events/offsets/", ReleaseOffsets.as_view(), name="release"),
    path("carbon/<int:pk>/events/band/", ChangeBand.as_view(), name="band"),
]
