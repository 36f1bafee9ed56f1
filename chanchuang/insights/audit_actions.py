"""The insights app's named audit actions (see ``core.audit_actions``), one block per
sub-concept."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.audit_actions import Action, register

ACTIONS: list[Action] = []

# --- destinations ------------------------------------------------------------------------------

ACTIONS += [
    Action("insights.destination.recorded", _("Graduate destination recorded")),
    Action("insights.destination.changed", _("Graduate destination changed")),
    Action("insights.destination.evidence_uploaded",
           _("Evidence of a graduate destination uploaded")),
    Action("insights.destination.verified", _("Graduate destination verified")),
    Action("insights.destination.self_reported",
           _("Graduate destination marked self-reported")),
    Action("insights.destination.marked_missing",
           _("Graduate destination's evidence marked missing")),
    Action("insights.destinations.imported", _("Graduate destinations imported")),
]


# --- reports -----------------------------------------------------------------------------------

ACTIONS += [
    Action("insights.report.requested", _("Report build requested")),
    Action("insights.report.built", _("Report built")),
    Action("insights.report.downloaded", _("Report downloaded")),
]


# --- province ----------------------------------------------------------------------------------


register(*ACTIONS)
