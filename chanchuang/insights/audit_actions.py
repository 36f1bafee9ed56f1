"""The insights app's named audit actions (see ``core.audit_actions``), one block per
sub-concept."""

from chanchuang.core.audit_actions import Action, register

ACTIONS: list[Action] = []

# --- destinations ------------------------------------------------------------------------------


# --- reports -----------------------------------------------------------------------------------


# --- province ----------------------------------------------------------------------------------


register(*ACTIONS)
