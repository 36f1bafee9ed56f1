"""Pages of the outcome chain (成效链): the chain of a graduation year (``?graduation_year=``)
or of a bootcamp cohort (its id in the path), with the counts of each flag at the top (each
links to the rows carrying it), the table of the rows and their export to Excel (logged: it
names graduates). School staff read the school's graduates, department staff their
department's; a cohort outside the user's schools is 404."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views import View
from django_tables2 import RequestConfig

from chanchuang.colleges.queries.resources import Rows
from chanchuang.core.lookups import visible_or_404
from chanchuang.core.tabular.exporting import CONTENT_TYPES, export_response
from chanchuang.innovation.models import Cohort
from chanchuang.insights.exports.chain import ChainExporter
from chanchuang.insights.models import GraduateDestination
from chanchuang.insights.queries import chain as queries
from chanchuang.insights.tables.chain import ChainTable


def year_asked(request: HttpRequest, years: list[int]) -> int:
    """The graduation year in the query string, else the latest with destinations."""
    text = request.GET.get("graduation_year", "").strip()
    return int(text) if text.isdigit() and 1900 < int(text) < 3000 \
        else queries.default_year(years)


class ChainPage(LoginRequiredMixin, View):
    """The outcome chain of a graduation year, or of a cohort (``pk``)."""

    per_page = 50

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        user = request.user
        if not user.has_perm("insights.view_chain"):
            raise PermissionDenied
        years = queries.years_of(user)
        if pk is not None:
            selection = queries.Selection(cohort=visible_or_404(
                Cohort.objects.select_related("programme"), user, pk))
        else:
            selection = queries.Selection(graduation_year=year_asked(request, years))
        found = queries.chain(user, selection)
        flag = request.GET.get("flag") if request.GET.get("flag") in queries.Flag.values \
            else None
        rows = found.rows_with(flag)
        file_format = request.GET.get("export")
        if file_format in CONTENT_TYPES:
            return export_response(request, ChainExporter(), Rows(GraduateDestination, rows),
                                   file_format=file_format,
                                   school_id=queries.export_school(user, selection))
        table = ChainTable(rows, request=request)
        RequestConfig(request, paginate={"per_page": self.per_page}).configure(table)
        query = request.GET.copy()
        for name in ("flag", "page", "export"):
            query.pop(name, None)
        if selection.cohort is None:
            query["graduation_year"] = selection.graduation_year
        return render(request, "insights/chain/chain.html", {
            "query": query.urlencode(), "export_query": request.GET.copy().urlencode(),
            "selection": selection, "chain": found, "table": table, "flag": flag,
            "flag_label": queries.Flag(flag).label if flag else "",
            "years": years, "cohorts": queries.cohorts_of(user),
            "share_limit": queries.share_limit_percent(),
            "share_least": queries.EMPLOYER_SHARE_MIN_HIRES,
        })


urlpatterns = [
    path("insights/chain/", ChainPage.as_view(), name="chain"),
    path("insights/chain/cohorts/<int:pk>/", ChainPage.as_view(), name="chain_cohort"),
]
