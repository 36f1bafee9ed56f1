"""The carbon app's named audit actions (see ``core.audit_actions``). Trading itself is not
written to the audit log: the session's ledger, orders and event log are its trail."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.audit_actions import Action, register

register(
    Action("carbon.scenario.created", _("Simulation scenario created")),
    Action("carbon.scenario.copied", _("Simulation scenario copied")),
    Action("carbon.scenario.changed", _("Simulation scenario changed")),
    Action("carbon.scenario.deleted", _("Simulation scenario deleted")),
    Action("carbon.session.created", _("Simulation session created")),
    Action("carbon.session.joined", _("Joined a simulation session")),
    Action("carbon.session.bots_added", _("Simulated traders added")),
    Action("carbon.session.controlled", _("Simulation clock controlled")),
    Action("carbon.session.event_injected", _("Simulation event injected")),
)
