"""Tables of the core app (django-tables2); personal data is masked per row by permission."""

from __future__ import annotations

import re

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from chanchuang.core.identifiers import mask
from chanchuang.core.models import (
    AuditEntry,
    Department,
    ImportJob,
    Major,
    SchoolClass,
    Student,
    User,
)


class MaskedColumn(tables.Column):
    """Shows a personal value in clear only to users with ``permission`` on the row."""

    def __init__(self, *args, permission: str, **kwargs) -> None:
        super().__init__(*args, orderable=False, **kwargs)
        self.permission = permission

    def render(self, value, record, table):
        if table.request is not None and table.request.user.has_perm(self.permission, record):
            return value
        return mask(value)


class DepartmentTable(tables.Table):
    """Departments with their number of majors and students."""

    name = tables.Column(linkify=True)
    major_count = tables.Column(verbose_name=_("majors"))
    student_count = tables.Column(verbose_name=_("students"))

    class Meta:
        model = Department
        fields = ["school", "code", "name", "major_count", "student_count"]


class MajorTable(tables.Table):
    """Majors with code, department and level."""

    name = tables.Column(linkify=True)
    student_count = tables.Column(verbose_name=_("students"))

    class Meta:
        model = Major
        fields = ["school", "code", "name", "department", "level", "duration_years",
                  "student_count"]


class SchoolClassTable(tables.Table):
    """Classes with major, year and size."""

    name = tables.Column(linkify=True)
    student_count = tables.Column(verbose_name=_("students"))

    class Meta:
        model = SchoolClass
        fields = ["name", "major", "enrolment_year", "student_count"]


class StudentTable(tables.Table):
    """Students, sorted by the pinyin of their names; phones masked unless the role needs them."""

    student_no = tables.Column(linkify=True)
    name = tables.Column(accessor="user__real_name", verbose_name=_("name"),
                         order_by="user__name_pinyin", linkify=True)
    phone = MaskedColumn(accessor="user__phone", verbose_name=_("phone"),
                         permission="core.view_phone")

    class Meta:
        model = Student
        fields = ["student_no", "name", "gender", "department", "major", "school_class",
                  "enrolment_year", "phone", "status"]


class UserTable(tables.Table):
    """People and their roles."""

    real_name = tables.Column(linkify=True, order_by="name_pinyin")
    roles = tables.Column(empty_values=(), orderable=False, verbose_name=_("roles"))

    class Meta:
        model = User
        fields = ["real_name", "username", "roles", "is_active", "last_login"]

    def render_roles(self, record):
        return "、".join(sorted({m.get_role_display() for m in record.memberships.all()}))


class ImportJobTable(tables.Table):
    """Imports with their outcome."""

    original_name = tables.Column(linkify=True)
    result = tables.Column(empty_values=(), orderable=False, verbose_name=_("result"))

    class Meta:
        model = ImportJob
        fields = ["original_name", "kind", "created_by", "created_at", "status", "result"]

    def render_kind(self, value):
        from chanchuang.core.tabular.registry import IMPORT_KINDS

        return IMPORT_KINDS[value].title if value in IMPORT_KINDS else value

    def render_result(self, record):
        if record.errors:
            return _("%(n)d problems") % {"n": len(record.errors)}
        sheets = record.summary.get("sheets", [])
        created = sum(s.get("create", 0) for s in sheets)
        changed = sum(s.get("update", 0) for s in sheets)
        return _("%(c)d new, %(u)d changed") % {"c": created, "u": changed} if sheets else "—"


class AuditEntryTable(tables.Table):
    """The audit log, newest first, in words: field and choice labels, 是/否, local times."""

    actor = tables.Column(default=_("System"))
    changes = tables.Column(empty_values=(), orderable=False, verbose_name=_("changes"),
                            attrs={"td": {"class": "text-wrap audit-changes"}})

    class Meta:
        model = AuditEntry
        fields = ["created_at", "actor", "action", "content_type", "object_repr", "changes"]

    def render_action(self, record):
        return record.get_action_display()

    def render_content_type(self, value):
        model = value.model_class()
        return model._meta.verbose_name if model else value.model

    def render_changes(self, record):
        model = record.content_type.model_class() if record.content_type else None
        if record.changes:
            return format_html_join(
                "", "<div><span class=\"text-secondary\">{}</span>：{} → {}</div>",
                ((field_label(model, name), shown(model, name, old), shown(model, name, new))
                 for name, (old, new) in record.changes.items()),
            )
        if record.data:
            return format_html_join(
                "", "<div><span class=\"text-secondary\">{}</span>：{}</div>",
                ((field_label(model, name), shown(model, name, value))
                 for name, value in record.data.items()),
            )
        return "—"


# Words for the details services record beside before/after values (``data=`` of an entry).
DETAIL_LABELS = {
    "via": _("through"), "via_link": _("signed through the link"), "signer": _("signed by"),
    "logs": _("weekly logs"), "approved": _("approved"), "reason": _("reason"),
    "rows": _("rows"), "fields": _("columns"), "personal_fields": _("personal data columns"),
    "filters": _("filter"), "format": _("format"), "kind": _("kind"), "name": _("name"),
    "prefix": _("prefix"), "expires_at": _("expires at"), "round": _("round"),
    "positions": _("positions"), "ranked": _("ranked"), "published": _("published"),
    "reviews_assigned": _("reviews assigned"), "mentor_match": _("mentor match"),
    "document": _("document"), "by_default": _("by default"), "worker": _("task worker"),
}


def field_label(model, name: str) -> str:
    """The verbose name of a model's field (or of a recorded detail), else the name itself."""
    if name in DETAIL_LABELS:
        return str(DETAIL_LABELS[name])
    if model is None:
        return name
    # A field of the model itself, or of a one-to-one it is audited together with.
    candidates = [model] + [f.related_model for f in model._meta.fields if f.one_to_one]
    for candidate in candidates:
        try:
            return str(candidate._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            continue
    return name


_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def shown(model, name: str, value) -> str:
    """An audited value in words: a choice's label, 是/否, a local time, a dash for empty."""
    if value in (None, "", [], {}):
        return "—"
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, list):
        return "、".join(shown(model, name, item) for item in value)
    if isinstance(value, str) and _ISO_DATETIME.match(value):
        moment = parse_datetime(value)
        if moment is not None:
            return localtime(moment).strftime("%Y-%m-%d %H:%M") if moment.tzinfo \
                else moment.strftime("%Y-%m-%d %H:%M")
    field = _field(model, name)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def _field(model, name: str):
    """The model's field of that name, if any."""
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
