"""Tables of industry colleges and their programmes."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.models import CollegeProgramme, IndustryCollege


class IndustryCollegeTable(tables.Table):
    """Colleges with their school, founding date and members."""

    name = tables.Column(linkify=True)
    member_names = tables.Column(empty_values=(), orderable=False,
                                 verbose_name=_("member organisations"))

    class Meta:
        model = IndustryCollege
        fields = ["name", "school", "founded_on", "member_names", "dean"]

    def render_member_names(self, record):
        return "、".join(m.organisation.name for m in record.members.all()) or "—"


class CollegeProgrammeTable(tables.Table):
    """Programmes with their kind, partner and number of students."""

    name = tables.Column(linkify=True)
    student_count = tables.Column(verbose_name=_("students"))

    class Meta:
        model = CollegeProgramme
        fields = ["name", "college", "kind", "major", "partner", "start_year", "places",
                  "student_count"]
