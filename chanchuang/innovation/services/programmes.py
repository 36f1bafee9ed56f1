"""Setting a cohort up: the parts staff add to it (quotas, questions, rubric criteria,
reviewers, sessions, milestones, mentors offered) and when each may still change — the rules
cannot move under the applicants. Used by the cohort page and the API alike."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import User
from chanchuang.core.services import DomainError, create_object, delete_object
from chanchuang.innovation.choices import CohortPhase as P
from chanchuang.innovation.models import (
    Cohort,
    CohortMentor,
    Criterion,
    DepartmentQuota,
    Milestone,
    Question,
    Reviewer,
    Session,
)
from chanchuang.innovation.models.programmes import CohortPart

PART_MODELS: dict[str, type[CohortPart]] = {  # kind in the URL → model
    "quota": DepartmentQuota, "question": Question, "criterion": Criterion,
    "reviewer": Reviewer, "session": Session, "milestone": Milestone, "mentor": CohortMentor,
}
PART_PHASES = {  # when each part may still change
    "question": {P.DRAFT},
    "criterion": {P.DRAFT, P.OPEN},
    "quota": {P.DRAFT, P.OPEN, P.REVIEWING},
    "reviewer": {P.DRAFT, P.OPEN, P.REVIEWING},
    "session": {P.DRAFT, P.OPEN, P.REVIEWING, P.SELECTED, P.RUNNING},
    "milestone": {P.DRAFT, P.OPEN, P.REVIEWING, P.SELECTED, P.RUNNING},
    "mentor": {P.DRAFT, P.OPEN, P.REVIEWING, P.SELECTED},
}
PART_LOCKED_MESSAGE = _("This part of the cohort can no longer change at this stage.")


def part_changeable(kind: str, cohort: Cohort) -> bool:
    """Whether a part of this kind may still be added or removed."""
    return cohort.phase in PART_PHASES[kind]


def require_changeable(kind: str, cohort: Cohort) -> None:
    """Refuse, before anything else is checked, a part this stage no longer lets change."""
    if not part_changeable(kind, cohort):
        raise DomainError(str(PART_LOCKED_MESSAGE))


def add_part(*, actor: User, kind: str, cohort: Cohort, part: CohortPart) -> CohortPart:
    """Add an unsaved part of this kind to the cohort, if this stage still allows it, checked
    by the part's own rules (every invalid field is named) and audited."""
    require_changeable(kind, cohort)
    part.cohort = cohort
    return create_object(actor=actor, obj=part)


def remove_part(*, actor: User, kind: str, part: models.Model) -> None:
    """Remove a part, if this stage still allows it (a reviewer with reviews, a criterion used
    in scores or a mentor with teams are protected and refused with a message)."""
    require_changeable(kind, part.cohort)
    delete_object(actor=actor, obj=part)
