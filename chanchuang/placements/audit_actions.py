"""The placements app's named audit actions (see ``core.audit_actions``)."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.audit_actions import Action, register

register(
    Action("placements.block.added", _("Training block added")),
    Action("placements.round.opened", _("Selection round opened")),
    Action("placements.round.choices_filed", _("Position choices filed")),
    Action("placements.position.ranked", _("Applicants ranked")),
    Action("placements.round.match_started", _("Placement match started")),
    Action("placements.round.published", _("Selection round published")),
    Action("placements.placement.confirmed", _("Placement confirmed")),
    Action("placements.log.submitted", _("Placement log submitted")),
    Action("placements.log.signed_off", _("Placement logs signed off")),
    Action("placements.log.returned", _("Placement logs returned")),
    Action("placements.placement.evaluated", _("Placement evaluated")),
)
