"""Tables of the innovation record: credits, the conversion table, competitions, start-ups."""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property

import django_tables2 as tables
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chanchuang.innovation.models import Competition, Credit, CreditRule, Startup


def record_url(credit: Credit) -> str:
    """The innovation record page of a credit's student."""
    return reverse("innovation:student_record", args=[credit.student_id])


class CreditTable(tables.Table):
    """Credits with their student (linking to the student's record)."""

    student = tables.Column(linkify=record_url, order_by="student__user__name_pinyin",
                            accessor="student__user__real_name", verbose_name=_("student"))
    student_no = tables.Column(accessor="student__student_no",
                               verbose_name=_("student number"))
    earned_on = tables.DateColumn(format="Y-m-d")

    class Meta:
        model = Credit
        fields = ["student", "student_no", "category", "title", "award", "competition",
                  "earned_on", "credits"]


class CreditRuleTable(tables.Table):
    """The conversion table; staff get an edit link on each line."""

    level = tables.Column(default=_("any"))
    award = tables.Column(default=_("any"))
    actions = tables.Column(empty_values=(), orderable=False, verbose_name="")

    class Meta:
        model = CreditRule
        fields = ["category", "level", "award", "credits", "actions"]

    def render_actions(self, record):
        if not self.request.user.has_perm("innovation.change_creditrule", record):
            return ""
        return format_html('<a href="{}">{}</a>',
                           reverse("innovation:creditrule_edit", args=[record.pk]), _("Edit"))


class CompetitionTable(tables.Table):
    """Competitions with how many results are recorded."""

    name = tables.Column(linkify=True)
    results = tables.Column(verbose_name=_("results recorded"))

    class Meta:
        model = Competition
        fields = ["name", "level", "year", "results"]


class StartupTable(tables.Table):
    """Start-ups with their founders; the table also gives the totals of every filtered row
    (shown above it)."""

    name = tables.Column(linkify=True, order_by="name_pinyin")
    registered_on = tables.DateColumn(format="Y-m-d")
    founders = tables.Column(empty_values=(), orderable=False, verbose_name=_("founders"))

    class Meta:
        model = Startup
        fields = ["name", "credit_code", "registered_on", "project", "founders", "funding",
                  "jobs"]
        template_name = "innovation/startup_table.html"

    def render_founders(self, record):
        return "、".join(founder.user.real_name for founder in record.founders.all()) or "—"

    @cached_property
    def totals(self) -> dict[str, Decimal | int]:
        """How many start-ups, the funding they raised and the jobs they created (one query)."""
        totals = self.data.data.order_by().aggregate(count=Count("pk"), funding=Sum("funding"),
                                                     jobs=Sum("jobs"))
        return {"count": totals["count"], "funding": totals["funding"] or Decimal(0),
                "jobs": totals["jobs"] or 0}
