"""A cohort's parts are checked by their own rules in the service, whatever fills them in (the
cohort page's form, the API, a script): people and departments of the cohort's school only, a
department staff member reviewing for their own department."""

from __future__ import annotations

import pytest

from chanchuang.core.services import DomainError
from chanchuang.innovation.models import DepartmentQuota, Reviewer
from chanchuang.innovation.services import programmes


def test_a_part_from_another_school_is_refused_without_any_form(world):
    cohort = world.cohort
    with pytest.raises(DomainError, match="只能选择本期所属学校的"):
        programmes.add_part(actor=world.staff_wang, kind="quota", cohort=cohort,
                            part=DepartmentQuota(department=world.department_far, seats=3))
    with pytest.raises(DomainError, match="只能选择本期所属学校的"):
        programmes.add_part(actor=world.staff_wang, kind="reviewer", cohort=cohort,
                            part=Reviewer(user=world.staff_far))
    assert not cohort.quotas.exists() and cohort.reviewers.count() == 2


def test_a_department_staff_reviewer_reviews_for_their_department(world):
    reviewer = programmes.add_part(actor=world.staff_wang, kind="reviewer", cohort=world.cohort,
                                   part=Reviewer(user=world.dept_zhou))
    assert Reviewer.objects.get(pk=reviewer.pk).department == world.department
