"""Pages of talent demand (人才需求): the list (with the Excel import and export), a demand's
page, declaring or changing one from a pasted job description (the skills it names are
suggested, ticked, to be confirmed or unticked; others added from the dictionary), the
suggestion endpoint (writes nothing), and closing a demand as filled or withdrawn. A demand
that mirrors a published position is read-only here: it links to the position."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.utils import ErrorDict
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import visible_or_none
from chanchuang.core.models import Organisation
from chanchuang.core.services import DomainError
from chanchuang.core.visibility import scope_of
from chanchuang.talent.choices import DemandOrigin, DemandStatus
from chanchuang.talent.exports.demand import DemandExporter
from chanchuang.talent.filters.demand import DemandFilterSet
from chanchuang.talent.forms.demand import CloseForm, DemandForm, SuggestForm
from chanchuang.talent.models import Demand, DemandSkill
from chanchuang.talent.queries.demand import suggested_skills
from chanchuang.talent.services import demand as services
from chanchuang.talent.tables.demand import DemandTable, window_text

SUGGESTIONS = "talent/demand/inc/suggestions.html"


class DemandList(generic.ObjectListView):
    """The talent demand the user sees."""

    model = Demand
    table_class = DemandTable
    filterset_class = DemandFilterSet
    exporter_class = DemandExporter
    import_kind = "demands"
    list_permission = "talent.view_demands"

    related = ("organisation",)
    prefetch = ("majors", "demand_skills__skill")


class DemandDetail(generic.ObjectDetailView):
    """A demand: post, enterprise, window, majors, pay band, skills (suggested or added) and
    its job description."""

    model = Demand
    template_name = "talent/demand/demand_detail.html"
    related = ("organisation", "created_by")
    prefetch = ("majors",)

    def extra_context(self, demand):
        user = self.request.user
        rows = list(DemandSkill.objects.filter(demand=demand).select_related("skill")
                    .order_by("-suggested", "skill__name"))
        can_close = (demand.status == DemandStatus.OPEN and demand.origin == DemandOrigin.DECLARED
                     and user.has_perm("talent.close_demand", demand))
        return {"skill_rows": rows, "window": window_text(demand), "can_close": can_close,
                "close_form": CloseForm() if can_close else None}


def school_of(user, organisation: Organisation | None) -> int | None:
    """The school whose dictionary suggests skills: the organisation's, or the user's one."""
    if organisation is not None:
        return organisation.school_id
    scope = scope_of(user)
    schools = sorted(scope.staff_schools | scope.organisation_schools | scope.department_schools)
    return schools[0] if schools else None


def _suggestions(user, text: str, organisation, checked=None) -> dict:
    school_id = school_of(user, organisation)
    found = suggested_skills(school_id, text) if school_id and text.strip() else []
    ticked = {s.skill.pk for s in found} if checked is None else set(checked)
    return {"suggestions": found, "checked": ticked, "asked": bool(text.strip())}


class DemandEdit(generic.ObjectEditView):
    """Declare a demand (``?organisation=`` preselects the enterprise) or change an open
    declared one. The "suggest skills" button (``_suggest``) re-renders the form with the
    suggestions of the description, without saving: the page works without script; with
    script the same button asks the suggestion endpoint and swaps in the skills only."""

    model = Demand
    form_class = DemandForm
    template_name = "talent/demand/demand_form.html"

    def get(self, request, pk=None):
        obj = self._object_and_check(pk)
        organisation = visible_or_none(Organisation, request.user,
                                       request.GET.get("organisation"))
        form = DemandForm(instance=obj, user=request.user, organisation=organisation)
        checked = None
        if not obj._state.adding:
            checked = form.initial.get("suggested_skills", [])
        context = _suggestions(request.user, f"{obj.post}\n{obj.description}"
                               if obj.pk else "", obj.organisation if obj.pk else None,
                               checked)
        return self._render(form, obj, context)

    def post(self, request, pk=None):
        obj = self._object_and_check(pk)
        form = DemandForm(request.POST, instance=obj, user=request.user)
        text = f"{request.POST.get('post', '')}\n{request.POST.get('description', '')}"
        organisation = obj.organisation if obj.pk else visible_or_none(
            Organisation, request.user, form["organisation"].value())
        if "_suggest" in request.POST:
            form._errors = ErrorDict()  # nothing is saved yet: no field is marked wrong
            return self._render(form, obj, _suggestions(request.user, text, organisation))
        checked = request.POST.getlist("suggested_skills")
        context = _suggestions(request.user, text, organisation,
                               [int(c) for c in checked if c.isdigit()])
        if form.is_valid():
            try:
                with transaction.atomic():
                    saved = self.save(form)
                    if not self.get_queryset().filter(pk=saved.pk).exists():
                        raise PermissionDenied
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("Saved %(object)s.") % {"object": saved})
                return redirect(saved.get_absolute_url())
        return self._render(form, obj, context)

    def _render(self, form, obj, suggestions=None):
        return render(self.request, self.template_name, {
            **self.base_context(), "form": form, "object": obj,
            "creating": obj._state.adding, **(suggestions or {})})

    def save(self, form):
        values = form.values()
        if form.instance.pk:
            return services.change_demand(actor=self.request.user, demand=form.instance,
                                          **values)
        return services.declare_demand(actor=self.request.user, **values)


class DemandSuggest(generic.ScopedView):
    """The skills a job description suggests, as ticked checkboxes (an htmx fragment of the
    demand form). A POST that writes nothing."""

    model = Demand

    def post(self, request):
        if not (request.user.has_perm("talent.add_demand")
                or request.user.has_perm("talent.view_demands")):
            raise PermissionDenied
        form = SuggestForm(request.POST)
        data = form.cleaned_data if form.is_valid() else {}
        organisation = visible_or_none(Organisation, request.user, data.get("organisation"))
        text = f"{data.get('post') or ''}\n{data.get('description') or ''}"
        return render(request, SUGGESTIONS, _suggestions(request.user, text, organisation))


class DemandDelete(generic.ObjectDeleteView):
    """Delete an open declared demand."""

    model = Demand
    success_url_name = "talent:demand_list"


class DemandClose(generic.ObjectActionView):
    """Close an open declared demand as filled or withdrawn."""

    model = Demand
    permission = "talent.close_demand"
    form_class = CloseForm

    def act(self, demand, form):
        services.close_demand(actor=self.request.user, demand=demand,
                              status=form.cleaned_data["status"])
        return _("The demand is closed.")


urlpatterns = [
    *generic.object_paths("demand", "demand", list_view=DemandList, detail_view=DemandDetail,
                          edit_view=DemandEdit, delete_view=DemandDelete),
    path("demand/<int:pk>/close/", DemandClose.as_view(), name="demand_close"),
    path("demand/suggest/", DemandSuggest.as_view(), name="demand_suggest"),
]
