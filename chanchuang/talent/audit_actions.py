"""The talent app's named audit actions (see ``core.audit_actions``), one block per
sub-concept."""


from chanchuang.core.audit_actions import register

# --- skills: the dictionary, courses, the skills programmes train -----------------------------
register(
)

# --- demand -------------------------------------------------------------------------------------
from django.utils import translation as demand_translation  # noqa: E402

from chanchuang.core import audit_actions as demand_actions  # noqa: E402

register(
    demand_actions.Action("talent.demand.declared",
                          demand_translation.gettext_lazy("Talent demand declared")),
    demand_actions.Action("talent.demand.closed",
                          demand_translation.gettext_lazy("Talent demand closed")),
    demand_actions.Action("talent.demand.imported",
                          demand_translation.gettext_lazy("Talent demand imported")),
    demand_actions.Action("talent.demand.mirrored", demand_translation.gettext_lazy(
        "Talent demand kept in step with a position")),
    demand_actions.Action("talent.demand.dropped", demand_translation.gettext_lazy(
        "Talent demand of a deleted position removed")),
)

# --- supply: grades, certificates, evidence ---------------------------------------------------
register(
)

# --- docking: activities and follow-ups -------------------------------------------------------
register(
)
