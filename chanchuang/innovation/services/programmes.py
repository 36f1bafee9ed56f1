"""Setting a cohort up: the parts staff add to it (quotas, questions, rubric criteria,
reviewers, sessions, milestones, mentors offered) and when each may still change — the rules
cannot move under the applicants. Used by the cohort page and the API alike."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import User
from chanchuang.core.services import DomainError, delete_object, save_form
from chanchuang.innovation.choices import CohortPhase as P
from chanchuang.innovation.forms.programmes import PART_FORMS
from chanchuang.innovation.models import Cohort

PART_MODELS = {kind: form._meta.model for kind, (form, _label) in PART_FORMS.items()}
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


def add_part(*, actor: User, kind: str, cohort: Cohort, data) -> models.Model:
    """Add a part of this kind to the cohort from the fields of its form (the cohort page's and
    the API's), if this stage still allows it; every invalid field is named (audited)."""
    if not part_changeable(kind, cohort):
        raise DomainError(str(PART_LOCKED_MESSAGE))
    form = PART_FORMS[kind][0](data, cohort=cohort)
    if not form.is_valid():
        raise DomainError("；".join(
            f"{form.fields[name].label}：{error}" if name in form.fields else str(error)
            for name, errors in form.errors.items() for error in errors))
    return save_form(actor=actor, form=form)


def remove_part(*, actor: User, kind: str, part: models.Model) -> None:
    """Remove a part, if this stage still allows it (a reviewer with reviews, a criterion used
    in scores or a mentor with teams are protected and refused with a message)."""
    if not part_changeable(kind, part.cohort):
        raise DomainError(str(PART_LOCKED_MESSAGE))
    delete_object(actor=actor, obj=part)
