"""URLs of the partners app."""

from django.urls import path

from chanchuang.core.document_kind_views import document_kind_paths
from chanchuang.core.generic_views import object_paths
from chanchuang.partners import views
from chanchuang.partners.models import AgreementType

app_name = "partners"

urlpatterns = [
    *object_paths("partners", "partner", list_view=views.PartnerList,
                  detail_view=views.PartnerDetail, edit_view=views.PartnerEdit,
                  delete_view=views.PartnerDelete),
    path("partners/<int:pk>/contacts/", views.ContactAdd.as_view(), name="contact_add"),
    path("partners/<int:pk>/timeline/", views.InteractionAdd.as_view(), name="interaction_add"),
    path("contacts/<int:pk>/edit/", views.ContactEdit.as_view(), name="contact_edit"),
    path("contacts/<int:pk>/delete/", views.ContactDelete.as_view(), name="contact_delete"),
    path("contacts/<int:pk>/login/", views.ContactLogin.as_view(), name="contact_login"),
    *object_paths("agreements", "agreement", list_view=views.AgreementList,
                  detail_view=views.AgreementDetail, edit_view=views.AgreementEdit,
                  delete_view=views.AgreementDelete, add_view=views.AgreementAdd),
    path("agreements/<int:pk>/status/<slug:to>/", views.AgreementTransition.as_view(),
         name="agreement_transition"),
    path("agreements/<int:pk>/terminate/", views.AgreementTerminate.as_view(),
         name="agreement_terminate"),
    path("agreements/<int:pk>/sign/", views.AgreementSign.as_view(), name="agreement_sign"),
    path("agreements/<int:pk>/renew/", views.AgreementRenew.as_view(), name="agreement_renew"),
    path("agreements/<int:pk>/pdf/", views.AgreementPdf.as_view(), name="agreement_pdf"),
    path("agreements/<int:pk>/parties/", views.PartyAdd.as_view(), name="party_add"),
    path("parties/<int:pk>/delete/", views.PartyRemove.as_view(), name="party_delete"),
    path("agreements/<int:pk>/commitments/", views.CommitmentAdd.as_view(),
         name="commitment_add"),
    path("commitments/<int:pk>/delete/", views.CommitmentRemove.as_view(),
         name="commitment_delete"),
    path("commitments/<int:pk>/deliveries/", views.DeliveryAdd.as_view(), name="delivery_add"),
    path("agreements/<int:pk>/attachments/", views.AttachmentAdd.as_view(),
         name="attachment_add"),
    path("attachments/<int:pk>/", views.AttachmentDownload.as_view(), name="attachment_detail"),
    path("deliveries/<int:pk>/evidence/", views.DeliveryEvidence.as_view(),
         name="delivery_evidence"),
    path("attachments/<int:pk>/delete/", views.AttachmentRemove.as_view(),
         name="attachment_delete"),
    *object_paths("signing-events", "signingevent", list_view=views.SigningEventList,
                  detail_view=views.SigningEventDetail, edit_view=views.SigningEventEdit,
                  delete_view=None),
    path("signing-events/<int:pk>/sign/", views.SigningEventSign.as_view(),
         name="signingevent_sign"),
    *document_kind_paths("agreement-types", AgreementType,
                         list_permission="partners.manage_agreement", fields=("description",)),
]
