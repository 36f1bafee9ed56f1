"""Django admin for the mentors models."""

from django.contrib import admin

from chanchuang.core.admin import DocumentKindAdmin
from chanchuang.mentors.models import Activity, Appointment, AppointmentTitle, Mentor

admin.site.register(AppointmentTitle, DocumentKindAdmin)


@admin.register(Mentor)
class MentorAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "job_title", "school"]
    list_filter = ["school"]
    search_fields = ["name", "name_pinyin", "organisation__name"]
    raw_id_fields = ["organisation", "user"]


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = ["mentor", "title", "status", "start_date", "end_date", "serial"]
    list_filter = ["status", "title", "school"]
    search_fields = ["mentor__name", "serial"]
    raw_id_fields = ["mentor", "agreement", "renewal_of", "approved_by"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["happened_on", "mentor", "kind", "title", "hours"]
    list_filter = ["kind"]
    raw_id_fields = ["mentor", "recorded_by"]
