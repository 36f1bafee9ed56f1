"""The destinations demo: this year's and last year's graduates of the demo college each have a
destination — mostly employed, about 70% verified, some with the evidence missing, about three
quarters of the employed in the province — with one implausible employer (not a registered
organisation, about 40% of this year's e-commerce class) and one start-up without a registered
company; seeding again changes nothing."""

from __future__ import annotations

from collections import Counter

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import translation

from chanchuang.core import demo as core_demo
from chanchuang.core.models import Organisation, School
from chanchuang.insights.choices import UNEMPLOYED_GROUPS, Verification
from chanchuang.insights.demo import destinations as demo
from chanchuang.insights.models import GraduateDestination
from chanchuang.insights.queries.destinations import current_year
from chanchuang.partners import demo as partners_demo


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo up to partners, then the destinations demo, once for the module and rolled
    back after it."""
    with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE), \
            transaction.atomic():
        core_demo.seed()
        partners_demo.seed()
        summary = demo.seed()
        yield summary
        transaction.set_rollback(True)


@pytest.fixture
def rows(seeded, db):
    """This demo school's destinations (``db`` makes the session set up the test database even
    when this module runs alone)."""
    school = School.objects.get(code=core_demo.MAIN_SCHOOL["code"])
    return list(GraduateDestination.objects.filter(school=school).select_related("major"))


def test_two_graduation_years_of_mostly_employed_graduates(rows, seeded):
    years = Counter(d.graduation_year for d in rows)
    assert set(years) == {current_year() - 1, current_year()}
    assert all(n > 300 for n in years.values()), years
    employed = [d for d in rows if d.group not in UNEMPLOYED_GROUPS]
    assert 0.85 < len(employed) / len(rows) < 0.96
    groups = Counter(d.group for d in rows)
    assert groups["contract"] > len(rows) / 2 and groups["study"] and groups["flexible"]
    in_province = sum(d.in_province for d in employed) / len(employed)
    assert 0.65 < in_province < 0.9, in_province
    assert any(d.is_partner for d in rows)
    assert "graduate destinations" in seeded


def test_verification_is_mixed_and_some_evidence_is_missing(rows):
    shares = Counter(d.verification for d in rows)
    assert 0.6 < shares[Verification.VERIFIED] / len(rows) < 0.8, shares
    assert shares[Verification.SELF_REPORTED] and shares[Verification.MISSING]


def test_the_implausible_employer_and_the_startup_without_a_company(rows, django_db_blocker):
    name = demo.IMPLAUSIBLE_EMPLOYER[0]
    with django_db_blocker.unblock():
        assert not Organisation.objects.filter(name=name).exists()
    hired = [d for d in rows if d.employer_name == name]
    assert hired and all(d.employer_id is None for d in hired)
    klass = [d for d in rows if d.major.code == demo.IMPLAUSIBLE_MAJOR
             and d.graduation_year == current_year()]
    assert 0.3 < len(hired) / len(klass) < 0.5
    phantom = [d for d in rows if d.employer_name == demo.PHANTOM_STARTUP]
    assert len(phantom) == 1
    assert (phantom[0].code, phantom[0].employer_credit_code, phantom[0].employer_id,
            phantom[0].verification) == ("75", "", None, Verification.MISSING)


def test_seeding_again_changes_nothing(seeded, rows):
    assert demo.seed() == ""
    assert GraduateDestination.objects.count() == len(rows)
