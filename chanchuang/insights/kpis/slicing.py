"""How a slice narrows a queryset: the shared filter helpers every KPI module uses, so that
"of this department" and "of this industry college" mean the same thing in every figure."""

from __future__ import annotations

from django.db.models import Q

from chanchuang.colleges.models import CollegeProgramme
from chanchuang.insights.kpis import Slice


def college_majors(college_id: int):
    """The majors an industry college trains (its programmes' majors), as a subquery."""
    return CollegeProgramme.objects.filter(college_id=college_id, major__isnull=False) \
        .values("major_id")


def narrowed(queryset, piece: Slice, *, school: str = "school", department: str | None = None,
             major: str | None = None):
    """``queryset`` limited to the slice's schools and, where the model has the path, to its
    department (``department``) or its industry college's majors (``major``)."""
    queryset = queryset.filter(**{f"{school}_id__in": piece.school_ids})
    if piece.department_id is not None and department is not None:
        queryset = queryset.filter(**{f"{department}_id": piece.department_id})
    if piece.college_id is not None and major is not None:
        queryset = queryset.filter(Q(**{f"{major}_id__in": college_majors(piece.college_id)}))
    return queryset

