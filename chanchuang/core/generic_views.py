"""The generic list, detail, edit and delete views every app declares its pages with.

As in NetBox, a page is a short declaration (model, table, filter, form, permission); the
mechanics live here once. Every view starts from ``Model.objects.visible_to(user)``: an object
outside it is 404, an action the user may not take on a visible object is 403. Saves run through
a service inside a transaction and the object is re-read through ``visible_to`` before commit,
so nobody can create or move an object out of their own sight.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.forms import ModelForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.translation import gettext as _
from django.views import View
from django_tables2 import RequestConfig

from chanchuang.core import uploads
from chanchuang.core.services import DomainError, delete_object, save_form
from chanchuang.core.tabular.exporting import CONTENT_TYPES, export_response
from chanchuang.core.tabular.registry import import_kind
from chanchuang.core.visibility import scope_of


def download(content: bytes, content_type: str, filename: str, *,
             inline: bool = False) -> HttpResponse:
    """A generated file (a PDF, a workbook, a zip) as a download, or shown in the browser
    (``inline``)."""
    response = HttpResponse(content, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def permission_name(model: type[models.Model], action: str) -> str:
    """``core.change_student`` for (Student, "change")."""
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


class ScopedView(LoginRequiredMixin, View):
    """A view over one model, reading it only through ``visible_to(user)``."""

    model: ClassVar[type[models.Model]]
    url_prefix: ClassVar[str | None] = None  # default: "<app_label>:<model_name>"
    # What the page reads along with each row: a ``queries`` function of the user to start from
    # instead of ``visible_to`` (it must keep to what the user sees), then ``select_related``
    # and ``prefetch_related`` arguments.
    rows: ClassVar[Callable[[Any], models.QuerySet] | None] = None
    related: ClassVar[tuple[str, ...]] = ()
    prefetch: ClassVar[tuple[Any, ...]] = ()

    def get_queryset(self) -> models.QuerySet:
        """The rows the user may see, with what the page declares it reads along with them."""
        user = self.request.user
        rows = type(self).rows
        queryset = rows(user) if rows is not None else self.model.objects.visible_to(user)
        if self.related:
            queryset = queryset.select_related(*self.related)
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        return queryset

    def get_object(self, pk: Any) -> models.Model:
        """One visible object, or 404."""
        return get_object_or_404(self.get_queryset(), pk=pk)

    def require(self, action: str, obj: models.Model | None = None) -> None:
        """Raise 403 unless the user may take ``action`` (on ``obj``)."""
        if not self.request.user.has_perm(permission_name(self.model, action), obj):
            raise PermissionDenied

    def base_context(self) -> dict[str, Any]:
        """Names every generic template uses."""
        meta = self.model._meta
        return {"verbose_name": meta.verbose_name, "verbose_name_plural": meta.verbose_name_plural,
                "url_prefix": self.url_prefix or f"{meta.app_label}:{meta.model_name}"}


class StoredFileView(ScopedView):
    """A stored upload of one visible object (404 outside ``visible_to``, or without a file),
    served by ``core.uploads.file_response``: the content type of its content, ``attachment``
    (under its safe display name) for anything but a picture, ``nosniff``, private caching.
    Stored files have no other URL."""

    field: ClassVar[str]
    permission: ClassVar[str | None] = None  # besides seeing the object, if any
    cache_control: ClassVar[str] = uploads.PRIVATE_NO_STORE

    def get(self, request: HttpRequest, pk: Any) -> FileResponse:
        obj = self.get_object(pk)
        if self.permission and not request.user.has_perm(self.permission, obj):
            raise PermissionDenied
        stored = getattr(obj, self.field)
        if not stored:
            raise Http404
        return uploads.file_response(stored, filename=stored.display_name,
                                     cache=self.cache_control)


class ObjectListView(ScopedView):
    """A filtered, sortable, paginated table; htmx requests get only the table fragment.

    With an ``exporter_class``, ``?export=xlsx`` or ``?export=csv`` downloads the same filtered
    rows; with an ``import_kind``, the page offers that import to whoever may run it.
    """

    table_class: ClassVar[type]
    filterset_class: ClassVar[type]
    list_permission: ClassVar[str | None] = None
    exporter_class: ClassVar[type | None] = None
    import_kind: ClassVar[str | None] = None
    template_name = "core/object_list.html"
    per_page = 50

    def filtered(self) -> Any:
        """The bound filterset over the visible rows (shared with exports and the API)."""
        return self.filterset_class(self.request.GET, queryset=self.get_queryset(),
                                    request=self.request)

    def get(self, request: HttpRequest) -> HttpResponse:
        if self.list_permission and not request.user.has_perm(self.list_permission):
            raise PermissionDenied
        filterset = self.filtered()
        rows = filterset.qs if filterset.is_valid() else self.get_queryset().none()
        file_format = request.GET.get("export")
        if self.exporter_class is not None and file_format in CONTENT_TYPES:
            return export_response(request, self.exporter_class(), rows,
                                   file_format=file_format, school_id=_only_school(request.user))
        table = self.table_class(rows, request=request)
        if "school" in table.columns and not _sees_several_schools(request.user):
            table.columns.hide("school")
        RequestConfig(request, paginate={"per_page": self.per_page}).configure(table)
        query = request.GET.copy()
        query.pop("page", None)
        base = self.base_context()
        context = {
            **base,
            "table": table,
            "filter": filterset,
            "can_add": _has_route(f"{base['url_prefix']}_add")
            and request.user.has_perm(permission_name(self.model, "add")),
            "export_query": query.urlencode() if self.exporter_class else None,
            "import_kind": self.import_kind if self.import_kind and request.user.has_perm(
                import_kind(self.import_kind).permission) else None,
        }
        if request.htmx and not request.htmx.boosted:
            return render(request, "core/inc/table_fragment.html", context)
        return render(request, self.template_name, context)


def _sees_several_schools(user) -> bool:
    """Whether a list should say which school each row belongs to (admins, observers, people
    with roles in more than one school)."""
    scope = scope_of(user)
    return scope.is_admin or bool(scope.observer_provinces) or len(scope.member_schools) > 1


def _has_route(name: str, *args: Any) -> bool:
    """Whether the model has that page at all (some have no add or delete page)."""
    try:
        reverse(name, args=args)
    except NoReverseMatch:
        return False
    return True


def _only_school(user) -> int | None:
    """The school an export is logged under: the user's one school, if they have one."""
    schools = scope_of(user).member_schools
    return next(iter(schools)) if len(schools) == 1 else None


class ObjectDetailView(ScopedView):
    """One visible object and what hangs off it."""

    template_name: ClassVar[str]

    def extra_context(self, obj: models.Model) -> dict[str, Any]:
        """Related tables and figures for the page."""
        return {}

    def get(self, request: HttpRequest, pk: Any) -> HttpResponse:
        obj = self.get_object(pk)
        prefix = self.base_context()["url_prefix"]
        context = {
            **self.base_context(),
            "object": obj,
            "can_change": _has_route(f"{prefix}_edit", obj.pk)
            and request.user.has_perm(permission_name(self.model, "change"), obj),
            "can_delete": _has_route(f"{prefix}_delete", obj.pk)
            and request.user.has_perm(permission_name(self.model, "delete"), obj),
            **self.extra_context(obj),
        }
        return render(request, self.template_name, context)


class ObjectEditView(ScopedView):
    """Create (no pk) or change (pk) an object through a form and an audited service."""

    form_class: ClassVar[type[ModelForm]]
    template_name = "core/object_edit.html"

    def save(self, form: ModelForm) -> models.Model:
        """Persist the valid form through a service; the default audits a plain save."""
        return save_form(actor=self.request.user, form=form)

    def initial_object(self) -> models.Model:
        """The unsaved object a create form starts from."""
        return self.model()

    def _object_and_check(self, pk: Any) -> models.Model:
        if pk is None:
            self.require("add")
            return self.initial_object()
        obj = self.get_object(pk)
        self.require("change", obj)
        return obj

    def _render(self, form: ModelForm, obj: models.Model) -> HttpResponse:
        context = {**self.base_context(), "form": form, "object": obj,
                   "creating": obj._state.adding}
        return render(self.request, self.template_name, context)

    def get(self, request: HttpRequest, pk: Any = None) -> HttpResponse:
        obj = self._object_and_check(pk)
        return self._render(self.form_class(instance=obj, user=request.user), obj)

    def post(self, request: HttpRequest, pk: Any = None) -> HttpResponse:
        obj = self._object_and_check(pk)
        form = self.form_class(request.POST, request.FILES, instance=obj, user=request.user)
        if form.is_valid():
            try:
                with transaction.atomic():
                    saved = self.save(form)
                    # Re-read through visibility before commit: nobody saves out of their sight.
                    if not self.get_queryset().filter(pk=saved.pk).exists():
                        raise PermissionDenied
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("Saved %(object)s.") % {"object": saved})
                return redirect(saved.get_absolute_url())
        return self._render(form, obj)


class ObjectDeleteView(ScopedView):
    """Confirm, then delete through the audited service; dependants block with a message."""

    template_name = "core/object_delete.html"
    success_url_name: ClassVar[str]

    def get(self, request: HttpRequest, pk: Any) -> HttpResponse:
        obj = self.get_object(pk)
        self.require("delete", obj)
        return render(request, self.template_name, {**self.base_context(), "object": obj})

    def post(self, request: HttpRequest, pk: Any) -> HttpResponse:
        obj = self.get_object(pk)
        self.require("delete", obj)
        try:
            delete_object(actor=request.user, obj=obj)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect(obj.get_absolute_url())
        messages.success(request, _("Deleted %(object)s.") % {"object": obj})
        return redirect(reverse(self.success_url_name))


class ObjectActionView(ScopedView):
    """A POST that does one thing to one visible object through a service, then goes back.

    Subclasses name the ``permission`` (checked on the object: 403 without it) and implement
    ``act``; an optional ``form_class`` is bound to the POST and its errors shown as messages.
    A ``DomainError`` becomes an error message; nothing else changes.
    """

    permission: ClassVar[str]
    form_class: ClassVar[type | None] = None

    def form_kwargs(self, obj: models.Model) -> dict[str, Any]:
        """Extra arguments for the form."""
        return {}

    def act(self, obj: models.Model, form: Any) -> str | None:
        """Do the thing; return a success message (or None)."""
        raise NotImplementedError

    def redirect_to(self, obj: models.Model) -> str:
        """Where to go afterwards: the object's page."""
        return obj.get_absolute_url()

    def post(self, request: HttpRequest, pk: Any, **kwargs: Any) -> HttpResponse:
        obj = self.get_object(pk)
        if not request.user.has_perm(self.permission, obj):
            raise PermissionDenied
        self.kwargs.update(kwargs)
        form = None
        if self.form_class is not None:
            form = self.form_class(request.POST, request.FILES, **self.form_kwargs(obj))
            if not form.is_valid():
                for name, errors in form.errors.items():
                    label = form.fields[name].label if name in form.fields else ""
                    for error in errors:
                        messages.error(request, f"{label}：{error}" if label else error)
                return redirect(self.redirect_to(obj))
        try:
            message = self.act(obj, form)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            if message:
                messages.success(request, message)
        return redirect(self.redirect_to(obj))


class ObjectRemoveView(ObjectActionView):
    """Remove a dependent object (audited) and go back to the object it hangs off."""

    parent: ClassVar[str]  # the attribute naming the object to go back to
    done_message: ClassVar[Any]

    def act(self, obj: models.Model, form: Any) -> str:
        delete_object(actor=self.request.user, obj=obj)
        return str(self.done_message)

    def redirect_to(self, obj: models.Model) -> str:
        return getattr(obj, self.parent).get_absolute_url()


def object_paths(route: str, name: str, *, list_view, detail_view, edit_view, delete_view,
                 add_view=None):
    """The URL patterns of a model's pages: list, add, detail, edit and (if any) delete."""
    paths = [
        path(f"{route}/", list_view.as_view(), name=f"{name}_list"),
        path(f"{route}/add/", (add_view or edit_view).as_view(), name=f"{name}_add"),
        path(f"{route}/<int:pk>/", detail_view.as_view(), name=f"{name}_detail"),
        path(f"{route}/<int:pk>/edit/", edit_view.as_view(), name=f"{name}_edit"),
    ]
    if delete_view is not None:
        paths.append(path(f"{route}/<int:pk>/delete/", delete_view.as_view(),
                          name=f"{name}_delete"))
    return paths


class MatchStatusFragment(ScopedView):
    """The status line of an object whose matching run is under way (a round, a cohort's
    mentor match), polled by its page; once the run is over it asks the page to reload."""

    def running(self, obj) -> bool:
        """Whether the object's run is still under way."""
        raise NotImplementedError

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get_object(pk)
        if not self.running(obj):
            response = HttpResponse()
            response["HX-Refresh"] = "true"
            return response
        return render(request, "core/inc/match_running.html", {"status_url": request.path})
