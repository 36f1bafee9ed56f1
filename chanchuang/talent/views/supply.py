"""Pages of the supply (人才供给): students in school by major, class and graduation year and
by skill (counts for everyone who plans against them, the students behind each number for
staff and department staff), course grades (imported from the academic office), certificates
(a student's own claims checked by staff), and a student's own skills with their evidence."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils.translation import gettext as _

from chanchuang.core import generic_views as generic
from chanchuang.core.lookups import visible_or_none
from chanchuang.core.models import Major, Student
from chanchuang.core.queries import student_of
from chanchuang.talent.choices import CertificateStatus, EvidenceKind
from chanchuang.talent.exports import supply as exports
from chanchuang.talent.filters.supply import (
    CertificateFilterSet,
    CourseGradeFilterSet,
    SupplyStudentFilterSet,
)
from chanchuang.talent.forms.supply import CertificateForm, RejectForm
from chanchuang.talent.models import Certificate, CourseGrade, Skill
from chanchuang.talent.queries import supply as queries
from chanchuang.talent.services import supply as services
from chanchuang.talent.tables.supply import (
    CertificateTable,
    CourseGradeTable,
    SupplyStudentTable,
)


class CourseGradeList(generic.ObjectListView):
    """Course grades of the students the user supervises, imported from the academic
    office."""

    model = CourseGrade
    table_class = CourseGradeTable
    filterset_class = CourseGradeFilterSet
    exporter_class = exports.CourseGradeExporter
    import_kind = "grades"
    list_permission = "talent.view_students_behind"
    related = ("student__user", "student__school_class", "course")


class CertificateList(generic.ObjectListView):
    """Certificates: the students' the user supervises, or a student's own."""

    model = Certificate
    table_class = CertificateTable
    filterset_class = CertificateFilterSet
    exporter_class = exports.CertificateExporter
    import_kind = "certificates"
    list_permission = "talent.view_certificates"
    related = ("student__user",)
    prefetch = ("skills",)


class CertificateDetail(generic.ObjectDetailView):
    """A certificate with its skills and scan; staff verify or reject one awaiting check."""

    model = Certificate
    template_name = "talent/supply/certificate_detail.html"
    related = ("student__user", "student__major", "checked_by")
    prefetch = ("skills",)

    def extra_context(self, certificate):
        can_check = self.request.user.has_perm("talent.check_certificate", certificate)
        return {"can_check": can_check, "reject_form": RejectForm() if can_check else None}


class CertificateEdit(generic.ObjectEditView):
    """Record a certificate (a student their own, claimed; staff or department staff for a
    student, verified) or change one awaiting check."""

    model = Certificate
    form_class = CertificateForm

    def save(self, form):
        user = self.request.user
        certificate = form.instance
        skills = list(form.cleaned_data["skills"])
        if certificate.pk:
            return services.change_certificate(actor=user, certificate=certificate,
                                               skills=skills)
        student = services.student_for_certificate(user, form.cleaned_data.get("student"))
        if student is None:
            raise services.DomainError(_("Student: choose the student."), field="student")
        certificate.student = student
        verified = user.has_perm("talent.check_certificate", certificate)
        return services.record_certificate(actor=user, certificate=certificate, skills=skills,
                                           verified=verified)


class CertificateDelete(generic.ObjectDeleteView):
    """Delete a certificate awaiting check."""

    model = Certificate
    success_url_name = "talent:certificate_list"


class CertificateVerify(generic.ObjectActionView):
    """Verify a claimed certificate: it evidences its skills; the student is told."""

    model = Certificate
    permission = "talent.check_certificate"
    related = ("student__user",)

    def act(self, certificate, form):
        services.verify_certificate(actor=self.request.user, certificate=certificate)
        return _("Verified: the certificate now evidences its skills.")


class CertificateReject(generic.ObjectActionView):
    """Reject a claimed certificate with the reason; the student is told."""

    model = Certificate
    permission = "talent.check_certificate"
    form_class = RejectForm
    related = ("student__user",)

    def act(self, certificate, form):
        services.reject_certificate(actor=self.request.user, certificate=certificate,
                                    note=form.cleaned_data["note"])
        return _("Rejected; the student is told why.")


class CertificateScan(generic.StoredFileView):
    """A certificate's scan, for those who see the certificate."""

    model = Certificate
    field = "scan"


class Supply(generic.ScopedView):
    """The supply: students in school by major × graduation year (a major's by class), and
    per skill the students evidenced by kind. Counts only; the numbers lead to the students
    for those who supervise them."""

    model = Student

    def get(self, request):
        user = request.user
        if not user.has_perm("talent.view_supply"):
            raise PermissionDenied
        major = visible_or_none(Major, user, request.GET.get("major"))
        years = queries.graduation_years(user)
        try:
            year = int(request.GET.get("year", ""))
        except ValueError:
            year = None
        year = year if year in years else None
        return render(request, "talent/supply/supply.html", {
            "by_major": queries.by_major(user),
            "major": major,
            "by_class": queries.by_class(user, major) if major else None,
            "skills": queries.by_skill(user, major=major, year=year),
            "kinds": EvidenceKind.choices,
            "years": years, "year": year,
            "majors": list(Major.objects.visible_to(user).order_by("code")),
            "behind": user.has_perm("talent.view_students_behind"),
        })


class SupplyStudents(generic.ObjectListView):
    """The students behind a supply figure (staff: the school's, department staff: their
    department's), filtered by major, class, graduation year, skill and kind of evidence."""

    model = Student
    url_prefix = "talent:supply_students"
    rows = staticmethod(queries.students_behind)
    table_class = SupplyStudentTable
    filterset_class = SupplyStudentFilterSet
    exporter_class = exports.SupplyStudentExporter
    list_permission = "talent.view_students_behind"
    related = ("user", "major", "school_class")


class MySkills(generic.ScopedView):
    """A student's own skills, each with its evidence and where it comes from."""

    model = Skill

    def get(self, request):
        if not request.user.has_perm("talent.view_own_skills"):
            raise PermissionDenied
        student = student_of(request.user)
        if student is None:
            raise Http404
        certificates = Certificate.objects.visible_to(request.user).filter(
            student=student).exclude(status=CertificateStatus.VERIFIED).order_by("-issued_on")
        return render(request, "talent/supply/my_skills.html", {
            "student": student, "skills": queries.student_skills(student, request.user),
            "pending": list(certificates),
            "can_add": request.user.has_perm("talent.add_certificate")})


urlpatterns = [
    path("supply/", Supply.as_view(), name="supply"),
    path("supply/students/", SupplyStudents.as_view(), name="supply_students"),
    path("my-skills/", MySkills.as_view(), name="my_skills"),
    path("grades/", CourseGradeList.as_view(), name="coursegrade_list"),
    *generic.object_paths("certificates", "certificate", list_view=CertificateList,
                          detail_view=CertificateDetail, edit_view=CertificateEdit,
                          delete_view=CertificateDelete),
    path("certificates/<int:pk>/verify/", CertificateVerify.as_view(),
         name="certificate_verify"),
    path("certificates/<int:pk>/reject/", CertificateReject.as_view(),
         name="certificate_reject"),
    path("certificates/<int:pk>/scan/", CertificateScan.as_view(), name="certificate_scan"),
]
