"""The partners app's menu group."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.navigation import MenuGroup, MenuItem

PARTNERS_MENU = MenuGroup(_("Partners"), 20, (
    MenuItem(_("Partner organisations"), "partners:partner_list", "building-factory-2",
             permission="partners.list_partners"),
    MenuItem(_("Agreements"), "partners:agreement_list", "file-certificate",
             permission="partners.list_agreements"),
    MenuItem(_("Signing events"), "partners:signingevent_list", "writing-sign",
             permission="partners.view_signing"),
    MenuItem(_("Agreement types"), "partners:agreementtype_list", "template",
             permission="partners.manage_agreement"),
))
