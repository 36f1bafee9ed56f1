"""Models of the innovation app, one module per sub-concept like every layer package of the app:
``programmes`` (programmes, cohorts and their set-up), ``intake`` (projects, applications,
reviews), ``cohort`` (teams during the cohort: mentors, attendance, submissions, demo-day
scores), ``records`` (credits and start-ups) and ``showcase``. Import them from here."""

from chanchuang.innovation.models.cohort import (
    Attendance,
    JudgeScore,
    MentorChoice,
    Submission,
    Team,
)
from chanchuang.innovation.models.intake import (
    Application,
    ApplicationMember,
    Project,
    Review,
)
from chanchuang.innovation.models.programmes import (
    Cohort,
    CohortMentor,
    Criterion,
    DepartmentQuota,
    Milestone,
    Programme,
    Question,
    Reviewer,
    Session,
)
from chanchuang.innovation.models.records import Competition, Credit, CreditRule, Startup
from chanchuang.innovation.models.showcase import Exhibition, ShowcaseItem

__all__ = [
    "Application", "ApplicationMember", "Attendance", "Cohort", "CohortMentor", "Competition",
    "Credit", "CreditRule", "Criterion", "DepartmentQuota", "Exhibition", "JudgeScore",
    "MentorChoice", "Milestone", "Programme", "Project", "Question", "Review", "Reviewer",
    "Session", "ShowcaseItem", "Startup", "Submission", "Team",
]
