"""The insights app's named audit actions (see ``core.audit_actions``), one block per
sub-concept."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.audit_actions import Action, register

ACTIONS: list[Action] = []

# --- destinations ------------------------------------------------------------------------------


# --- reports -----------------------------------------------------------------------------------

ACTIONS += [
    Action("insights.report.requested", _("Report build requested")),
    Action("insights.report.built", _("Report built")),
    Action("insights.report.downloaded", _("Report downloaded")),
]


# --- province ----------------------------------------------------------------------------------


register(*ACTIONS)
