"""Pages of the colleges app: indicators. A college's yearly targets (staff set them), its
scorecard for a year (targets against what the records give, the selection-table radar, the
founding agreement's promises against the ledger, the status-data table; each exportable) and
the records behind each number."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from chanchuang.colleges import indicators as catalogue
from chanchuang.colleges.exports import indicators as exports
from chanchuang.colleges.forms.indicators import TargetsForm
from chanchuang.colleges.models import IndustryCollege
from chanchuang.colleges.queries import indicators as queries
from chanchuang.colleges.services import indicators as services
from chanchuang.core import generic_views as generic
from chanchuang.core.services import DomainError
from chanchuang.core.tabular.exporting import export_response


def _college_page(college: IndustryCollege) -> str:
    """The college's own page, where there is one."""
    return queries.link(college)


class CollegeView(generic.ScopedView):
    """A page about one visible industry college and a year of it."""

    model = IndustryCollege
    related = ("school",)

    def college(self, pk: int, permission: str) -> IndustryCollege:
        college = self.get_object(pk)
        if not self.request.user.has_perm(permission, college):
            raise PermissionDenied
        return college

    def year(self, college: IndustryCollege, data=None) -> int:
        return queries.chosen_year(college, (data or self.request.GET).get("year"))


class Targets(CollegeView):
    """A college's targets for a year: one number per indicator (staff)."""

    def _render(self, college, year, form) -> HttpResponse:
        return render(self.request, "colleges/indicators/targets.html", {
            "college": college, "year": year, "years": queries.years_of(college), "form": form,
            "college_url": _college_page(college),
            "scorecard_url": f"{reverse('colleges:scorecard', args=[college.pk])}?year={year}"})

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        college = self.college(pk, "colleges.change_target")
        year = self.year(college)
        if request.GET.get("export") in ("xlsx", "csv"):
            card = queries.scorecard(college, year, request.user, with_status=False,
                                     with_promised=False)
            return export_response(request, exports.TargetsExporter(),
                                   exports.scorecard_rows(card),
                                   file_format=request.GET["export"],
                                   school_id=college.school_id)
        form = TargetsForm(initial_values=queries.targets_of(college, year, request.user))
        return self._render(college, year, form)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        college = self.college(pk, "colleges.change_target")
        year = self.year(college, request.POST)
        form = TargetsForm(request.POST)
        if form.is_valid():
            try:
                services.set_targets(actor=request.user, college=college, year=year,
                                     values=form.values())
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("Targets for %(year)s saved.") % {"year": year})
                return redirect(f"{reverse('colleges:scorecard', args=[college.pk])}"
                                f"?year={year}")
        return self._render(college, year, form)


class Scorecard(CollegeView):
    """A college's scorecard for a year; ``?export=xlsx`` downloads it (with
    ``&table=status``: the status-data table)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        college = self.college(pk, "colleges.view_scorecard")
        year = self.year(college)
        card = queries.scorecard(college, year, request.user)
        file_format = request.GET.get("export")
        if file_format in ("xlsx", "csv"):
            status = request.GET.get("table") == "status"
            return export_response(
                request,
                exports.StatusTableExporter() if status else exports.ScorecardExporter(),
                exports.status_rows(card) if status else exports.scorecard_rows(card),
                file_format=file_format, school_id=college.school_id)
        user = request.user
        return render(request, "colleges/indicators/scorecard.html", {
            "college": college, "year": year, "years": queries.years_of(college),
            "card": card, "college_url": _college_page(college),
            "status_titles": queries.STATUS_COLUMN_TITLES,
            "can_set_targets": user.has_perm("colleges.change_target", college),
            "can_drill": user.has_perm("colleges.view_contributions", college),
            "reports_url": reverse("colleges:annualreport_list"),
        })


class IndicatorRecords(CollegeView):
    """The records behind one indicator's value in a year, as far as the user sees them."""

    def get(self, request: HttpRequest, pk: int, code: str) -> HttpResponse:
        college = self.college(pk, "colleges.view_contributions")
        item = catalogue.indicator(code)
        if item is None:
            raise Http404
        year = self.year(college)
        values = catalogue.compute(college, year)
        return render(request, "colleges/indicators/records.html", {
            "college": college, "year": year, "indicator": item, "value": values[code],
            "value_text": queries.number(values[code]),
            "rows": queries.record_rows(item, college, year, request.user),
            "derived": [catalogue.BY_CODE[c] for c in item.derived or ()],
            "scorecard_url": f"{reverse('colleges:scorecard', args=[college.pk])}?year={year}",
        })


urlpatterns = [
    path("colleges/<int:pk>/targets/", Targets.as_view(), name="targets"),
    path("colleges/<int:pk>/scorecard/", Scorecard.as_view(), name="scorecard"),
    path("colleges/<int:pk>/scorecard/<slug:code>/", IndicatorRecords.as_view(),
         name="indicator_records"),
]
