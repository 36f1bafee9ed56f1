"""Tables of the placements app."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from chanchuang.placements.models import InsurancePolicy, Placement, Position, TrainingPlan


class TrainingPlanTable(tables.Table):
    """Plans and their cohort."""

    name = tables.Column(linkify=True)
    position_count = tables.Column(verbose_name=_("positions"))

    class Meta:
        model = TrainingPlan
        fields = ["name", "enrolment_year", "department", "major", "school_class",
                  "position_count"]


class PositionTable(tables.Table):
    """Positions with their enterprise and seats."""

    title = tables.Column(linkify=True)

    class Meta:
        model = Position
        fields = ["title", "organisation", "plan", "track", "seats", "location", "status"]


class PlacementTable(tables.Table):
    """Placements with their student, position and status."""

    student = tables.Column(accessor="student__user__real_name", verbose_name=_("student"),
                            linkify=lambda record: record.get_absolute_url(),
                            order_by="student__user__name_pinyin")
    student_no = tables.Column(accessor="student__student_no", verbose_name=_("student number"))

    class Meta:
        model = Placement
        fields = ["student", "student_no", "position", "start_date", "end_date", "status"]


class InsurancePolicyTable(tables.Table):
    """Insurance policies."""

    number = tables.Column(linkify=True)

    class Meta:
        model = InsurancePolicy
        fields = ["number", "insurer", "payer", "start_date", "end_date"]
