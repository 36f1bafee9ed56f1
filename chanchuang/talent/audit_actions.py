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
register(
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
