"""Lookups by id from user input: the one way to turn an id a user sent into an object.

Every id that arrives in a form, an API body, an htmx request or an import is resolved through
``visible_to(user)``. An object outside the user's sight answers exactly as one that does not
exist: the same status and the same message, which repeats only the id the user sent
("岗位 #123 不存在") and never a name, so that nobody learns what another school holds.

- ``visible_or_none``: the object, or None when it is missing or out of sight;
- ``visible_or_missing``: the object, or ``Missing`` (a ``DomainError``: a form error, or 400
  in the API) naming the id;
- ``visible_or_404``: the object, or 404 (ids in the URL path);
- ``among``: a list of ids, in the order given; every missing or foreign id is listed in one
  ``Missing``.

Form fields get the same rule from ``ScopedModelForm``, which limits every choice list to
``visible_to(user)``: a foreign choice is refused as an invalid choice, like an absent one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.http import Http404
from django.utils.text import capfirst
from django.utils.translation import ngettext, pgettext

from chanchuang.core.services import DomainError


def id_list(ids: Iterable[Any]) -> str:
    """Ids as the user sent them, for a message: "#3、#7" (never the objects' names)."""
    return pgettext("list separator", ", ").join(f"#{i}" for i in ids)


class Missing(DomainError):
    """One or more ids the user sent name nothing they may see (absent or someone else's)."""

    def __init__(self, label: str, ids: list[Any], *, field: str | None = None) -> None:
        message = ngettext("%(label)s %(ids)s does not exist.",
                           "%(label)s %(ids)s do not exist.", len(ids)) % {
            "label": capfirst(label), "ids": id_list(ids)}
        super().__init__(message, field=field)
        self.ids = ids


def _visible(model_or_qs, user) -> models.QuerySet:
    queryset = model_or_qs._default_manager.all() if isinstance(model_or_qs, type) \
        else model_or_qs.all()
    if not hasattr(queryset, "visible_to"):
        raise TypeError(f"{queryset.model.__name__} has no visible_to: ids cannot be looked up.")
    return queryset.visible_to(user)


def _label(queryset: models.QuerySet, label: str | None) -> str:
    return str(label) if label is not None else str(queryset.model._meta.verbose_name)


def _as_pk(value: Any) -> int | None:
    """The integer an id stands for, or None for anything that is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    text = str(value).strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


def _one(queryset: models.QuerySet, pk: Any):
    key = _as_pk(pk)
    return None if key is None else queryset.filter(pk=key).first()


def visible_or_none(model_or_qs, user, pk: Any):
    """The object with id ``pk`` if ``user`` may see it, otherwise None."""
    return _one(_visible(model_or_qs, user), pk)


def visible_or_missing(model_or_qs, user, pk: Any, *, label: str | None = None,
                       field: str | None = None):
    """The object with id ``pk`` if ``user`` may see it; otherwise ``Missing`` naming the id
    (the same for an absent object and for someone else's)."""
    queryset = _visible(model_or_qs, user)
    obj = _one(queryset, pk)
    if obj is None:
        raise Missing(_label(queryset, label), [pk], field=field)
    return obj


def visible_or_404(model_or_qs, user, pk: Any):
    """The object with id ``pk`` if ``user`` may see it; otherwise 404 (ids in a URL)."""
    obj = visible_or_none(model_or_qs, user, pk)
    if obj is None:
        raise Http404
    return obj


def among(model_or_qs, user, ids: Iterable[Any], *, label: str | None = None,
          field: str | None = None) -> list:
    """The objects with these ids, in the order given (a repeated id repeats its object), in
    one query; if any id is absent or out of sight, ``Missing`` lists exactly those ids."""
    ids = list(ids)
    queryset = _visible(model_or_qs, user)
    keys = {_as_pk(i) for i in ids} - {None}
    by_pk = {obj.pk: obj for obj in queryset.filter(pk__in=keys)} if keys else {}
    unknown = list(dict.fromkeys(i for i in ids if _as_pk(i) not in by_pk))
    if unknown:
        raise Missing(_label(queryset, label), unknown, field=field)
    return [by_pk[_as_pk(i)] for i in ids]
