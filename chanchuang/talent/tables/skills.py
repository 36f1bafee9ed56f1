"""Tables of the skill dictionary and courses."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from chanchuang.talent.models import Course, Skill


class SkillTable(tables.Table):
    """Skills with their category and synonyms."""

    name = tables.Column(linkify=True)
    synonyms = tables.Column(orderable=False)

    class Meta:
        model = Skill
        fields = ["school", "name", "category", "synonyms"]

    def render_synonyms(self, value):
        return "、".join(value) if value else "—"


class CourseTable(tables.Table):
    """Courses with their department, majors and skills."""

    code = tables.Column(linkify=True)
    name = tables.Column(linkify=True)
    majors = tables.ManyToManyColumn(verbose_name=_("majors"), orderable=False,
                                     transform=lambda m: m.name, separator="、")
    skills = tables.ManyToManyColumn(verbose_name=_("skills taught"), orderable=False,
                                     separator="、")

    class Meta:
        model = Course
        fields = ["school", "code", "name", "department", "credits", "majors", "skills"]
