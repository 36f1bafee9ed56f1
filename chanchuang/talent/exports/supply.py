"""Exports of the supply: grades and certificates as their imports read them (with the
student's name and a certificate's status), and the students behind a supply figure."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter
from chanchuang.talent.choices import CertificateStatus
from chanchuang.talent.imports import supply as imports

NAME = Column("name", _("name"), export=lambda row: row.student.user.real_name)


class CourseGradeExporter(Exporter):
    """Course grades, as the grade import's sheet, with the student's name."""

    title = imports.GradeSheet.title
    filename = "course-grades"
    columns = [*imports.GRADE_COLUMNS[:1], NAME, *imports.GRADE_COLUMNS[1:]]


class CertificateExporter(Exporter):
    """Certificates, as the certificate import's sheet, with the name and status."""

    title = imports.CertificateSheet.title
    filename = "certificates"
    columns = [*imports.CERTIFICATE_COLUMNS[:1], NAME, *imports.CERTIFICATE_COLUMNS[1:],
               Column("status", _("status"), kind="choice", choices=CertificateStatus)]


class SupplyStudentExporter(Exporter):
    """The students behind a supply figure."""

    title = _("Students")
    filename = "supply-students"
    columns = [
        Column("student_no", pgettext_lazy("talent column", "student number")),
        Column("name", _("name"), export=lambda s: s.user.real_name),
        Column("major", _("major"), export=lambda s: s.major.name),
        Column("school_class", _("class"),
               export=lambda s: s.school_class.name if s.school_class_id else ""),
        Column("enrolment_year", _("enrolment year")),
        Column("graduation_year", _("graduation year")),
    ]
