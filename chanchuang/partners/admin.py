"""Django admin for the partners models."""

from django.contrib import admin

from chanchuang.core.admin import DocumentKindAdmin
from chanchuang.partners.models import (
    Agreement,
    AgreementParty,
    AgreementType,
    Attachment,
    Commitment,
    Contact,
    Delivery,
    Interaction,
    SigningEvent,
)

admin.site.register(AgreementType, DocumentKindAdmin)


class PartyInline(admin.TabularInline):
    model = AgreementParty
    extra = 0
    raw_id_fields = ["organisation"]


class CommitmentInline(admin.TabularInline):
    model = Commitment
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "type", "status", "start_date", "end_date", "school"]
    list_filter = ["status", "type", "school"]
    search_fields = ["number", "title"]
    inlines = [PartyInline, CommitmentInline]
    raw_id_fields = ["owner", "renewal_of", "signing_event"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "title", "is_primary"]
    search_fields = ["name", "organisation__name"]
    raw_id_fields = ["organisation", "user"]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["commitment", "quantity", "delivered_on", "source", "recorded_by"]
    list_filter = ["source"]
    raw_id_fields = ["commitment", "recorded_by"]


@admin.register(Interaction)
class InteractionAdmin(admin.ModelAdmin):
    list_display = ["happened_on", "organisation", "kind", "title"]
    list_filter = ["kind", "school"]
    raw_id_fields = ["organisation", "agreement", "recorded_by"]


@admin.register(SigningEvent)
class SigningEventAdmin(admin.ModelAdmin):
    list_display = ["name", "held_on", "place", "school"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "agreement", "content_type", "size", "uploaded_at"]
    raw_id_fields = ["agreement", "uploaded_by"]
