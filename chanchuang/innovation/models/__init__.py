"""Models of the innovation app, by stage: programmes and cohorts, intake, teams during the
cohort, records (outcomes and credits), and the showcase."""

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
from chanchuang.innovation.models.teams import (
    Attendance,
    JudgeScore,
    MentorChoice,
    Submission,
    Team,
)

__all__ = [
    "Application", "ApplicationMember", "Attendance", "Cohort", "CohortMentor", "Competition",
    "Credit", "CreditRule", "Criterion", "DepartmentQuota", "Exhibition", "JudgeScore",
    "MentorChoice", "Milestone", "Programme", "Project", "Question", "Review", "Reviewer",
    "Session", "ShowcaseItem", "Startup", "Submission", "Team",
]
