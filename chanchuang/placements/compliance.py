"""The compliance gates a placement must pass before it is confirmed, one function per rule,
with the provision it comes from, so that a college can review them in one place. The gates
that the student and the position decide alone (``before_the_match``) are also checked when a
student chooses a position and when a round's inputs are frozen; confirmation checks them all.

Source: 职业学校学生实习管理规定 (教职成〔2021〕4号). Article 16 lists the arrangements that are
forbidden (items 1–7 below); the others restate the provisions on three-party agreements, a
guardian's consent, internship liability insurance, working time, the share of interns, and
pay. Articles other than 16 are named by their subject: check the numbering against the official
text your province uses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chanchuang.core.choices import Gender
from chanchuang.partners.choices import IN_FORCE
from chanchuang.placements.choices import PROHIBITED_VENUES, LabourIntensity, Shift

SOURCE = "职业学校学生实习管理规定（教职成〔2021〕4号）"
MINIMUM_AGE = 16
ADULT_AGE = 18
SHARE_OF_STAFF = Decimal("0.10")
SHARE_OF_POST = Decimal("0.20")
MINIMUM_PAY_SHARE = Decimal("0.80")
TRIPARTITE_CODE = "internship_tripartite"


@dataclass(frozen=True)
class Rule:
    """One gate: what it checks, the provision it comes from and, for a gate decided before
    the match, what a student is told when it keeps them from a position."""

    code: str
    title: str
    source: str
    barred: str = ""


@dataclass(frozen=True)
class Verdict:
    """How a placement fares against one rule: passed, or refused with the reason."""

    rule: Rule
    passed: bool
    reason: str = ""


RULES = [
    Rule("first_year", gettext_lazy("Not in the first year of study"), f"{SOURCE} 第十六条（一）",
         gettext_lazy("First-year students may not take a placement (Article 16)")),
    Rule("age", gettext_lazy("16 or older on the start date"), f"{SOURCE} 第十六条（二）",
         gettext_lazy("Students under 16 may not take a placement (Article 16)")),
    Rule("minors", gettext_lazy("No work prohibited for minors"), f"{SOURCE} 第十六条（三）",
         gettext_lazy("Students under 18 may not do work prohibited for minors (Article 16)")),
    Rule("women", gettext_lazy("No work prohibited for women"), f"{SOURCE} 第十六条（四）",
         gettext_lazy("Female students may not do work prohibited for women (Article 16)")),
    Rule("venue", gettext_lazy("Not at a bar, KTV, bath centre, game room or internet café"),
         f"{SOURCE} 第十六条（五）",
         gettext_lazy("No placement at a bar, KTV, bath centre, game room or internet café "
                      "(Article 16)")),
    Rule("agency", gettext_lazy("Not arranged through an agency"), f"{SOURCE} 第十六条（六）",
         gettext_lazy("No placement arranged through an agency (Article 16)")),
    Rule("labour", gettext_lazy("No physical labour of level III or above"),
         f"{SOURCE} 第十六条（七）",
         gettext_lazy("No placement doing physical labour of level III or above (Article 16)")),
    Rule("hours", gettext_lazy("No night shifts, overtime or statutory-holiday work"),
         f"{SOURCE}（实习时间）",
         gettext_lazy("No placement with night shifts, overtime or statutory-holiday work")),
    Rule("tripartite", gettext_lazy("A signed three-party agreement covers the period"),
         f"{SOURCE}（实习协议）"),
    Rule("guardian", gettext_lazy("A guardian's consent for a student under 18"),
         f"{SOURCE}（实习协议：未满18周岁）"),
    Rule("insurance", gettext_lazy("Internship liability insurance covers the period, "
                                   "not paid by the student"), f"{SOURCE}（实习责任保险）"),
    Rule("share", gettext_lazy("Interns at most a tenth of the enterprise's staff and a fifth "
                               "of the post"), f"{SOURCE}（实习学生比例）"),
    Rule("pay", gettext_lazy("Stipend at least four fifths of the post's probation wage"),
         f"{SOURCE}（实习报酬）",
         gettext_lazy("No placement paying less than four fifths of the post's probation "
                      "wage")),
    Rule("seats", gettext_lazy("A seat is free on the position"), gettext_lazy("the position")),
]
RULE = {rule.code: rule for rule in RULES}
ORDER = {rule.code: place for place, rule in enumerate(RULES)}


def age_on(birth: dt.date, day: dt.date) -> int:
    """Whole years of age on a day."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def year_of_study(enrolment_year: int, day: dt.date) -> int:
    """1 in the first school year (September to August after enrolment), 2 in the second, …"""
    return day.year - enrolment_year + (1 if day.month >= 9 else 0)


def _verdict(code: str, passed: bool, reason: str = "") -> Verdict:
    return Verdict(RULE[code], passed, "" if passed else reason)


def _age(student, start: dt.date) -> int | None:
    birth = student.date_of_birth
    return age_on(birth, start) if birth else None


# --- Gates decided by the student and the position alone (before the match) ------------------


def year_of_study_allows_placement(student, start: dt.date) -> Verdict:
    """Students in year 1 cannot be placed (第十六条（一）): on the placement's first day the
    student must be past the first school year."""
    return _verdict(
        "first_year", year_of_study(student.enrolment_year, start) > 1,
        _("The student enrolled in %(year)d and would still be in the first year on "
          "%(start)s.") % {"year": student.enrolment_year, "start": start})


def age_allows_placement(student, start: dt.date) -> Verdict:
    """Students under 16 cannot be placed (第十六条（二）), nor one whose date of birth is not
    recorded."""
    age = _age(student, start)
    return _verdict(
        "age", age is not None and age >= MINIMUM_AGE,
        _("The date of birth is not recorded.") if age is None else
        _("The student would be %(age)d on %(start)s.") % {"age": age, "start": start})


def minor_kept_from_prohibited_work(student, position, start: dt.date) -> Verdict:
    """Students under 18 (or of unrecorded age) cannot take a post prohibited for minors
    (第十六条（三）)."""
    age = _age(student, start)
    minor = age is None or age < ADULT_AGE
    return _verdict("minors", not (minor and position.unsuitable_for_minors),
                    _("The post involves work prohibited for minors and the student is under "
                      "18."))


def woman_kept_from_prohibited_work(student, position) -> Verdict:
    """Female students cannot take a post prohibited for women (第十六条（四）)."""
    return _verdict("women",
                    not (student.gender == Gender.FEMALE and position.unsuitable_for_women),
                    _("The post involves work prohibited for women."))


def venue_allows_placement(position) -> Verdict:
    """No student is placed at a bar, KTV, bath centre, game room or internet café
    (第十六条（五）)."""
    return _verdict("venue", position.venue not in PROHIBITED_VENUES,
                    _("The workplace is a %(venue)s.")
                    % {"venue": position.get_venue_display()})


def no_agency_between(position) -> Verdict:
    """No student is placed through an agency (第十六条（六）)."""
    return _verdict("agency", not position.via_agency,
                    _("The placement is arranged through an agency."))


def labour_below_level_three(position) -> Verdict:
    """No student is placed on physical labour of level III or above (第十六条（七）)."""
    return _verdict("labour", position.labour_intensity < LabourIntensity.III,
                    _("The post is physical labour of %(level)s.")
                    % {"level": position.get_labour_intensity_display()})


def hours_allow_placement(position) -> Verdict:
    """No student is placed on night shifts, overtime or work on statutory holidays."""
    problems = [text for flag, text in (
        (position.shift != Shift.DAY, position.get_shift_display()),
        (position.overtime, _("overtime")),
        (position.holiday_work, _("work on statutory holidays")),
    ) if flag]
    return _verdict("hours", not problems,
                    _("The post has %(what)s.") % {"what": "、".join(problems)})


def pay_allows_placement(position) -> Verdict:
    """No student is placed on a stipend below four fifths of the post's probation wage."""
    wage, stipend = position.probation_wage, position.stipend
    return _verdict(
        "pay", wage is None or (stipend is not None and stipend >= wage * MINIMUM_PAY_SHARE),
        _("The stipend %(stipend)s is below 80%% of the probation wage %(wage)s.")
        % {"stipend": stipend, "wage": wage})


def before_the_match(student, position, start: dt.date) -> list[Verdict]:
    """The gates the student and the position decide alone, for a placement starting on
    ``start``: a student who fails one may not choose the position, and is left out of a
    round's match for it. Confirmation checks them again."""
    return [
        year_of_study_allows_placement(student, start),
        age_allows_placement(student, start),
        minor_kept_from_prohibited_work(student, position, start),
        woman_kept_from_prohibited_work(student, position),
        venue_allows_placement(position),
        no_agency_between(position),
        labour_below_level_three(position),
        hours_allow_placement(position),
        pay_allows_placement(position),
    ]


def barred(student, position, start: dt.date) -> list[Verdict]:
    """The gates decided before the match that keep the student from the position."""
    return [verdict for verdict in before_the_match(student, position, start)
            if not verdict.passed]


def refusal(verdicts: list[Verdict]) -> str:
    """What the student is told: each rule that bars them, and why."""
    return "；".join(f"{v.rule.barred}——{v.reason}" for v in verdicts)


# --- Gates that need the placement's own records and the other placements --------------------


def tripartite_agreement_covers(placement) -> Verdict:
    """A signed three-party agreement (school, enterprise, student) covers the whole period."""
    start, end = placement.start_date, placement.end_date
    agreement = placement.tripartite_agreement
    covers = (agreement is not None and agreement.status in IN_FORCE
              and agreement.type.code == TRIPARTITE_CODE
              and agreement.start_date <= start and agreement.end_date >= end)
    return _verdict("tripartite", covers,
                    _("No signed three-party agreement covering %(start)s to %(end)s is on "
                      "file.") % {"start": start, "end": end})


def guardian_consents_for_minor(placement) -> Verdict:
    """A student under 18 is placed only with a guardian's signed consent."""
    age = _age(placement.student, placement.start_date)
    return _verdict("guardian",
                    not (age is not None and age < ADULT_AGE) or bool(placement.guardian_consent),
                    _("The student is under 18: upload the guardian's signed consent."))


def insurance_covers(placement) -> Verdict:
    """Internship liability insurance covers the whole period."""
    start, end = placement.start_date, placement.end_date
    policy = placement.insurance
    insured = policy is not None and policy.start_date <= start and policy.end_date >= end
    return _verdict("insurance", insured,
                    _("No internship liability insurance policy covers %(start)s to %(end)s.")
                    % {"start": start, "end": end})


def interns_within_share(placement, *, interns_at_enterprise: int,
                         interns_on_post: int) -> Verdict:
    """With this placement, interns are at most a tenth of the enterprise's staff on duty and a
    fifth of the post's."""
    position = placement.position
    staff, post = position.organisation.staff_on_duty, position.post_headcount
    if not staff or not post:
        return _verdict("share", False, _("Record the enterprise's staff on duty and the "
                                          "post's staff first."))
    return _verdict(
        "share", interns_at_enterprise + 1 <= staff * SHARE_OF_STAFF
        and interns_on_post + 1 <= post * SHARE_OF_POST,
        _("With this placement %(a)d interns would be at the enterprise (staff %(s)d, at "
          "most %(max_a)d) and %(b)d on the post (staff %(p)d, at most %(max_b)d).")
        % {"a": interns_at_enterprise + 1, "s": staff, "max_a": int(staff * SHARE_OF_STAFF),
           "b": interns_on_post + 1, "p": post, "max_b": int(post * SHARE_OF_POST)})


def seat_free(position, *, confirmed_on_position: int) -> Verdict:
    """A seat of the position is still free of confirmed placements."""
    return _verdict("seats", confirmed_on_position < position.seats,
                    _("All %(seats)d seats of the position are taken.")
                    % {"seats": position.seats})


def evaluate(placement, *, interns_at_enterprise: int, interns_on_post: int,
             confirmed_on_position: int) -> list[Verdict]:
    """Every rule applied to a placement, in the order of ``RULES``. The counts are of other
    confirmed placements that overlap this one (the caller counts them under a lock)."""
    verdicts = [
        *before_the_match(placement.student, placement.position, placement.start_date),
        tripartite_agreement_covers(placement),
        guardian_consents_for_minor(placement),
        insurance_covers(placement),
        interns_within_share(placement, interns_at_enterprise=interns_at_enterprise,
                             interns_on_post=interns_on_post),
        seat_free(placement.position, confirmed_on_position=confirmed_on_position),
    ]
    return sorted(verdicts, key=lambda verdict: ORDER[verdict.rule.code])
