"""The partners app's named audit actions (see ``core.audit_actions``)."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.audit_actions import Action, register
from chanchuang.partners.choices import AgreementStatus as S

# What an agreement's move to each status is called in the log.
AGREEMENT_STEPS = {
    S.DRAFT: "partners.agreement.sent_back",
    S.REVIEW: "partners.agreement.submitted",
    S.SIGNED: "partners.agreement.signed",
    S.ACTIVE: "partners.agreement.activated",
    S.EXPIRING: "partners.agreement.expiring",
    S.EXPIRED: "partners.agreement.expired",
    S.TERMINATED: "partners.agreement.terminated",
    S.RENEWED: "partners.agreement.renewed",
}

register(
    Action("partners.agreement.drafted", _("Agreement drafted")),
    Action("partners.agreement.renewal_drafted", _("Agreement renewal drafted")),
    Action("partners.agreement.submitted", _("Agreement submitted for review")),
    Action("partners.agreement.sent_back", _("Agreement sent back to draft")),
    Action("partners.agreement.signed", _("Agreement signed")),
    Action("partners.agreement.activated", _("Agreement in force")),
    Action("partners.agreement.expiring", _("Agreement expiring")),
    Action("partners.agreement.expired", _("Agreement expired")),
    Action("partners.agreement.terminated", _("Agreement terminated")),
    Action("partners.agreement.renewed", _("Agreement renewed")),
    Action("partners.party.added", _("Party added to an agreement")),
    Action("partners.party.removed", _("Party removed from an agreement")),
    Action("partners.commitment.added", _("Commitment added")),
    Action("partners.commitment.removed", _("Commitment removed")),
    Action("partners.delivery.recorded", _("Delivery recorded")),
    Action("partners.attachment.uploaded", _("Agreement attachment uploaded")),
    Action("partners.interaction.recorded", _("Partner interaction recorded")),
    Action("partners.contact.login_given", _("Login given to a contact")),
    Action("partners.organisation.imported", _("Partner organisations imported")),
)
