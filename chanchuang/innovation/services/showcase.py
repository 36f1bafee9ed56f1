"""The showcase: staff propose a project for the public page, a student of the project
consents and chooses the names shown, staff publish (or take it down). A change to what the
team agreed to (project, title, summary, image) withdraws the consent and the publication."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import audit, uploads
from chanchuang.core.models import User
from chanchuang.core.queries import student_of
from chanchuang.core.services import DomainError, validate
from chanchuang.core.uploads import CheckedUpload
from chanchuang.innovation.models import ShowcaseItem
from chanchuang.innovation.queries.showcase import shown_names

# What the team consents to: changing any of these after consent needs their consent again.
CONTENT_FIELDS = ("project", "title", "summary", "image")


def checked_image(upload) -> CheckedUpload:
    """An uploaded picture through the image policy (``core.uploads``): a real JPEG, PNG or
    WebP within its limits, re-encoded without its metadata (a phone photo's EXIF carries
    where it was taken: the public page must not)."""
    return uploads.IMAGE.accept(upload, field="image")


def _changed_content(stored: ShowcaseItem, item: ShowcaseItem) -> list[str]:
    changed = [name for name in ("project_id", "title", "summary") if
               getattr(stored, name) != getattr(item, name)]
    if stored.image.name != item.image.name or (item.image and not item.image._committed):
        changed.append("image")
    return changed


def save_item(*, actor: User, item: ShowcaseItem) -> ShowcaseItem:
    """Propose an item, or save staff's changes to it. Once the team has consented, a change to
    the project, title, summary or image withdraws the consent and takes the item off the
    public page: the team must agree to what is shown, not to an earlier version."""
    validate(item)
    if item.project.school_id != item.school_id:
        raise DomainError(_("Project: not one of the school's."), field="project")
    if item.exhibition is not None and item.exhibition.school_id != item.school_id:
        raise DomainError(_("Exhibition: not one of the school's."), field="exhibition")
    creating = item._state.adding
    before = {}
    if not creating:
        stored = ShowcaseItem.objects.get(pk=item.pk)
        before = audit.snapshot(stored)
        if stored.consent_by_id is not None and _changed_content(stored, item):
            if stored.project_id != item.project_id:
                item.display_names = ""  # names of another project's team
            item.consent_by = item.consent_at = item.published_at = None
    with transaction.atomic():
        item.save()
        audit.record(actor=actor, action="created" if creating else "changed",
                     obj=item, before=before, after=audit.snapshot(item))
    return item


def consent(*, actor: User, item: ShowcaseItem, display_names: str | list[str]) -> ShowcaseItem:
    """A student of the project agrees to the item being shown, with only the names chosen
    (each the name of one of the project's students, or none)."""
    if isinstance(display_names, list | tuple):
        display_names = "、".join(display_names)
    student = student_of(actor)
    team = list(item.project.students.select_related("user"))
    if student is None or student.pk not in {s.pk for s in team}:
        raise DomainError(_("Only a student of the project can give its consent."))
    allowed = {s.user.real_name for s in team}
    strangers = [n for n in shown_names(display_names) if n not in allowed]
    if strangers:
        raise DomainError(_("Names shown: %(names)s is not on the project; only the team's own "
                            "names can be shown.") % {"names": "、".join(strangers)},
                          field="display_names")
    with transaction.atomic():
        item.display_names = "、".join(dict.fromkeys(shown_names(display_names)))
        item.consent_by, item.consent_at = student, timezone.now()
        item.save(update_fields=["display_names", "consent_by", "consent_at"])
        audit.record(actor=actor, action="innovation.showcase.consent_given", obj=item,
                     after={"consent": True, "display_names": item.display_names})
    return item


def withdraw_consent(*, actor: User, item: ShowcaseItem) -> ShowcaseItem:
    """A student of the project withdraws the team's consent: the item leaves the public page
    at once and cannot be published again until someone of the team consents anew."""
    student = student_of(actor)
    if student is None or not item.project.students.filter(pk=student.pk).exists():
        raise DomainError(_("Only a student of the project can withdraw its consent."))
    if item.consent_by_id is None:
        raise DomainError(_("The team has not consented; there is nothing to withdraw."))
    with transaction.atomic():
        item.consent_by = item.consent_at = item.published_at = None
        item.save(update_fields=["consent_by", "consent_at", "published_at"])
        audit.record(actor=actor, action="innovation.showcase.consent_withdrawn", obj=item,
                     after={"consent": False, "published": False})
    return item


def publish(*, actor: User, item: ShowcaseItem, published: bool = True) -> ShowcaseItem:
    """Put an item on the public showcase (only with the team's consent), or take it down."""
    if published and item.consent_by_id is None:
        raise DomainError(_("The team has not consented yet; the item cannot be published."))
    if published == (item.published_at is not None):
        return item
    with transaction.atomic():
        item.published_at = timezone.now() if published else None
        item.save(update_fields=["published_at"])
        audit.record(actor=actor, action="innovation.showcase.published" if published
                     else "innovation.showcase.unpublished", obj=item,
                     after={"published": published})
    return item


