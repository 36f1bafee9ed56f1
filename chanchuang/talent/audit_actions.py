"""The talent app's named audit actions (see ``core.audit_actions``), one block per
sub-concept."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.audit_actions import Action, register

# --- skills: the dictionary, courses, the skills programmes train -----------------------------
register(
    Action("talent.skills.imported", _("Skill dictionary imported")),
    Action("talent.courses.imported", _("Courses imported")),
    Action("talent.programme.skills_set", _("Skills a bootcamp programme trains set")),
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
    Action("talent.grades.imported", _("Course grades imported")),
    Action("talent.certificates.imported", _("Certificates imported")),
    Action("talent.certificate.recorded", _("Certificate recorded")),
    Action("talent.certificate.verified", _("Certificate verified")),
    Action("talent.certificate.rejected", _("Certificate rejected")),
)

# --- docking: activities and follow-ups -------------------------------------------------------
register(
    Action("talent.docking.recorded", _("Docking activity recorded")),
    Action("talent.docking.agreement_linked", _("Resulting agreement linked to a docking "
                                               "activity")),
    Action("talent.follow_up.added", _("Docking follow-up added")),
    Action("talent.follow_up.done", _("Docking follow-up done")),
)
