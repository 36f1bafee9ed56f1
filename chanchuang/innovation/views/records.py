"""Pages of the innovation record: the staff list of credits (filtered, exported, imported),
recording and removing a credit, a student's record (成长档案) with its PDF and workbook, the
conversion table, competitions and start-ups."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from django.views import View

from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import visible_or_none
from chanchuang.core.models import Student
from chanchuang.core.queries import student_of
from chanchuang.core.sections import STUDENT_RECORD, sections_for
from chanchuang.innovation import documents
from chanchuang.innovation.exports import records as exports
from chanchuang.innovation.filters import records as filters
from chanchuang.innovation.forms import records as forms
from chanchuang.innovation.models import Competition, Credit, CreditRule, Startup
from chanchuang.innovation.services import records as services
from chanchuang.innovation.tables import records as tables

LINE_RELATIONS = ("competition", "project", "cohort__programme")


def record_url(student_id: int) -> str:
    """The innovation record page of a student."""
    return reverse("innovation:student_record", args=[student_id])


def with_page(obj: models.Model, url: str) -> models.Model:
    """A saved object of a model without a page of its own (not ``Linked``): the generic edit
    view sends the user to ``url`` instead."""
    obj.get_absolute_url = lambda: url
    return obj


# --- Credits ---------------------------------------------------------------------------------


class CreditList(generic.ObjectListView):
    """Every credit staff and department staff may see, filtered, exported and imported."""

    model = Credit
    table_class = tables.CreditTable
    filterset_class = filters.CreditFilterSet
    exporter_class = exports.CreditExporter
    import_kind = "credits"
    list_permission = "innovation.view_records"

    related = ("student__user", "student__department", "competition")


class CreditAdd(generic.ObjectEditView):
    """Record a credit; without credits the conversion table decides."""

    model = Credit
    form_class = forms.CreditForm

    def initial_object(self):
        """A credit of the student named in ``?student=`` (from their record), if visible."""
        student = visible_or_none(Student, self.request.user, self.request.GET.get("student"))
        return Credit(student=student) if student else Credit()

    def save(self, form):
        data = form.cleaned_data
        credit = services.record_credit(
            actor=self.request.user, student=data["student"], category=data["category"],
            title=data["title"], earned_on=data["earned_on"], credits=data["credits"],
            award=data["award"], competition=data["competition"], project=data["project"])
        return with_page(credit, record_url(credit.student_id))


class CreditRemove(generic.ObjectRemoveView):
    """Remove a wrongly recorded credit; back to the student's record."""

    model = Credit
    permission = "innovation.delete_credit"
    parent = "student"
    done_message = gettext_lazy("Credit removed.")

    related = ("student",)

    def redirect_to(self, credit):
        return record_url(credit.student_id)


# --- A student's record ----------------------------------------------------------------------


class RecordView(generic.ScopedView):
    """A student's innovation record: the student must be visible (404), and the user one who
    follows their records or the student themselves (403)."""

    model = Student

    related = ("user", "school", "department", "major", "school_class")

    def record(self, pk: Any) -> services.Record:
        """The student's record, from the credits the user may see."""
        student = self.get_object(pk)
        if not self.request.user.has_perm("innovation.view_record", student):
            raise PermissionDenied
        return services.record_of(student, Credit.objects.visible_to(self.request.user)
                                  .filter(student=student).select_related(*LINE_RELATIONS))

    def startups(self, student: Student) -> list[Startup]:
        """The start-ups the student founded."""
        return list(Startup.objects.visible_to(self.request.user).filter(founders=student))


class StudentRecord(RecordView):
    """Every line by year, which of them count, the totals, bootcamps and start-ups, and the
    sections other apps add (the positions the student took)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        record = self.record(pk)
        student = record.student
        return render(request, "innovation/records_student.html", {
            "record": record, "student": student, "startups": self.startups(student),
            "sections": sections_for(STUDENT_RECORD, student, request.user),
            "can_record": request.user.has_perm("innovation.add_credit", student),
            "can_remove": request.user.has_perm("innovation.delete_credit", student),
        })


class StudentRecordPdf(RecordView):
    """The record as a PDF (logged: it is personal data)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        record = self.record(pk)
        content = documents.render_record_pdf(record, self.startups(record.student))
        exports.log_record_export(actor=request.user, student=record.student,
                                  lines=len(record.lines), file_format="pdf")
        return generic.download(content, "application/pdf",
                         f"innovation-record-{record.student.student_no}.pdf", inline=True)


class StudentRecordXlsx(RecordView):
    """The record's lines and totals as a workbook (logged: it is personal data)."""

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        record = self.record(pk)
        content = documents.render_record_xlsx(record)
        exports.log_record_export(actor=request.user, student=record.student,
                                  lines=len(record.lines), file_format="xlsx")
        return generic.download(content, "application/vnd.openxmlformats-officedocument."
                         "spreadsheetml.sheet",
                         f"innovation-record-{record.student.student_no}.xlsx")



class MyRecord(LoginRequiredMixin, View):
    """A student's own record; nobody else has one (404)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        student = student_of(request.user)
        if student is None:
            raise Http404
        return redirect(record_url(student.pk))


# --- The conversion table --------------------------------------------------------------------


class CreditRuleList(generic.ObjectListView):
    """The school's conversion table: categories, levels and awards → credits."""

    model = CreditRule
    table_class = tables.CreditRuleTable
    filterset_class = filters.CreditRuleFilterSet
    list_permission = "innovation.view_cohorts"


class CreditRuleEdit(generic.ObjectEditView):
    """Add or change a line of the conversion table."""

    model = CreditRule
    form_class = forms.CreditRuleForm

    def save(self, form):
        return with_page(super().save(form), reverse("innovation:creditrule_list"))


class CreditRuleDelete(generic.ObjectDeleteView):
    """Take a line out of the conversion table (credits recorded with it keep their value)."""

    model = CreditRule
    success_url_name = "innovation:creditrule_list"


# --- Competitions ----------------------------------------------------------------------------


class CompetitionList(generic.ObjectListView):
    """Competitions by year, with how many results are recorded."""

    model = Competition
    table_class = tables.CompetitionTable
    filterset_class = filters.CompetitionFilterSet
    list_permission = "innovation.view_cohorts"

    def get_queryset(self):
        return super().get_queryset().annotate(results=Count("credits"))


class CompetitionDetail(generic.ObjectDetailView):
    """A competition and the results the user may see."""

    model = Competition
    template_name = "innovation/competition_detail.html"

    def extra_context(self, competition):
        return {"results": Credit.objects.visible_to(self.request.user).filter(
            competition=competition).select_related("student__user").order_by(
            "award", "student__user__name_pinyin")}


class CompetitionEdit(generic.ObjectEditView):
    """Add or change a competition."""

    model = Competition
    form_class = forms.CompetitionForm


# --- Start-ups -------------------------------------------------------------------------------


class StartupList(generic.ObjectListView):
    """Start-ups with the totals of the filtered rows (count, funding, jobs) above them."""

    model = Startup
    table_class = tables.StartupTable
    filterset_class = filters.StartupFilterSet
    list_permission = "innovation.view_cohorts"

    related = ("project",)
    prefetch = ("founders__user",)


class StartupDetail(generic.ObjectDetailView):
    """A start-up, its founders and the credits it gave them."""

    model = Startup
    template_name = "innovation/startup_detail.html"

    related = ("project",)
    prefetch = ("founders__user",)

    def extra_context(self, startup):
        return {"credits": Credit.objects.visible_to(self.request.user).filter(
            startup=startup).select_related("student__user")}


class StartupEdit(generic.ObjectEditView):
    """Register a start-up (its founders earn the start-up credit) or change it."""

    model = Startup
    form_class = forms.StartupForm

    def save(self, form):
        data = form.cleaned_data
        founders = list(data["founders"])
        if form.instance.pk:
            return services.change_startup(actor=self.request.user, startup=form.instance,
                                           founders=founders)
        return services.register_startup(
            actor=self.request.user, school=form.instance.school, name=data["name"],
            credit_code=data["credit_code"], registered_on=data["registered_on"],
            founders=founders, project=data["project"], funding=data["funding"],
            jobs=data["jobs"], notes=data["notes"])


urlpatterns = [
    path("innovation/credits/", CreditList.as_view(), name="credit_list"),
    path("innovation/credits/add/", CreditAdd.as_view(), name="credit_add"),
    path("innovation/credits/<int:pk>/delete/", CreditRemove.as_view(), name="credit_delete"),
    path("students/<int:pk>/innovation-record/", StudentRecord.as_view(),
         name="student_record"),
    path("students/<int:pk>/innovation-record/pdf/", StudentRecordPdf.as_view(),
         name="student_record_pdf"),
    path("students/<int:pk>/innovation-record/xlsx/", StudentRecordXlsx.as_view(),
         name="student_record_xlsx"),
    path("my/innovation-record/", MyRecord.as_view(), name="my_record"),
    path("innovation/credit-rules/", CreditRuleList.as_view(), name="creditrule_list"),
    path("innovation/credit-rules/add/", CreditRuleEdit.as_view(), name="creditrule_add"),
    path("innovation/credit-rules/<int:pk>/edit/", CreditRuleEdit.as_view(),
         name="creditrule_edit"),
    path("innovation/credit-rules/<int:pk>/delete/", CreditRuleDelete.as_view(),
         name="creditrule_delete"),
    *generic.object_paths("innovation/competitions", "competition", list_view=CompetitionList,
                  detail_view=CompetitionDetail, edit_view=CompetitionEdit, delete_view=None),
    *generic.object_paths("innovation/startups", "startup", list_view=StartupList,
                  detail_view=StartupDetail, edit_view=StartupEdit, delete_view=None),
]
