"""Models of the colleges app, one module per sub-concept like every layer package of the app:
``colleges`` (the industry college, its members, majors and programmes), ``governance``
(councils, seats, meetings, decisions, papers), ``work`` (co-developed work and yearly
targets), ``resources`` (shared resources and bookings) and ``reports`` (annual construction
reports). Import them from here."""

from chanchuang.colleges.models.colleges import (
    CollegeMember,
    CollegeProgramme,
    IndustryCollege,
    college_insiders,
    college_people,
    colleges_seen,
)
from chanchuang.colleges.models.governance import (
    Council,
    CouncilSeat,
    Decision,
    Meeting,
    MeetingPaper,
)
from chanchuang.colleges.models.reports import AnnualReport
from chanchuang.colleges.models.resources import Booking, BookingSeries, SharedResource
from chanchuang.colleges.models.work import Contribution, Target

__all__ = [
    "AnnualReport",
    "Booking",
    "BookingSeries",
    "CollegeMember",
    "CollegeProgramme",
    "Contribution",
    "Council",
    "CouncilSeat",
    "Decision",
    "IndustryCollege",
    "Meeting",
    "MeetingPaper",
    "SharedResource",
    "Target",
    "college_insiders",
    "college_people",
    "colleges_seen",
]
