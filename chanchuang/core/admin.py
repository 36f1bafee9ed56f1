"""Django admin for every core model (platform admins' back office)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from chanchuang.core.models import (
    ApiToken,
    AuditEntry,
    Department,
    Major,
    MatchRun,
    Membership,
    Organisation,
    Region,
    School,
    SchoolClass,
    Student,
    User,
)

admin.site.site_header = _("Industry–Innovation Partnership Platform")
admin.site.site_title = _("Chanchuang admin")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent"]


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "code", "province"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["province"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "school"]
    list_filter = ["school"]
    search_fields = ["name", "code"]


@admin.register(Major)
class MajorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "department", "level", "school"]
    list_filter = ["school", "level"]
    search_fields = ["name", "code"]


@admin.register(SchoolClass)
class SchoolClassAdmin(admin.ModelAdmin):
    list_display = ["name", "major", "enrolment_year", "school"]
    list_filter = ["school", "enrolment_year"]
    search_fields = ["name"]
    list_select_related = ["major", "school"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "industry", "credit_code", "region", "school"]
    list_filter = ["school", "kind", "industry"]
    search_fields = ["name", "name_pinyin", "name_initials", "credit_code"]
    autocomplete_fields = ["region"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["school", "department", "organisation", "province"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "real_name", "is_active", "is_superuser", "last_login"]
    search_fields = ["username", "real_name", "name_pinyin", "name_initials"]
    ordering = ["name_pinyin"]
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("real_name", "phone", "id_number", "email")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser",
                                       "must_change_password")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",),
                "fields": ("username", "real_name", "password1", "password2")}),
    )


@admin.register(Student)
class StudentAdmin(admin.ModelAdmin):
    list_display = ["student_no", "user", "department", "major", "school_class",
                    "enrolment_year", "status"]
    list_filter = ["school", "status", "enrolment_year", "department"]
    search_fields = ["student_no", "user__real_name", "user__name_pinyin"]
    raw_id_fields = ["user"]
    list_select_related = ["user", "department", "major", "school_class"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "school", "department", "organisation", "province"]
    list_filter = ["role", "school"]
    search_fields = ["user__real_name", "user__username"]
    raw_id_fields = ["user"]
    autocomplete_fields = ["school", "department", "organisation", "province"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records the platform writes itself and nobody edits: audit entries, matching runs."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "actor", "action", "content_type", "object_repr", "school"]
    list_filter = ["action", "school", "content_type"]
    search_fields = ["object_repr", "actor__real_name"]


@admin.register(MatchRun)
class MatchRunAdmin(ReadOnlyAdmin):
    list_display = ["pk", "purpose", "school", "status", "seed", "created_at", "duration_ms",
                    "published_at", "reproduced"]
    list_filter = ["purpose", "status", "school"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "expires_at",
                    "revoked_at"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    raw_id_fields = ["user"]


class DocumentKindAdmin(admin.ModelAdmin):
    """The admin of a kind with a document template (``core.document_kinds``)."""

    list_display = ["name", "code", "school", "is_active"]
    list_filter = ["school", "is_active"]
