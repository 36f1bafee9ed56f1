"""The colleges app's named audit actions (see ``core.audit_actions``), one block per
sub-concept."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.audit_actions import Action, register

# Indicators and annual reports.
register(
    Action("colleges.targets.set", _("Yearly targets set")),
    Action("colleges.report.build_requested", _("Annual report build requested")),
    Action("colleges.report.built", _("Annual report built")),
    Action("colleges.report.submitted", _("Annual report submitted to the province")),
    Action("colleges.report.received", _("Annual report received by the province")),
)
