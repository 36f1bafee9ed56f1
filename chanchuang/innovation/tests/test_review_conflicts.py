"""A reviewer never reviews their own department: one rule (``scoring.reviews_own_department``)
keeps such pairs out when reviewers are assigned and refuses a review when it is submitted
(page and API), whatever changed in between."""

from __future__ import annotations

import pytest
from django.urls import reverse

from chanchuang.core.services import DomainError
from chanchuang.innovation import scoring
from chanchuang.innovation.choices import CohortPhase
from chanchuang.innovation.services import intake

OWN_DEPARTMENT = "评审不评审本院系的申请"


@pytest.fixture
def review(world):
    """mentor_chen's review of student_ma's application (餐饮与酒店管理学院), the cohort under
    review; since the assignment mentor_chen has become a reviewer for that department."""
    cohort = world.cohort
    review = world.review_chen
    cohort.phase = CohortPhase.REVIEWING
    cohort.save()
    cohort.reviewers.filter(user=world.mentor_chen).update(department=world.department_2)
    return review


def _scores(review) -> dict[str, int]:
    return {str(c.pk): 8 for c in review.application.cohort.criteria.all()}


def _unchanged(review) -> None:
    review.refresh_from_db()
    assert (review.status, review.total, review.scores) == ("assigned", None, {})


def test_the_rule_is_one_function_used_by_assignment_and_submission():
    assert "A reviewer never reviews their own department" in \
        scoring.reviews_own_department.__doc__
    assert scoring.reviews_own_department(1, frozenset({1, 2}), avoid_own_department=True)
    assert not scoring.reviews_own_department(1, frozenset({1}), avoid_own_department=False)
    assert not scoring.reviews_own_department(None, frozenset({1}), avoid_own_department=True)
    only_own = scoring.ToReview("a", departments=frozenset({1}))
    with pytest.raises(scoring.AssignmentError):
        scoring.assign_reviewers([only_own], [scoring.Reviewer("r", department=1)],
                                 per_application=1, avoid_own_department=True)


def test_a_review_from_the_reviewers_own_department_is_refused(world, review):
    with pytest.raises(DomainError, match=OWN_DEPARTMENT):
        intake.submit_review(actor=world.mentor_chen, review=review, scores=_scores(review))
    _unchanged(review)


def test_the_review_page_refuses_it_with_the_reason(client, world, review):
    client.force_login(world.mentor_chen)
    data = {f"score_{key}": value for key, value in _scores(review).items()}
    response = client.post(reverse("innovation:review_detail", args=[review.pk]), data)
    page = response.content.decode()
    assert OWN_DEPARTMENT in page and "餐饮与酒店管理学院" in page
    _unchanged(review)


def test_the_api_refuses_it_with_the_reason(client, world, review):
    client.force_login(world.mentor_chen)
    response = client.post(f"/api/v1/reviews/{review.pk}/scores",
                           {"scores": _scores(review)}, content_type="application/json")
    assert response.status_code == 400 and OWN_DEPARTMENT in response.json()["detail"]
    _unchanged(review)


def test_a_cohort_that_allows_ones_own_department_takes_the_review(world, review):
    review.application.cohort.avoid_own_department = False
    review.application.cohort.save()
    scored = intake.submit_review(actor=world.mentor_chen, review=review,
                                  scores=_scores(review))
    assert scored.status == "submitted"
