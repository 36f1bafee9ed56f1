"""Builders of insights objects for tests (used by the cast in cast.py). They write the rows
directly; tests of behaviour go through the services."""

from __future__ import annotations

import datetime as dt

from chanchuang.insights.choices import DestinationCode, EvidenceKind, Verification
from chanchuang.insights.models import GraduateDestination


def destination(*, student, year=2026, code=DestinationCode.LABOUR_CONTRACT,
                employer_name="华电建设集团赣江电力建设有限公司",
                verification=Verification.VERIFIED, **fields) -> GraduateDestination:
    """A graduate's destination of ``year`` (a verified labour contract unless told)."""
    fields.setdefault("evidence_kind", EvidenceKind.CONTRACT
                      if verification != Verification.MISSING else "")
    fields.setdefault("contract_start", dt.date(year, 7, 1))
    return GraduateDestination.objects.create(
        student=student, graduation_year=year, code=code, employer_name=employer_name,
        verification=verification, **fields)
