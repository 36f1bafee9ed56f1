"""Exports of the core lists. The roster lists export the columns their import reads, so an
exported file can be edited and imported again."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core import imports
from chanchuang.core.choices import Industry, OrganisationKind
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter


class DepartmentExporter(Exporter):
    """Departments, as the roster's department sheet."""

    title = imports.DepartmentSheet.title
    filename = "departments"
    columns = imports.DepartmentSheet.columns


class MajorExporter(Exporter):
    """Majors, as the roster's major sheet."""

    title = imports.MajorSheet.title
    filename = "majors"
    columns = imports.MajorSheet.columns


class SchoolClassExporter(Exporter):
    """Classes, as the roster's class sheet."""

    title = imports.ClassSheet.title
    filename = "classes"
    columns = imports.ClassSheet.columns


class StudentExporter(Exporter):
    """Students, as the roster's student sheet (phone and ID masked unless the role needs
    them)."""

    title = imports.StudentSheet.title
    filename = "students"
    columns = imports.StudentSheet.columns


class OrganisationExporter(Exporter):
    """Organisations with their identifiers."""

    title = _("Organisations")
    filename = "organisations"
    columns = [
        Column("name", _("name")),
        Column("kind", _("kind"), kind="choice", choices=OrganisationKind),
        Column("credit_code", _("unified social credit code"), as_text=True),
        Column("industry", _("industry"), kind="choice", choices=Industry),
        Column("region", _("region"), export=lambda o: o.region.full_name if o.region else ""),
        Column("website", _("website")),
    ]
