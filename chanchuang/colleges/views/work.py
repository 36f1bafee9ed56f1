"""Pages of co-developed work (共建成果): the list (with the Excel import and export), a
contribution's page, recording one with the fields of its kind, and staff confirming or
returning what an enterprise recorded."""

from __future__ import annotations

from functools import partial

from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _

from chanchuang.colleges.choices import ContributionKind, ContributionStatus
from chanchuang.colleges.exports import work as exports
from chanchuang.colleges.filters.work import ContributionFilterSet
from chanchuang.colleges.forms.work import ContributionForm, ReturnForm
from chanchuang.colleges.models import Contribution, IndustryCollege
from chanchuang.colleges.services import work as services
from chanchuang.colleges.tables.work import ContributionTable
from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import visible_or_none


class ContributionList(generic.ObjectListView):
    """Co-developed work of the colleges the user works."""

    model = Contribution
    table_class = ContributionTable
    filterset_class = ContributionFilterSet
    exporter_class = exports.ContributionExporter
    import_kind = "contributions"
    list_permission = "colleges.view_contributions"

    related = ("college", "organisation", "appointment", "client")


class ContributionDetail(generic.ObjectDetailView):
    """A contribution: its kind's fields, evidence, status and what staff said."""

    model = Contribution
    template_name = "colleges/contribution_detail.html"

    related = ("college", "organisation", "programme", "appointment__mentor",
               "appointment__title", "client", "recorded_by", "confirmed_by")

    def extra_context(self, contribution):
        user = self.request.user
        waiting = contribution.status == ContributionStatus.RECORDED
        can_review = waiting and user.has_perm("colleges.confirm_contribution", contribution)
        return {"can_review": can_review, "return_form": ReturnForm() if can_review else None}


class ContributionEdit(generic.ObjectEditView):
    """Record a piece of co-developed work (``?kind=`` gives a form of that kind's fields
    only, which works without script; ``?college=`` preselects the college), or change it."""

    model = Contribution
    form_class = ContributionForm
    template_name = "colleges/contribution_form.html"

    def _kind(self) -> str | None:
        kind = self.request.GET.get("kind")
        return kind if kind in ContributionKind.values else None

    def get(self, request, pk=None):
        obj = self._object_and_check(pk)
        college = visible_or_none(IndustryCollege, request.user, request.GET.get("college"))
        form = ContributionForm(instance=obj, user=request.user, kind=self._kind(),
                                college=college)
        return self._render(form, obj)

    def post(self, request, pk=None):
        # Bound with the kind the page was opened for, so the same fields are checked.
        self.form_class = partial(ContributionForm, kind=self._kind())
        return super().post(request, pk)

    def _render(self, form, obj):
        query = self.request.GET.copy()
        query.pop("kind", None)
        return render(self.request, self.template_name, {
            **self.base_context(), "form": form, "object": obj,
            "creating": obj._state.adding, "kinds": ContributionKind.choices,
            "kind": self._kind(), "query": query.urlencode()})

    def save(self, form):
        values = form.values()
        if form.instance.pk:
            return services.change_contribution(actor=self.request.user,
                                                contribution=form.instance, **values)
        return services.record_contribution(
            actor=self.request.user, college=form.cleaned_data["college"],
            confirm=form.cleaned_data.get("confirm", False), **values)


class ContributionDelete(generic.ObjectDeleteView):
    """Remove a contribution that has not been confirmed."""

    model = Contribution
    success_url_name = "colleges:contribution_list"


class ContributionConfirm(generic.ObjectActionView):
    """Confirm a contribution awaiting confirmation (staff)."""

    model = Contribution
    permission = "colleges.confirm_contribution"
    related = ("college",)

    def act(self, contribution, form):
        services.confirm_contribution(actor=self.request.user, contribution=contribution)
        return _("Confirmed: it counts from now on.")


class ContributionReturn(generic.ObjectActionView):
    """Return a contribution to whoever recorded it, with a note (staff)."""

    model = Contribution
    permission = "colleges.confirm_contribution"
    form_class = ReturnForm
    related = ("college",)

    def act(self, contribution, form):
        services.return_contribution(actor=self.request.user, contribution=contribution,
                                     note=form.cleaned_data["note"])
        return _("Returned with your note.")


class ContributionEvidence(generic.StoredFileView):
    """A contribution's evidence, for those who see the contribution."""

    model = Contribution
    field = "evidence"


urlpatterns = [
    *generic.object_paths("college-work", "contribution", list_view=ContributionList,
                          detail_view=ContributionDetail, edit_view=ContributionEdit,
                          delete_view=ContributionDelete),
    path("college-work/<int:pk>/confirm/", ContributionConfirm.as_view(),
         name="contribution_confirm"),
    path("college-work/<int:pk>/return/", ContributionReturn.as_view(),
         name="contribution_return"),
    path("college-work/<int:pk>/evidence/", ContributionEvidence.as_view(),
         name="contribution_evidence"),
]
