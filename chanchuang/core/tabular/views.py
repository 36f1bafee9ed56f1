"""Import pages: download a template, upload, watch the check, see the preview or every bad row,
confirm, and see the result. The job page polls itself while a task is running."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from chanchuang.core.choices import ImportMode, ImportStatus
from chanchuang.core.models import ImportJob, School
from chanchuang.core.services import DomainError
from chanchuang.core.tabular.jobs import confirm_import, start_import
from chanchuang.core.tabular.registry import import_kind
from chanchuang.core.tabular.templates import build_template
from chanchuang.core.visibility import scope_of

ERRORS_SHOWN = 500


class UploadForm(forms.Form):
    """The workbook to import (and, for someone managing several schools, which school)."""

    school = forms.ModelChoiceField(queryset=School.objects.none(), label=gettext_lazy("school"))
    file = forms.FileField(label=gettext_lazy("Excel workbook (.xlsx)"),
                           widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}))
    mode = forms.ChoiceField(label=gettext_lazy("mode"), choices=ImportMode.choices,
                             initial=ImportMode.UPSERT, widget=forms.RadioSelect)

    def __init__(self, *args, user, permission: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scope = scope_of(user)
        schools = School.objects.visible_to(user)
        if not scope.is_admin:
            schools = schools.filter(pk__in=scope.staff_schools)
        allowed = [s for s in schools if user.has_perm(permission, s)]
        self.fields["school"].queryset = School.objects.filter(pk__in=[s.pk for s in allowed])
        if len(allowed) == 1:
            del self.fields["school"]  # the one school the user manages
        self.schools = allowed

    def target_school(self) -> School:
        """The school to import into."""
        return self.cleaned_data.get("school") or self.schools[0]


def _kind_for(request: HttpRequest, name: str):
    kind = import_kind(name)
    if not request.user.has_perm(kind.permission):
        raise PermissionDenied
    return kind


@login_required
def import_start(request: HttpRequest, kind: str) -> HttpResponse:
    """The upload page of an import kind, with its template and recent jobs."""
    import_ = _kind_for(request, kind)
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user,
                      permission=import_.permission)
    if request.method == "POST" and form.is_valid():
        try:
            job = start_import(actor=request.user, school=form.target_school(),
                               kind=kind, upload=form.cleaned_data["file"],
                               mode=form.cleaned_data["mode"])
        except DomainError as exc:
            form.add_error("file", exc.message)
        else:
            return redirect(job.get_absolute_url())
    recent = ImportJob.objects.visible_to(request.user).filter(kind=kind) \
        .select_related("created_by")[:10]
    return render(request, "core/import_start.html", {
        "kind": import_, "form": form, "recent": recent})


@login_required
def import_template(request: HttpRequest, kind: str) -> HttpResponse:
    """The template workbook, with dropdowns of the user's school."""
    import_ = _kind_for(request, kind)
    schools = UploadForm(user=request.user, permission=import_.permission).schools
    if not schools:
        raise PermissionDenied
    content = build_template(import_, import_.template_lists(schools[0]))
    response = HttpResponse(content, content_type=(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    response["Content-Disposition"] = f'attachment; filename="{import_.name}-template.xlsx"'
    return response


@login_required
def importjob_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A job's progress, preview, errors or result; htmx polls get only the status card."""
    job = get_object_or_404(ImportJob.objects.visible_to(request.user)
                            .select_related("created_by"), pk=pk)
    context = {
        "job": job,
        "kind": import_kind(job.kind),
        "errors_shown": job.errors[:ERRORS_SHOWN],
        "errors_hidden": max(0, len(job.errors) - ERRORS_SHOWN),
        "can_confirm": job.status == ImportStatus.READY,
    }
    if request.htmx:
        return render(request, "core/inc/importjob_status.html", context)
    return render(request, "core/importjob_detail.html", context)


@login_required
@require_POST
def importjob_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Start writing a checked job."""
    job = get_object_or_404(ImportJob.objects.visible_to(request.user), pk=pk)
    if not request.user.has_perm(import_kind(job.kind).permission, job.school):
        raise PermissionDenied
    try:
        confirm_import(actor=request.user, job=job)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.info(request, _("Importing; this page follows the progress."))
    return redirect(job.get_absolute_url())
