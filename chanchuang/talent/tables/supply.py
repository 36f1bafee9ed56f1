"""Tables of the supply: grades, certificates and the students behind a figure."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Student
from chanchuang.talent.choices import CertificateStatus
from chanchuang.talent.models import Certificate, CourseGrade

STATUS_COLOURS = {CertificateStatus.CLAIMED: "yellow", CertificateStatus.VERIFIED: "green",
                  CertificateStatus.REJECTED: "red"}


def certificate_badge(certificate: Certificate) -> str:
    """A certificate's status as a coloured badge."""
    return format_html('<span class="badge bg-{}-lt">{}</span>',
                       STATUS_COLOURS[certificate.status], certificate.get_status_display())


class CourseGradeTable(tables.Table):
    """Grades with the student, course and term."""

    student_no = tables.Column(accessor="student__student_no", verbose_name=_("student number"))
    name = tables.Column(accessor="student__user__real_name", verbose_name=_("name"),
                         order_by="student__user__name_pinyin")
    school_class = tables.Column(accessor="student__school_class", verbose_name=_("class"))
    course = tables.Column(linkify=lambda record: record.course.get_absolute_url())
    score = tables.Column(default="—")
    passed = tables.BooleanColumn()

    class Meta:
        model = CourseGrade
        fields = ["student_no", "name", "school_class", "course", "term", "score", "passed"]


class CertificateTable(tables.Table):
    """Certificates with their student, kind, level and status."""

    name = tables.Column(linkify=True)
    student = tables.Column(accessor="student__user__real_name", verbose_name=_("student"),
                            order_by="student__user__name_pinyin")
    student_no = tables.Column(accessor="student__student_no",
                               verbose_name=_("student number"))

    class Meta:
        model = Certificate
        fields = ["student_no", "student", "kind", "name", "level", "issued_on", "status"]

    def render_status(self, record):
        return certificate_badge(record)


class SupplyStudentTable(tables.Table):
    """Students in school behind a supply figure."""

    student_no = tables.Column(linkify=True)
    name = tables.Column(accessor="user__real_name", verbose_name=_("name"),
                         order_by="user__name_pinyin", linkify=True)
    graduation_year = tables.Column(verbose_name=_("graduation year"))

    class Meta:
        model = Student
        fields = ["student_no", "name", "major", "school_class", "enrolment_year",
                  "graduation_year"]
