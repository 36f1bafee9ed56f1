"""The participant's trading floor (交易大厅): the page, its state as JSON (what the live socket
pushes, for a page that cannot keep a socket open), and the participant's actions — each a POST
that answers JSON to the page's script ({ok, message}) or, without script, redirects back with
the message. Every action runs only for a participant of a running session on their own
company; ids in the form (a listing, a counterparty, an order, an abatement) are looked up
within that session, through ``visible_to`` where the participant may see the object."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views import View

from chanchuang.carbon.consumers import page_state
from chanchuang.carbon.forms import floor as forms
from chanchuang.carbon.models import Company, Order, Participant, Simulation
from chanchuang.carbon.services import compliance, trading
from chanchuang.core.services import DomainError


def visible_session(request: HttpRequest, pk: int, permission: str) -> Simulation:
    """The session through ``visible_to`` (404 outside it), then the permission (403)."""
    simulation = get_object_or_404(
        Simulation.objects.visible_to(request.user).select_related("scenario", "school_class"),
        pk=pk)
    if not request.user.has_perm(permission, simulation):
        raise PermissionDenied
    return simulation


class FloorPage(LoginRequiredMixin, View):
    """The floor of a participant (an instructor is sent to the console)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        simulation = visible_session(request, pk, "carbon.view_simulation")
        if not Participant.objects.filter(simulation=simulation, user=request.user,
                                          company__isnull=False).exists():
            return redirect("carbon:console", pk)
        return render(request, "carbon/floor/floor.html", {
            "simulation": simulation, "state": page_state(pk, request.user, {}),
            "forms": {"order": forms.OrderForm(), "block": forms.BlockForm()},
            "counterparties": simulation.companies.exclude(
                participants__user=request.user).order_by("number"),
        })


class FloorState(LoginRequiredMixin, View):
    """The page's state as JSON (the same the live socket sends)."""

    def get(self, request: HttpRequest, pk: int) -> JsonResponse:
        state = page_state(pk, request.user, {})
        if state is None:
            raise Http404
        return JsonResponse(state)


class FloorAction(LoginRequiredMixin, View):
    """A participant's action on their own company; subclasses say which form and service."""

    form_class: type
    done_message: str = ""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        simulation = visible_session(request, pk, "carbon.trade")
        self.simulation = simulation
        company = Participant.objects.select_related("company").get(
            simulation=simulation, user=request.user).company
        form = self.form_class(request.POST)
        if not form.is_valid():
            errors = [f"{form.fields[name].label}: {error}" if name in form.fields else error
                      for name, field_errors in form.errors.items() for error in field_errors]
            return self.answer(request, False, " ".join(errors))
        try:
            message = self.act(company, form.cleaned_data)
        except DomainError as error:
            return self.answer(request, False, error.message)
        return self.answer(request, True, message)

    def act(self, company: Company, data: dict) -> str:
        raise NotImplementedError

    def answer(self, request: HttpRequest, ok: bool, message: str) -> HttpResponse:
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"ok": ok, "message": message}, status=200 if ok else 400)
        (messages.success if ok else messages.error)(request, message)
        return redirect("carbon:floor", self.simulation.pk)

    def order_of(self, pk: int, **where) -> Order:
        order = Order.objects.visible_to(self.request.user).filter(
            simulation=self.simulation, pk=pk, **where).first()
        if order is None:
            raise DomainError(_("This order is not on your company's book."))
        return order


class PlaceOrder(FloorAction):
    form_class = forms.OrderForm

    def act(self, company, data):
        order = trading.place_order(company=company, side=data["side"], price=data["price"],
                                    quantity=data["quantity"])
        if order.remaining < order.quantity:
            return _("Order placed: %(done)s t traded at once, %(left)s t on the book.") % {
                "done": f"{order.quantity - order.remaining:,}", "left": f"{order.remaining:,}"}
        return _("Order placed on the book.")


class Take(FloorAction):
    form_class = forms.TakeForm

    def act(self, company, data):
        trade = trading.take(company=company, listing_id=data["listing"],
                             quantity=data["quantity"])
        return _("Traded %(quantity)s t at ¥%(price)s.") % {"quantity": f"{trade.quantity:,}",
                                                          "price": trade.price}


class Cancel(FloorAction):
    form_class = forms.forms.Form  # the order is in the URL

    def post(self, request, pk, order_pk):
        self.order_pk = order_pk
        return super().post(request, pk)

    def act(self, company, data):
        trading.cancel(order=self.order_of(self.order_pk, company=company))
        return _("Order cancelled; what it froze is released.")


class ProposeBlock(FloorAction):
    form_class = forms.BlockForm

    def act(self, company, data):
        counterparty = Company.objects.visible_to(self.request.user).filter(
            simulation=self.simulation, pk=data["counterparty"]).first()
        if counterparty is None:
            raise DomainError(_("Counterparty: choose a company of this session."))
        trading.propose_block(company=company, counterparty=counterparty, side=data["side"],
                              price=data["price"], quantity=data["quantity"])
        return _("Block proposal sent to %(name)s.") % {"name": counterparty.name}


class AnswerBlock(FloorAction):
    form_class = forms.AnswerForm

    def post(self, request, pk, order_pk):
        self.order_pk = order_pk
        return super().post(request, pk)

    def act(self, company, data):
        order = self.order_of(self.order_pk, counterparty=company)
        trade = trading.answer_block(company=company, order=order, accept=data["accept"])
        if trade is None:
            return _("Block proposal declined.")
        return _("Block trade done: %(quantity)s t at ¥%(price)s.") % {
            "quantity": f"{trade.quantity:,}", "price": trade.price}


class SetLoad(FloorAction):
    form_class = forms.LoadForm

    def act(self, company, data):
        compliance.set_load(company=company, load=Decimal(data["load"]) / 100)
        return _("Load set to %(load)s %%.") % {"load": data["load"]}


class Invest(FloorAction):
    form_class = forms.InvestForm

    def act(self, company, data):
        option = self.simulation.scenario.abatements.filter(pk=data["option"]).first()
        if option is None:
            raise DomainError(_("This abatement is not offered in this session."))
        investment = compliance.invest(company=company, option=option)
        return _("Invested in %(name)s: effective from day %(day)s.") % {
            "name": option.name, "day": investment.effective_day + 1}


class BuyOffsets(FloorAction):
    form_class = forms.OffsetForm

    def act(self, company, data):
        compliance.buy_ccer(company=company, quantity=data["quantity"])
        return _("Bought %(quantity)s t of CCER.") % {"quantity": f"{data['quantity']:,}"}


class Report(FloorAction):
    form_class = forms.forms.Form

    def act(self, company, data):
        record = compliance.report(company=company)
        return _("Emissions report filed: %(t)s t verified; you owe %(owed)s t.") % {
            "t": f"{record.verified_emissions:,}", "owed": f"{record.obligation:,}"}


class Surrender(FloorAction):
    form_class = forms.SurrenderForm

    def act(self, company, data):
        record = compliance.surrender(company=company, cea=data["cea"], ccer=data["ccer"])
        return _("Surrendered; %(owed)s t still owed for year %(year)s.") % {
            "owed": f"{record.obligation - record.surrendered:,}", "year": record.year}


urlpatterns = [
    path("carbon/<int:pk>/floor/", FloorPage.as_view(), name="floor"),
    path("carbon/<int:pk>/state/", FloorState.as_view(), name="state"),
    path("carbon/<int:pk>/orders/", PlaceOrder.as_view(), name="order"),
    path("carbon/<int:pk>/orders/<int:order_pk>/cancel/", Cancel.as_view(), name="cancel"),
    path("carbon/<int:pk>/take/", Take.as_view(), name="take"),
    path("carbon/<int:pk>/block/", ProposeBlock.as_view(), name="block"),
    path("carbon/<int:pk>/block/<int:order_pk>/answer/", AnswerBlock.as_view(),
         name="block_answer"),
    path("carbon/<int:pk>/load/", SetLoad.as_view(), name="load"),
    path("carbon/<int:pk>/invest/", Invest.as_view(), name="invest"),
    path("carbon/<int:pk>/offsets/", BuyOffsets.as_view(), name="offsets"),
    path("carbon/<int:pk>/report/", Report.as_view(), name="report"),
    path("carbon/<int:pk>/surrender/", Surrender.as_view(), name="surrender"),
]
