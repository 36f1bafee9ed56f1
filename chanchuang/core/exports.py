"""Exports of the core lists. The roster lists export the columns their import reads, so an
exported file can be edited and imported again."""

from chanchuang.core import imports
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
