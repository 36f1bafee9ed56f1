"""State changes of the core domain. Each runs in a transaction, validates, and is audited.

Views and API endpoints never save models themselves: they call these functions, which raise
``DomainError`` with a message for the user when the change cannot be made.
"""

from __future__ import annotations

import random
import time
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail, send_mass_mail
from django.db import models, transaction
from django.db.models import ProtectedError
from django.forms import ModelForm
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang import matching
from chanchuang.core import audit, registry
from chanchuang.core.choices import MatchRunStatus, Role
from chanchuang.core.models import (
    ApiToken,
    MatchOutcome,
    MatchRun,
    Membership,
    Notification,
    Student,
    User,
)


class DomainError(Exception):
    """A change the domain refuses, carrying the message to show the user."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def validate(obj: models.Model) -> None:
    """Run a model's own checks; their messages become one ``DomainError``."""
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise DomainError("；".join(exc.messages)) from None


def create_object(*, actor: User, obj: models.Model, action: str = "created") -> models.Model:
    """Check a new object by its model's own rules, save it and audit its creation (under a
    named action of the catalogue where creating it is a domain step)."""
    validate(obj)
    with transaction.atomic():
        obj.save()
        audit.record(actor=actor, action=action, obj=obj, after=audit.snapshot(obj))
    return obj


def save_form(*, actor: User, form: ModelForm) -> models.Model:
    """Save a validated model form and audit the change with its before/after values."""
    instance = form.instance
    creating = instance._state.adding
    before = {} if creating else audit.snapshot(type(instance).objects.get(pk=instance.pk))
    with transaction.atomic():
        obj = form.save()
        audit.record(
            actor=actor,
            action="created" if creating else "changed",
            obj=obj,
            before=before,
            after=audit.snapshot(obj),
        )
    return obj


def delete_object(*, actor: User, obj: models.Model) -> None:
    """Delete an object, refusing with a clear message while other records still depend on it."""
    before = audit.snapshot(obj)
    try:
        with transaction.atomic():
            pk = obj.pk
            obj.delete()
            obj.pk = pk
            audit.record(actor=actor, action="deleted", obj=obj, before=before)
    except ProtectedError as exc:
        blockers = sorted({str(o._meta.verbose_name) for o in exc.protected_objects})
        raise DomainError(
            _("%(object)s cannot be deleted while %(count)d records (%(kinds)s) depend on it.")
            % {"object": obj, "count": len(exc.protected_objects), "kinds": "、".join(blockers)}
        ) from None


PERSON_FIELDS = ("real_name", "phone", "id_number")


def _student_snapshot(student: Student) -> audit.Snapshot:
    """A student's audited values, including the person's name and contact fields."""
    person = audit.snapshot(student.user)
    values = audit.snapshot(student, extra={name: person[name] for name in PERSON_FIELDS})
    del values["user"]  # the person's own fields are recorded instead
    return values


def _login_name_for(student: Student) -> str:
    """The student number as login name, prefixed by the school code if another school has it."""
    if not User.objects.filter(username=student.student_no).exists():
        return student.student_no
    return f"{student.school.code}-{student.student_no}"


def save_student(*, actor: User, student: Student, person: dict[str, Any]) -> Student:
    """Create or update a student and their login (name, phone, ID number), audited.

    A new student gets a login named by their student number, no usable password yet, and the
    student role in their school.
    """
    creating = student._state.adding
    before = {} if creating else _student_snapshot(Student.objects.get(pk=student.pk))
    with transaction.atomic():
        user = User(username=_login_name_for(student)) if creating else student.user
        for name in PERSON_FIELDS:
            setattr(user, name, person.get(name, getattr(user, name)) or "")
        if creating:
            user.set_unusable_password()
        try:
            user.full_clean(exclude=["password", "username"] if not creating else ["password"])
            user.save()
            student.user = user
            student.full_clean()
        except ValidationError as exc:
            raise DomainError("；".join(exc.messages)) from None
        student.save()
        if creating:
            Membership.objects.get_or_create(user=user, role=Role.STUDENT, school=student.school)
        audit.record(
            actor=actor,
            action="created" if creating else "changed",
            obj=student,
            before=before,
            after=_student_snapshot(student),
        )
    return student


def add_membership(*, actor: User, membership: Membership) -> Membership:
    """Give a person a role, after checking the role's scope fields."""
    try:
        membership.full_clean()
    except ValidationError as exc:
        raise DomainError("；".join(exc.messages)) from None
    with transaction.atomic():
        membership.save()
        audit.record(actor=actor, action="core.role.granted", obj=membership,
                     after=audit.snapshot(membership))
    return membership


# How long a new token may live, in days (None: until revoked); the profile page offers these.
TOKEN_LIFETIMES = (30, 90, 365, None)


def create_api_token(*, actor: User, name: str,
                     valid_days: int | None = None) -> tuple[ApiToken, str]:
    """Create an API token for the actor, valid for ``valid_days`` (None: until revoked);
    returns it with the key, which is shown only once."""
    name = name.strip()
    if not name:
        raise DomainError(_("Name: give the token a name, e.g. the system that will use it."),
                          field="name")
    if valid_days not in TOKEN_LIFETIMES:
        raise DomainError(_("Valid for: choose one of the offered lifetimes."),
                          field="valid_days")
    if actor.must_change_password:
        raise DomainError(_("Set your own password before creating API tokens."))
    key = ApiToken.new_key()
    expires_at = None if valid_days is None else timezone.now() + timedelta(days=valid_days)
    with transaction.atomic():
        token = ApiToken.objects.create(user=actor, name=name, prefix=key[3:11],
                                        digest=ApiToken.digest_of(key), expires_at=expires_at)
        audit.record(actor=actor, action="core.token.created", obj=token,
                     data={"name": name, "prefix": token.prefix,
                           "expires_at": expires_at.isoformat() if expires_at else None})
    return token, key


def revoke_all_api_tokens(*, user: User) -> int:
    """Revoke every working token of the user (their password changed); returns how many."""
    with transaction.atomic():
        tokens = list(ApiToken.objects.filter(user=user, revoked_at__isnull=True))
        if not tokens:
            return 0
        ApiToken.objects.filter(pk__in=[t.pk for t in tokens]).update(revoked_at=timezone.now())
        for token in tokens:
            audit.record(actor=None, action="core.token.revoked", obj=token,
                         data={"name": token.name, "prefix": token.prefix,
                               "reason": "password changed"})
    return len(tokens)


def revoke_api_token(*, actor: User, token: ApiToken) -> None:
    """Revoke one of the actor's API tokens; it stops working at once."""
    if token.user_id != actor.pk:
        raise DomainError(_("You can only revoke your own tokens."))
    if token.revoked_at is not None:
        raise DomainError(_("This token is already revoked."))
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(actor=actor, action="core.token.revoked", obj=token,
                     data={"name": token.name, "prefix": token.prefix})


def notify(*, user: User, title: str, body: str = "", url: str = "") -> Notification:
    """Tell one person something in the platform, and by e-mail when a server is configured."""
    notification = Notification.objects.create(user=user, title=title[:200], body=body, url=url)
    if settings.EMAIL_HOST and user.email:
        transaction.on_commit(lambda: send_mail(
            subject=title, message=f"{body}\n\n{url}".strip(),
            from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=[user.email],
            fail_silently=True))
    return notification


def notify_all(*, users, title: str, body: str = "", url: str = "") -> int:
    """Tell many people the same thing at once (one insert; e-mail to those with an address
    when a server is configured); returns how many were told."""
    users = list(users)
    Notification.objects.bulk_create([Notification(user=user, title=title[:200], body=body,
                                                   url=url) for user in users])
    recipients = [user.email for user in users if user.email]
    if settings.EMAIL_HOST and recipients:
        transaction.on_commit(lambda: send_mass_mail(
            [(title, f"{body}\n\n{url}".strip(), settings.DEFAULT_FROM_EMAIL, [address])
             for address in recipients], fail_silently=True))
    return len(users)


def mark_read(*, user: User, notifications) -> int:
    """Mark the user's notifications read; returns how many changed."""
    return notifications.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


# --- Matching runs ---------------------------------------------------------------------------


def freeze_match(*, actor: User | None, school_id: int, purpose: str, instance: dict,
                 seed: int | None = None) -> MatchRun:
    """Freeze a kernel instance as a new run and queue it as a background task (once the
    caller's transaction commits). The instance is checked now, so bad input is refused before
    anything is queued; the lottery seed is drawn now (or reused) and stored with it."""
    try:
        matching.Instance.from_dict(instance)
    except matching.InstanceError as exc:
        raise DomainError(str(exc)) from None
    if seed is None:
        seed = random.SystemRandom().randrange(2**31)
    run = MatchRun.objects.create(school_id=school_id, purpose=purpose, seed=seed,
                                  instance=instance, created_by=actor)
    transaction.on_commit(lambda: _enqueue(run.pk, "execute_match"))
    return run


def _enqueue(run_id: int, task_name: str) -> None:
    from chanchuang.core import tasks

    getattr(tasks, task_name).enqueue(run_id)


def _solve(run: MatchRun) -> matching.Result:
    return matching.solve(matching.Instance.from_dict(run.instance), seed=run.seed)


def execute_match(run_id: int) -> MatchRun:
    """Solve a queued run, store its result, timing and every participant's outcome with the
    reasons, and hand it to its purpose, all in one transaction. A run already finished (a late
    or repeated task) is left as it is."""
    with transaction.atomic():
        run = MatchRun.objects.select_for_update().get(pk=run_id)
        if run.status != MatchRunStatus.QUEUED:
            return run
        purpose = registry.match_purpose(run.purpose)
        started = time.perf_counter()
        try:
            result = _solve(run)
        except matching.InstanceError as exc:
            run.status, run.message = MatchRunStatus.FAILED, str(exc)
            run.finished_at = timezone.now()
            run.save(update_fields=["status", "message", "finished_at"])
            if purpose.on_failed:
                purpose.on_failed(run)
            return run
        instance = matching.Instance.from_dict(run.instance)
        run.result = result.to_dict()
        run.duration_ms = round((time.perf_counter() - started) * 1000)
        run.status, run.finished_at = MatchRunStatus.DONE, timezone.now()
        run.save(update_fields=["result", "duration_ms", "status", "finished_at"])
        MatchOutcome.objects.bulk_create([
            MatchOutcome(run=run, participant=participant, assigned=assigned,
                         reasons=[{"position": r.position, "choice": r.choice_number,
                                   "reason": r.reason, "cutoff_rank": r.cutoff_rank,
                                   "your_rank": r.student_rank}
                                  for r in matching.explain(instance, result, participant)])
            for participant, assigned in result.assignment.items()])
        purpose.on_done(run)
    return run


def publish_match(run: MatchRun) -> MatchRun:
    """Mark a finished run published (its result never changes afterwards) and verify, once
    and now, that solving its frozen inputs again gives the stored result; the verdict is
    stored so pages only read it. Called inside the publishing service's transaction."""
    if run.status != MatchRunStatus.DONE:
        raise DomainError(_("Run the match before publishing."))
    run.published_at = timezone.now()
    run.reproduced = _solve(run).to_dict() == run.result
    run.verified_at = run.published_at
    run.save(update_fields=["published_at", "reproduced", "verified_at"])
    return run


def request_verification(*, actor: User, run: MatchRun) -> None:
    """Queue a fresh check that the run's frozen inputs reproduce its result (a task)."""
    if run.status != MatchRunStatus.DONE:
        raise DomainError(_("Only a finished match can be verified."))
    with transaction.atomic():
        audit.record(actor=actor, action="core.match.verification_requested", obj=run)
        transaction.on_commit(lambda: _enqueue(run.pk, "verify_match"))


def verify_match(run_id: int) -> MatchRun:
    """Solve a finished run's frozen inputs again and store whether the result is the same."""
    run = MatchRun.objects.get(pk=run_id)
    run.reproduced = _solve(run).to_dict() == run.result
    run.verified_at = timezone.now()
    run.save(update_fields=["reproduced", "verified_at"])
    return run
