"""Exports of the skill dictionary and courses: the columns their imports read, so an exported
file can be corrected and imported again."""

from chanchuang.core.tabular.exporting import Exporter
from chanchuang.talent.imports import skills as imports


class SkillExporter(Exporter):
    """Skills, as the dictionary import's sheet."""

    title = imports.SkillSheet.title
    filename = "skills"
    columns = imports.SKILL_COLUMNS


class CourseExporter(Exporter):
    """Courses, as the course import's sheet."""

    title = imports.CourseSheet.title
    filename = "courses"
    columns = imports.COURSE_COLUMNS
