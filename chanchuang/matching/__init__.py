"""Many-to-one stable matching (students and positions, teams and mentors) for Chanchuang.

Student-proposing deferred acceptance (student-optimal, strategy-proof for students) by default,
position-proposing for comparison; ties in priorities are broken by one seeded lottery over all
students (single tie-breaking). Results come with per-position cutoffs, per-student explanations
and a verifier. Pure Python and numpy; no Django. See docs/matching.md.
"""

from chanchuang.matching.explain import Explanation, Reason, explain
from chanchuang.matching.model import Instance, InstanceError, Priorities
from chanchuang.matching.result import PositionOutcome, Proposer, Result, ResultError
from chanchuang.matching.solve import Engine, solve
from chanchuang.matching.verify import (
    AcceptabilityViolation,
    BlockingPair,
    CapacityViolation,
    SummaryMismatch,
    VerificationReport,
    verify,
)

__all__ = [
    "AcceptabilityViolation",
    "BlockingPair",
    "CapacityViolation",
    "Engine",
    "Explanation",
    "Instance",
    "InstanceError",
    "PositionOutcome",
    "Priorities",
    "Proposer",
    "Reason",
    "Result",
    "ResultError",
    "SummaryMismatch",
    "VerificationReport",
    "explain",
    "solve",
    "verify",
]
