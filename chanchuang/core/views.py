"""Pages of the core app: home, structure, organisations, students, people, profile, audit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chanchuang.core import exports, filters, forms, queries, registry, tables
from chanchuang.core.choices import Role
from chanchuang.core.generic_views import (
    ObjectDeleteView,
    ObjectDetailView,
    ObjectEditView,
    ObjectListView,
)
from chanchuang.core.models import (
    ApiToken,
    AuditEntry,
    Department,
    ImportJob,
    Major,
    Membership,
    Notification,
    Organisation,
    School,
    SchoolClass,
    Student,
    User,
)
from chanchuang.core.services import (
    TOKEN_LIFETIMES,
    DomainError,
    add_membership,
    create_api_token,
    delete_object,
    mark_read,
    revoke_api_token,
    save_student,
)
from chanchuang.core.todos import figures_for, todos_for
from chanchuang.core.visibility import scope_of

# --- Home ------------------------------------------------------------------------------------


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The role-aware home page: what is waiting for the user first (every app's to-dos), then
    the few figures each of their roles cares about."""
    user = request.user
    scope = scope_of(user)
    # A role with a home of its own in an app above (the observer's provincial view).
    own_home = registry.home_of(scope.roles) if not scope.is_admin else None
    if own_home is not None:
        return redirect(own_home)
    schools = list(School.objects.visible_to(user).filter(pk__in=scope.member_schools))
    managed = School.objects.visible_to(user) if scope.is_admin else [
        s for s in schools if s.pk in scope.staff_schools]
    context = {
        "roles": scope.roles,
        "todos": todos_for(user),
        # An observer only reads aggregates: no to-do list unless something waits for them.
        "show_todos": bool(scope.roles - {Role.OBSERVER}),
        "figures": figures_for(user),
        "school_sections": [
            {
                "school": school,
                "figures": queries.school_figures(user, school),
                "by_department": list(queries.students_by_department(user, school)),
            }
            for school in managed
        ],
        "departments": Department.objects.visible_to(user).filter(pk__in=scope.department_ids)
        .select_related("school"),
        "organisations": Organisation.objects.filter(pk__in=scope.organisation_ids)
        .select_related("school", "region"),
        "own_student": queries.student_of(user) if scope.student_schools else None,
        "province_schools": queries.province_overview(user) if scope.observer_provinces
        else [],
        "Role": Role,
    }
    return render(request, "core/home.html", context)


# --- Departments, majors, classes ------------------------------------------------------------


class DepartmentList(ObjectListView):
    """Departments of the user's school."""

    model = Department
    table_class = tables.DepartmentTable
    filterset_class = filters.DepartmentFilterSet
    exporter_class = exports.DepartmentExporter
    import_kind = "roster"

    def get_queryset(self):
        return super().get_queryset().select_related("school").annotate(
            major_count=Count("majors", distinct=True),
            student_count=Count("students", distinct=True),
        )


class DepartmentDetail(ObjectDetailView):
    """A department with its majors."""

    model = Department
    template_name = "core/department_detail.html"

    def extra_context(self, obj):
        majors = Major.objects.visible_to(self.request.user).filter(department=obj).annotate(
            student_count=Count("students"))
        return {"majors_table": tables.MajorTable(majors, request=self.request,
                                                  exclude=["department"])}


class DepartmentEdit(ObjectEditView):
    """Create or change a department."""

    model = Department
    form_class = forms.DepartmentForm


class DepartmentDelete(ObjectDeleteView):
    """Delete a department without majors or students."""

    model = Department
    success_url_name = "core:department_list"


class MajorList(ObjectListView):
    """Majors of the user's school or department."""

    model = Major
    table_class = tables.MajorTable
    filterset_class = filters.MajorFilterSet
    exporter_class = exports.MajorExporter
    import_kind = "roster"

    def get_queryset(self):
        return super().get_queryset().select_related("department", "school").annotate(
            student_count=Count("students"))


class MajorDetail(ObjectDetailView):
    """A major with its classes."""

    model = Major
    template_name = "core/major_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("department", "school")

    def extra_context(self, obj):
        classes = SchoolClass.objects.visible_to(self.request.user).filter(major=obj).annotate(
            student_count=Count("students"))
        return {"classes_table": tables.SchoolClassTable(classes, request=self.request,
                                                         exclude=["major"])}


class MajorEdit(ObjectEditView):
    """Create or change a major."""

    model = Major
    form_class = forms.MajorForm


class MajorDelete(ObjectDeleteView):
    """Delete a major without classes or students."""

    model = Major
    success_url_name = "core:major_list"


class SchoolClassList(ObjectListView):
    """Classes of the user's school or department."""

    model = SchoolClass
    table_class = tables.SchoolClassTable
    filterset_class = filters.SchoolClassFilterSet
    list_permission = "core.add_schoolclass"
    exporter_class = exports.SchoolClassExporter
    import_kind = "roster"

    def get_queryset(self):
        return super().get_queryset().select_related("major").annotate(
            student_count=Count("students"))


class SchoolClassDetail(ObjectDetailView):
    """A class and its students."""

    model = SchoolClass
    template_name = "core/schoolclass_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("major__department")

    def extra_context(self, obj):
        students = queries.student_rows(self.request.user).filter(school_class=obj)
        return {"students_table": tables.StudentTable(
            students, request=self.request, exclude=["school_class", "major", "department"])}


class SchoolClassEdit(ObjectEditView):
    """Create or change a class."""

    model = SchoolClass
    form_class = forms.SchoolClassForm


class SchoolClassDelete(ObjectDeleteView):
    """Delete a class without students."""

    model = SchoolClass
    success_url_name = "core:schoolclass_list"


# --- Students --------------------------------------------------------------------------------


class StudentList(ObjectListView):
    """The student register: filter by place in school, search by name, pinyin or number."""

    model = Student
    table_class = tables.StudentTable
    filterset_class = filters.StudentFilterSet
    list_permission = "core.add_student"
    exporter_class = exports.StudentExporter
    import_kind = "roster"

    def get_queryset(self):
        return queries.student_rows(self.request.user)


class StudentDetail(ObjectDetailView):
    """A student's record."""

    model = Student
    template_name = "core/student_detail.html"

    def get_queryset(self):
        return queries.student_rows(self.request.user).select_related("school")


class StudentEdit(ObjectEditView):
    """Register or change a student together with their login."""

    model = Student
    form_class = forms.StudentForm

    def get_queryset(self):
        return queries.student_rows(self.request.user)

    def save(self, form):
        return save_student(actor=self.request.user, student=form.instance,
                            person=form.person())


class StudentDelete(ObjectDeleteView):
    """Delete a student registered by mistake (their login stays, without the student role)."""

    model = Student
    success_url_name = "core:student_list"


# --- People and roles ------------------------------------------------------------------------


class UserList(ObjectListView):
    """People of the school and the roles they hold."""

    model = User
    table_class = tables.UserTable
    filterset_class = filters.UserFilterSet
    list_permission = "core.add_membership"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("memberships")


class UserDetail(ObjectDetailView):
    """A person, their roles, and (for staff) a form to give another role."""

    model = User
    template_name = "core/user_detail.html"

    def extra_context(self, obj):
        user = self.request.user
        memberships = Membership.objects.visible_to(user).filter(user=obj).select_related(
            "school", "department", "organisation", "province")
        can_add = user.has_perm("core.add_membership")
        return {
            "memberships": [(m, user.has_perm("core.delete_membership", m)) for m in memberships],
            "membership_form": forms.MembershipForm(user=user, instance=Membership(user=obj))
            if can_add else None,
        }


@login_required
@require_POST
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Give the person a role (school staff, within their school)."""
    person = get_object_or_404(User.objects.visible_to(request.user), pk=pk)
    if not request.user.has_perm("core.add_membership"):
        raise PermissionDenied
    form = forms.MembershipForm(request.POST, user=request.user,
                                instance=Membership(user=person))
    if form.is_valid():
        membership = form.save(commit=False)
        try:
            add_membership(actor=request.user, membership=membership)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Role given: %(m)s.") % {"m": membership})
    else:
        messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
    return redirect(person.get_absolute_url())


@login_required
@require_POST
def membership_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Take a role away."""
    membership = get_object_or_404(Membership.objects.visible_to(request.user), pk=pk)
    if not request.user.has_perm("core.delete_membership", membership):
        raise PermissionDenied
    delete_object(actor=request.user, obj=membership)
    messages.success(request, _("Role removed: %(m)s.") % {"m": membership})
    return redirect(membership.user.get_absolute_url())


# --- Profile, password and API tokens --------------------------------------------------------


class PasswordChange(auth_views.PasswordChangeView):
    """Change one's own password; ends a required change, and (through ``User.save``) revokes
    the person's API tokens."""

    template_name = "core/password_change.html"
    success_url = reverse_lazy("core:profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        User.objects.filter(pk=self.request.user.pk).update(must_change_password=False)
        messages.success(self.request, _("Password changed. Your API tokens were revoked; "
                                         "create new ones if an integration needs them."))
        return response


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The user's own page: who they are, their roles, and their API tokens."""
    user = request.user
    return render(request, "core/profile.html", {
        "memberships": Membership.objects.filter(user=user).select_related(
            "school", "department", "organisation", "province"),
        "tokens": ApiToken.objects.visible_to(user),
        "new_key": request.session.pop("new_api_key", None),
        "lifetimes": TOKEN_LIFETIMES,
    })


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    """Create an API token; its key is shown once on the profile page."""
    raw_days = request.POST.get("valid_days", "")
    try:
        valid_days = int(raw_days) if raw_days else None
    except ValueError:
        valid_days = -1  # refused by the service with its message
    try:
        _token, key = create_api_token(actor=request.user, name=request.POST.get("name", ""),
                                       valid_days=valid_days)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        request.session["new_api_key"] = key
    return redirect("core:profile")


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke one of the user's API tokens."""
    token = get_object_or_404(ApiToken.objects.visible_to(request.user), pk=pk)
    try:
        revoke_api_token(actor=request.user, token=token)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("core:profile")


# --- Imports ---------------------------------------------------------------------------------


class ImportJobList(ObjectListView):
    """Every import of the school, newest first."""

    model = ImportJob
    table_class = tables.ImportJobTable
    filterset_class = filters.ImportJobFilterSet
    list_permission = "core.view_importjob"

    def get_queryset(self):
        return super().get_queryset().select_related("created_by")


# --- Audit log -------------------------------------------------------------------------------


class AuditEntryList(ObjectListView):
    """The audit log of the school, with filters."""

    model = AuditEntry
    table_class = tables.AuditEntryTable
    filterset_class = filters.AuditEntryFilterSet
    list_permission = "core.view_auditentry"

    def get_queryset(self):
        return super().get_queryset().select_related("actor", "content_type")


# --- Notifications ---------------------------------------------------------------------------


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """The user's notifications, newest first (the last 100)."""
    notifications = Notification.objects.visible_to(request.user)[:100]
    return render(request, "core/notification_list.html", {"notifications": notifications})


@login_required
@require_POST
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read and follow its link."""
    notification = get_object_or_404(Notification.objects.visible_to(request.user), pk=pk)
    mark_read(user=request.user, notifications=Notification.objects.filter(pk=pk))
    return redirect(notification.url or "core:notification_list")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    """Mark every notification read."""
    mark_read(user=request.user, notifications=Notification.objects.all())
    return redirect("core:notification_list")
