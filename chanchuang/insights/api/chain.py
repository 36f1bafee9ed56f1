"""API of the outcome chain (成效链): the chain of a graduation year (``?graduation_year=``) or
of a bootcamp cohort (``?cohort=``), each row with its links and flags (``?flag=`` keeps the
rows carrying one), and the counts of each flag alone. School staff get the school's
graduates, department staff their department's; a cohort outside the caller's schools answers
404 like a missing one."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema

from chanchuang.core.lookups import visible_or_404
from chanchuang.innovation.models import Cohort
from chanchuang.insights.queries import chain as queries

router = Router(tags=["insights"])


class InsightsChainLinkOut(Schema):
    """One link of a chain: its evidence status (evidenced, unverified, missing, none)."""

    status: str
    text: str
    detail: str
    url: str


class InsightsChainFlagOut(Schema):
    """A flag raised on a record, with the sentence explaining it and the record's page."""

    flag: str
    label: str
    explanation: str
    url: str


class InsightsChainRowOut(Schema):
    """One graduate's chain."""

    student_id: int
    student_no: str
    name: str
    department: str
    school_class: str
    destination_id: int | None
    graduation_year: int | None
    code: str
    bootcamp: InsightsChainLinkOut
    mentor: InsightsChainLinkOut
    placement: InsightsChainLinkOut
    destination: InsightsChainLinkOut
    hired_by_host: bool
    flags: list[InsightsChainFlagOut]


class InsightsChainFlagCountOut(Schema):
    """How many rows of the selection carry a flag."""

    flag: str
    label: str
    count: int


class InsightsChainFlagsOut(Schema):
    """The counts of a selection."""

    graduation_year: int | None
    cohort_id: int | None
    graduates: int
    flagged: int
    flags: list[InsightsChainFlagCountOut]


class InsightsChainOut(InsightsChainFlagsOut):
    """The chain of a selection."""

    rows: list[InsightsChainRowOut]


def _chain(request: HttpRequest, graduation_year: int | None,
           cohort: int | None) -> queries.Chain:
    user = request.user
    if not user.has_perm("insights.view_chain"):
        raise PermissionDenied
    if cohort is not None:
        selection = queries.Selection(cohort=visible_or_404(
            Cohort.objects.select_related("programme"), user, cohort))
    else:
        selection = queries.Selection(graduation_year=graduation_year or queries.default_year(
            queries.years_of(user)))
    return queries.chain(user, selection)


def _counts(found: queries.Chain) -> dict:
    return {
        "graduation_year": found.selection.graduation_year,
        "cohort_id": found.selection.cohort.pk if found.selection.cohort else None,
        "graduates": len(found.rows), "flagged": found.flagged,
        "flags": [{"flag": flag.value, "label": str(flag.label), "count": count}
                  for flag, count in found.counts],
    }


def _link(link: queries.Link) -> dict:
    return {"status": str(link.status), "text": link.text, "detail": link.detail,
            "url": link.url}


def _row(row: queries.ChainRow) -> dict:
    student, destination = row.student, row.destination
    return {
        "student_id": student.pk, "student_no": student.student_no,
        "name": student.user.real_name, "department": student.department.name,
        "school_class": student.school_class.name if student.school_class_id else "",
        "destination_id": destination.pk if destination else None,
        "graduation_year": destination.graduation_year if destination else None,
        "code": destination.code if destination else "",
        "bootcamp": _link(row.bootcamp), "mentor": _link(row.mentor),
        "placement": _link(row.placement), "destination": _link(row.outcome),
        "hired_by_host": row.hired_by_host,
        "flags": [{"flag": str(raised.flag), "label": raised.label,
                   "explanation": raised.explanation, "url": raised.url}
                  for raised in row.flags],
    }


@router.get("/insights/chain/flags", response=InsightsChainFlagsOut)
def get_chain_flags(request: HttpRequest, graduation_year: int | None = None,
                    cohort: int | None = None):
    """How many graduates of the year (or participants of the cohort) carry each flag."""
    return _counts(_chain(request, graduation_year, cohort))


@router.get("/insights/chain", response=InsightsChainOut)
def get_chain(request: HttpRequest, graduation_year: int | None = None,
              cohort: int | None = None, flag: str | None = None):
    """The chain of each graduate of the year (or participant of the cohort), with flags."""
    found = _chain(request, graduation_year, cohort)
    return {**_counts(found), "rows": [_row(row) for row in found.rows_with(flag)]}
