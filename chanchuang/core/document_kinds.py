"""Kinds with a document template that staff edit: agreement types, appointment titles, and the
next ones (an industry college's programme kinds, …).

A kind is built in (no school; loaded from its app's ``data/<model name>.json``) or a school's
own, and everyone of a school sees the built-in ones and the school's. A new kind needs:

1. a subclass of ``DocumentKind`` declaring its template with ``staff_template_field`` and
   naming it in ``template_field`` (plus ``template_unreadable``, the message for a template
   that cannot be read), and a migration;
2. ``data/<model name>.json`` with the built-in kinds, ``{"template": "<file in data/>",
   "kinds": [{"code": …, "name": …, …}]}``, loaded by a migration calling ``ensure_builtin``;
3. ``document_kind_paths(...)`` in the app's ``urls.py`` (list, detail and edit pages), a detail
   template ``<app>/<model name>_detail.html`` extending ``core/documentkind_detail.html``,
   its add/change permissions in the app's ``rules.py``, and ``DocumentKindAdmin`` in its admin.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

from django.apps import apps as global_apps
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import Linked, School
from chanchuang.core.staff_templates import validate_staff_template
from chanchuang.core.visibility import Scope, VisibleQuerySet


class DocumentKindQuerySet(VisibleQuerySet):
    """Kinds: the built-in ones, and those of the user's schools."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school__isnull=True) | Q(school_id__in=scope.member_schools)

    def in_use(self) -> DocumentKindQuerySet:
        """The kinds a new document may be of."""
        return self.filter(is_active=True)


def staff_template_field(verbose_name: Any, *, help_text: Any) -> models.TextField:
    """The field holding a kind's document template, checked against the staff-template rules
    (``core.staff_templates``) whenever it is saved."""
    return models.TextField(verbose_name, validators=[validate_staff_template],
                            help_text=help_text)


class DocumentKind(Linked, models.Model):
    """A kind of document with the template it is printed from; built in (no school) or a
    school's own."""

    school = models.ForeignKey(School, verbose_name=_("school"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    code = models.SlugField(_("code"), max_length=40, blank=True,
                            help_text=_("Set on built-in types the platform relies on."))
    is_active = models.BooleanField(_("in use"), default=True)

    template_field: ClassVar[str]  # the name of the subclass's ``staff_template_field``
    template_unreadable: ClassVar[Any]  # "… template: it cannot be read (%(error)s)."

    objects = DocumentKindQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["school_id", "name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def default_template(cls) -> str:
        """The template the built-in kinds and every new one start from."""
        builtin = _builtin_data(cls)
        return (_data_folder(cls) / builtin["template"]).read_text(encoding="utf-8")


def _data_folder(model: type[models.Model]) -> Path:
    return Path(global_apps.get_app_config(model._meta.app_label).path) / "data"


def _builtin_data(model: type[models.Model]) -> dict[str, Any]:
    path = _data_folder(model) / f"{model._meta.model_name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def ensure_builtin(model: type[models.Model]) -> None:
    """Create the built-in kinds of ``model`` that are missing (``model`` may be a migration's
    historical one: only the fields the data file names are written)."""
    kind = global_apps.get_model(model._meta.label)
    template = kind.default_template()
    for row in _builtin_data(kind)["kinds"]:
        fields = {name: value for name, value in row.items() if name != "code"}
        model.objects.get_or_create(school=None, code=row["code"], defaults={
            **fields, kind.template_field: template})


def remove_builtin(model: type[models.Model]) -> None:
    """Delete the built-in kinds of ``model`` (``ensure_builtin`` undone)."""
    codes = [row["code"] for row in _builtin_data(model)["kinds"]]
    model.objects.filter(school=None, code__in=codes).delete()
