"""The pages of every kind with a document template (see ``core.document_kinds``): a list
(built-in and the school's own, whether each is in use), a detail page showing the template, and
an edit form that names every refused construct. An app adds them with one call in its
``urls.py``: ``*document_kind_paths("agreement-types", AgreementType, list_permission=…)``.
"""

from __future__ import annotations

from typing import Any

import django_filters
import django_tables2 as tables
from django import forms
from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from django.utils.translation import gettext_lazy as _

from chanchuang.core.document_kinds import DocumentKind
from chanchuang.core.filters import SearchFilterSet
from chanchuang.core.forms import ScopedModelForm
from chanchuang.core.generic_views import (
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
    object_paths,
)
from chanchuang.core.staff_templates import validate_staff_template


class DocumentKindTable(tables.Table):
    """Kinds, built in and the school's own."""

    name = tables.Column(linkify=True)
    owner = tables.Column(accessor="school", verbose_name=_("defined by"), default=_("built in"))
    is_active = tables.BooleanColumn()


class DocumentKindFilterSet(SearchFilterSet):
    """Kinds by name, and whether they are in use."""

    is_active = django_filters.BooleanFilter(label=_("in use"))

    def search(self, queryset, name, value):
        return queryset.filter(name__icontains=value)


class DocumentKindForm(ScopedModelForm):
    """A kind and its template (``document_kind_form`` makes one per model); a template that
    cannot be read is refused with the kind's own message."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        kind = self._meta.model
        source = cleaned.get(kind.template_field)
        if source is not None:
            try:
                validate_staff_template(source, kind.template_unreadable)
            except ValidationError as exc:
                self.add_error(kind.template_field, exc)
        return cleaned


def document_kind_form(kind: type[DocumentKind], fields: tuple[str, ...] = ()) -> type:
    """The edit form of ``kind``: school, name, its own ``fields``, the template, in use."""
    return modelform_factory(
        kind, form=DocumentKindForm,
        fields=["school", "name", *fields, kind.template_field, "is_active"],
        widgets={kind.template_field: forms.Textarea(attrs={"rows": 18,
                                                            "class": "font-monospace"})})


class DocumentKindList(ObjectListView):
    """A kind's list: built in and the school's own."""

    table_class = DocumentKindTable
    filterset_class = DocumentKindFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("school")


class DocumentKindDetail(ObjectDetailView):
    """A kind and its template, on the app's ``<app>/<model name>_detail.html`` (which extends
    ``core/documentkind_detail.html``)."""

    def extra_context(self, obj: DocumentKind) -> dict[str, Any]:
        field = obj._meta.get_field(obj.template_field)
        return {"template_label": field.verbose_name,
                "template_source": getattr(obj, obj.template_field)}


class DocumentKindEdit(ObjectEditView):
    """Create or change a kind (built-in ones only by platform admins); a new one starts from
    the built-in template."""

    def initial_object(self) -> DocumentKind:
        return self.model(**{self.model.template_field: self.model.default_template()})


def document_kind_paths(route: str, kind: type[DocumentKind], *, list_permission: str,
                        fields: tuple[str, ...] = ()) -> list:
    """The URL patterns of a kind's pages (``<model name>_list``, ``_add``, ``_detail``,
    ``_edit``; no delete, documents refer to their kind); ``fields`` are the kind's own fields
    its form shows besides the shared ones."""
    meta = kind._meta
    views = {
        role: type(f"{kind.__name__}{role.title()}", (base,), {"model": kind, **attrs})
        for role, base, attrs in (
            ("list", DocumentKindList, {"list_permission": list_permission}),
            ("detail", DocumentKindDetail, {"template_name": f"{meta.app_label}/"
                                                             f"{meta.model_name}_detail.html"}),
            ("edit", DocumentKindEdit, {"form_class": document_kind_form(kind, fields)}),
        )
    }
    return object_paths(route, meta.model_name, list_view=views["list"],
                        detail_view=views["detail"], edit_view=views["edit"], delete_view=None)
