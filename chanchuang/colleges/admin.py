"""Django admin for the colleges models (colleges, governance, work)."""

from django.contrib import admin

from chanchuang.colleges.models import (
    CollegeMember,
    CollegeProgramme,
    Contribution,
    Council,
    CouncilSeat,
    Decision,
    IndustryCollege,
    Meeting,
    MeetingPaper,
)


class MemberInline(admin.TabularInline):
    model = CollegeMember
    raw_id_fields = ["organisation"]
    extra = 0


@admin.register(IndustryCollege)
class IndustryCollegeAdmin(admin.ModelAdmin):
    list_display = ["name", "school", "founded_on", "closed_on"]
    list_filter = ["school"]
    search_fields = ["name"]
    raw_id_fields = ["founding_agreement", "dean"]
    filter_horizontal = ["majors"]
    inlines = [MemberInline]


@admin.register(CollegeProgramme)
class CollegeProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "college", "kind", "start_year", "places"]
    list_filter = ["kind"]
    raw_id_fields = ["college", "major", "partner", "students"]


class SeatInline(admin.TabularInline):
    model = CouncilSeat
    raw_id_fields = ["organisation", "user"]
    extra = 0


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "college", "kind"]
    raw_id_fields = ["college"]
    inlines = [SeatInline]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "council", "held_on"]
    raw_id_fields = ["council"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["text", "meeting", "owner", "due_on", "status"]
    list_filter = ["status"]
    raw_id_fields = ["meeting", "owner"]


@admin.register(MeetingPaper)
class MeetingPaperAdmin(admin.ModelAdmin):
    list_display = ["original_name", "meeting", "uploaded_at"]
    raw_id_fields = ["meeting", "uploaded_by"]


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["title", "college", "kind", "organisation", "happened_on", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "authors"]
    raw_id_fields = ["college", "organisation", "programme", "appointment", "client",
                     "recorded_by", "confirmed_by"]
