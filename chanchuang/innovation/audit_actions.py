"""The innovation app's named audit actions (see ``core.audit_actions``)."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.audit_actions import Action, register
from chanchuang.innovation.choices import ApplicationStatus as A
from chanchuang.innovation.choices import CohortPhase as P

# What a cohort's move to each intake phase is called in the log.
COHORT_STEPS = {
    P.OPEN: "innovation.cohort.opened",
    P.REVIEWING: "innovation.cohort.review_started",
    P.SELECTED: "innovation.cohort.selection_published",
}
# What an application's move to each status is called in the log.
APPLICATION_STEPS = {
    A.WITHDRAWN: "innovation.application.withdrawn",
    A.SELECTED: "innovation.application.offered",
    A.WAITLISTED: "innovation.application.waitlisted",
    A.ACCEPTED: "innovation.application.accepted",
    A.DECLINED: "innovation.application.declined",
}

register(
    Action("innovation.cohort.opened", _("Cohort opened to applications")),
    Action("innovation.cohort.intake_closed", _("Applications closed early")),
    Action("innovation.cohort.reviewers_assigned", _("Reviewers assigned")),
    Action("innovation.cohort.reviews_handed_over", _("Reviews handed over to others")),
    Action("innovation.cohort.review_started", _("Cohort review started")),
    Action("innovation.cohort.selection_published", _("Cohort selection published")),
    Action("innovation.cohort.started", _("Cohort started")),
    Action("innovation.cohort.mentor_match_started", _("Mentor match started")),
    Action("innovation.cohort.mentors_assigned", _("Mentors assigned by the match")),
    Action("innovation.cohort.mentor_capacity_set", _("Mentor capacity set")),
    Action("innovation.cohort.finished", _("Cohort finished")),
    Action("innovation.application.submitted", _("Application submitted")),
    Action("innovation.application.withdrawn", _("Application withdrawn")),
    Action("innovation.application.offered", _("Place offered")),
    Action("innovation.application.waitlisted", _("Application waitlisted")),
    Action("innovation.application.accepted", _("Offer accepted")),
    Action("innovation.application.declined", _("Offer declined")),
    Action("innovation.application.completion_corrected", _("Completion corrected")),
    Action("innovation.review.conflict_declared", _("Review conflict declared")),
    Action("innovation.review.submitted", _("Review submitted")),
    Action("innovation.team.mentors_chosen", _("Mentor choices filed")),
    Action("innovation.team.mentor_assigned", _("Mentor assigned by hand")),
    Action("innovation.attendance.marked", _("Attendance marked")),
    Action("innovation.submission.handed_in", _("Milestone work handed in")),
    Action("innovation.submission.feedback_given", _("Feedback given")),
    Action("innovation.pitch.scored", _("Pitch scored")),
    Action("innovation.credit.recorded", _("Credit recorded")),
    Action("innovation.credit.imported", _("Innovation credits imported")),
    Action("innovation.startup.recorded", _("Start-up recorded")),
    Action("innovation.showcase.consent_given", _("Showcase consent given")),
    Action("innovation.showcase.consent_withdrawn", _("Showcase consent withdrawn")),
    Action("innovation.showcase.published", _("Showcase item published")),
    Action("innovation.showcase.unpublished", _("Showcase item taken down")),
)
