"""The audit log: one way to record who changed or exported what, with before/after values.

Services call ``record`` inside their transaction, so an entry exists exactly when the change
does, under a named action of the catalogue in ``core.audit_actions``. Personal data never
enters the log in clear: sensitive fields are masked.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile

from chanchuang.core.audit_actions import recordable
from chanchuang.core.identifiers import mask
from chanchuang.core.models import AuditEntry

# Fields whose values are masked in the log; passwords are never recorded at all.
SENSITIVE_FIELDS = {"phone", "id_number"}
OMITTED_FIELDS = {"password", "name_pinyin", "name_initials", "last_login"}

Snapshot = dict[str, Any]


def plain(value: Any) -> Any:
    """A JSON-friendly rendering of a field value."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, models.Model):
        return str(value)
    return value


def snapshot(obj: models.Model, extra: Snapshot | None = None) -> Snapshot:
    """The audited values of an object's concrete fields (related objects by their name)."""
    values: Snapshot = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in OMITTED_FIELDS:
            continue
        value = getattr(obj, field.name) if field.is_relation else field.value_from_object(obj)
        if field.name in SENSITIVE_FIELDS and value:
            value = mask(value)
        values[field.name] = plain(value)
    values.update(extra or {})
    return values


def diff(before: Snapshot, after: Snapshot) -> dict[str, list[Any]]:
    """Field → [before, after] for every field whose value differs."""
    return {
        name: [before.get(name), after.get(name)]
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def changes_of(pairs: dict[str, tuple[Any, Any]]) -> dict[str, list[Any]]:
    """Field → [before, after] from raw values, masked and made JSON-friendly like snapshots."""
    def shown(name: str, value: Any) -> Any:
        if name in SENSITIVE_FIELDS and value:
            return mask(value)
        return plain(value)

    return {name: [shown(name, old), shown(name, new)] for name, (old, new) in pairs.items()}


def record(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    model: type[models.Model] | None = None,
    school_id: int | None = None,
    before: Snapshot | None = None,
    after: Snapshot | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry; call it inside the transaction of the change it records. The
    action is a name of the catalogue; an unknown or retired one is refused (ValueError)."""
    action = recordable(action)
    model = model or (type(obj) if obj is not None else None)
    if school_id is None and obj is not None:
        school_id = getattr(obj, "school_id", None)
    return AuditEntry.objects.create(
        school_id=school_id,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        content_type=ContentType.objects.get_for_model(model) if model else None,
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        changes=diff(before or {}, after or {}),
        data=data or {},
    )


def record_export(
    *,
    actor,
    model: type[models.Model],
    school_id: int | None,
    rows: int,
    fields: list[str],
    personal_fields: list[str],
    filters: dict[str, Any],
    file_format: str,
) -> AuditEntry:
    """Log an export: who, how many rows, which fields (which of them personal), what filter."""
    return record(
        actor=actor,
        action="exported",
        model=model,
        school_id=school_id,
        data={
            "rows": rows,
            "fields": fields,
            "personal_fields": personal_fields,
            "filters": filters,
            "format": file_format,
        },
    )
