"""Tables of the gap's drill-downs: the demands and the students behind a number."""

from __future__ import annotations

import django_tables2 as tables
from django.urls import NoReverseMatch
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Student
from chanchuang.talent.models import Demand


def _page_of(obj) -> str:
    """The object's page, or "" where it has none."""
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:
        return ""


class DemandBehindTable(tables.Table):
    """Open demands: the enterprise, the post, how many, when, for which majors."""

    post = tables.Column(verbose_name=_("post"))
    organisation = tables.Column(verbose_name=_("enterprise"), order_by="organisation__name")
    window = tables.Column(verbose_name=_("needed"), accessor="year_from",
                           order_by=("year_from", "year_to"))
    majors = tables.Column(verbose_name=_("majors wanted"), empty_values=(), orderable=False)

    class Meta:
        model = Demand
        fields = ["post", "organisation", "headcount", "window", "majors"]

    def render_post(self, record, value):
        url = _page_of(record)
        return format_html('<a href="{}">{}</a>', url, value) if url else value

    def render_window(self, record):
        return (str(record.year_from) if record.year_from == record.year_to
                else f"{record.year_from}–{record.year_to}")

    def render_majors(self, record):
        names = [major.name for major in record.majors.all()]
        return "、".join(names) if names else _("Any major")


class StudentBehindTable(tables.Table):
    """Students in school: who they are, their major and class, when they graduate."""

    student_no = tables.Column(linkify=True)
    name = tables.Column(accessor="user__real_name", verbose_name=_("name"),
                         order_by="user__name_pinyin", linkify=True)
    graduates = tables.Column(verbose_name=_("expected graduation"), empty_values=(),
                              order_by=("enrolment_year",))

    class Meta:
        model = Student
        fields = ["student_no", "name", "department", "major", "school_class",
                  "enrolment_year", "graduates"]

    def render_graduates(self, record):
        return record.enrolment_year + record.major.duration_years
