"""Django admin for the placements models."""

from django.contrib import admin

from chanchuang.placements.models import (
    Evaluation,
    InsurancePolicy,
    Log,
    Placement,
    PlanBlock,
    Position,
    SelectionRound,
    TrainingPlan,
)


class BlockInline(admin.TabularInline):
    model = PlanBlock
    extra = 0


@admin.register(TrainingPlan)
class TrainingPlanAdmin(admin.ModelAdmin):
    list_display = ["name", "school", "enrolment_year", "department", "major", "school_class"]
    inlines = [BlockInline]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "plan", "seats", "status"]
    list_filter = ["status", "track"]
    raw_id_fields = ["organisation", "agreement"]


@admin.register(SelectionRound)
class SelectionRoundAdmin(admin.ModelAdmin):
    list_display = ["plan", "number", "status", "run", "published_at"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ["student", "position", "status", "start_date", "end_date"]
    list_filter = ["status"]
    raw_id_fields = ["student", "position", "round", "supervisor", "tripartite_agreement",
                     "insurance", "confirmed_by"]


@admin.register(InsurancePolicy)
class InsurancePolicyAdmin(admin.ModelAdmin):
    list_display = ["number", "insurer", "payer", "start_date", "end_date", "school"]


@admin.register(Log)
class LogAdmin(admin.ModelAdmin):
    list_display = ["placement", "period_start", "period_end", "status"]
    raw_id_fields = ["placement"]


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["placement", "side", "total", "grade"]
    raw_id_fields = ["placement", "evaluator"]
