"""The compliance gates a placement must pass before it is confirmed, one rule each, with the
provision it comes from, so that a college can review them in one place.

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
    """One gate: what it checks and the provision it comes from."""

    code: str
    title: str
    source: str


@dataclass(frozen=True)
class Verdict:
    """How a placement fares against one rule: passed, or refused with the reason."""

    rule: Rule
    passed: bool
    reason: str = ""


RULES = [
    Rule("first_year", gettext_lazy("Not in the first year of study"), f"{SOURCE} 第十六条（一）"),
    Rule("age", gettext_lazy("16 or older on the start date"), f"{SOURCE} 第十六条（二）"),
    Rule("minors", gettext_lazy("No work prohibited for minors"), f"{SOURCE} 第十六条（三）"),
    Rule("women", gettext_lazy("No work prohibited for women"), f"{SOURCE} 第十六条（四）"),
    Rule("venue", gettext_lazy("Not at a bar, KTV, bath centre, game room or internet café"),
         f"{SOURCE} 第十六条（五）"),
    Rule("agency", gettext_lazy("Not arranged through an agency"), f"{SOURCE} 第十六条（六）"),
    Rule("labour", gettext_lazy("No physical labour of level III or above"),
         f"{SOURCE} 第十六条（七）"),
    Rule("hours", gettext_lazy("No night shifts, overtime or statutory-holiday work"),
         f"{SOURCE}（实习时间）"),
    Rule("tripartite", gettext_lazy("A signed three-party agreement covers the period"),
         f"{SOURCE}（实习协议）"),
    Rule("guardian", gettext_lazy("A guardian's consent for a student under 18"),
         f"{SOURCE}（实习协议：未满18周岁）"),
    Rule("insurance", gettext_lazy("Internship liability insurance covers the period, "
                                   "not paid by the student"), f"{SOURCE}（实习责任保险）"),
    Rule("share", gettext_lazy("Interns at most a tenth of the enterprise's staff and a fifth "
                               "of the post"), f"{SOURCE}（实习学生比例）"),
    Rule("pay", gettext_lazy("Stipend at least four fifths of the post's probation wage"),
         f"{SOURCE}（实习报酬）"),
    Rule("seats", gettext_lazy("A seat is free on the position"), gettext_lazy("the position")),
]
RULE = {rule.code: rule for rule in RULES}


def age_on(birth: dt.date, day: dt.date) -> int:
    """Whole years of age on a day."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def year_of_study(enrolment_year: int, day: dt.date) -> int:
    """1 in the first school year (September to August after enrolment), 2 in the second, …"""
    return day.year - enrolment_year + (1 if day.month >= 9 else 0)


def evaluate(placement, *, interns_at_enterprise: int, interns_on_post: int,
             confirmed_on_position: int) -> list[Verdict]:
    """Every rule applied to a placement. The counts are of other confirmed placements that
    overlap this one (the caller counts them under a lock)."""
    student, position = placement.student, placement.position
    start, end = placement.start_date, placement.end_date
    organisation = position.organisation
    verdicts = []

    def check(code: str, passed: bool, reason: str = "") -> None:
        verdicts.append(Verdict(RULE[code], passed, "" if passed else reason))

    check("first_year", year_of_study(student.enrolment_year, start) > 1,
          _("The student enrolled in %(year)d and would still be in the first year on "
            "%(start)s.") % {"year": student.enrolment_year, "start": start})
    birth = student.date_of_birth
    age = age_on(birth, start) if birth else None
    check("age", age is not None and age >= MINIMUM_AGE,
          _("The date of birth is not recorded.") if age is None else
          _("The student would be %(age)d on %(start)s.") % {"age": age, "start": start})
    minor = age is None or age < ADULT_AGE
    check("minors", not (minor and position.unsuitable_for_minors),
          _("The post involves work prohibited for minors and the student is under 18."))
    check("women", not (student.gender == Gender.FEMALE and position.unsuitable_for_women),
          _("The post involves work prohibited for women."))
    check("venue", position.venue not in PROHIBITED_VENUES,
          _("The workplace is a %(venue)s.") % {"venue": position.get_venue_display()})
    check("agency", not position.via_agency, _("The placement is arranged through an agency."))
    check("labour", position.labour_intensity < LabourIntensity.III,
          _("The post is physical labour of %(level)s.")
          % {"level": position.get_labour_intensity_display()})
    problems = [text for flag, text in (
        (position.shift != Shift.DAY, position.get_shift_display()),
        (position.overtime, _("overtime")),
        (position.holiday_work, _("work on statutory holidays")),
    ) if flag]
    check("hours", not problems, _("The post has %(what)s.") % {"what": "、".join(problems)})
    agreement = placement.tripartite_agreement
    covers = (agreement is not None and agreement.status in IN_FORCE
              and agreement.type.code == TRIPARTITE_CODE
              and agreement.start_date <= start and agreement.end_date >= end)
    check("tripartite", covers,
          _("No signed three-party agreement covering %(start)s to %(end)s is on file.")
          % {"start": start, "end": end})
    check("guardian", not (age is not None and age < ADULT_AGE) or bool(placement.guardian_consent),
          _("The student is under 18: upload the guardian's signed consent."))
    policy = placement.insurance
    insured = policy is not None and policy.start_date <= start and policy.end_date >= end
    check("insurance", insured,
          _("No internship liability insurance policy covers %(start)s to %(end)s.")
          % {"start": start, "end": end})
    staff, post = organisation.staff_on_duty, position.post_headcount
    if not staff or not post:
        check("share", False, _("Record the enterprise's staff on duty and the post's staff "
                                "first."))
    else:
        check("share", interns_at_enterprise + 1 <= staff * SHARE_OF_STAFF
              and interns_on_post + 1 <= post * SHARE_OF_POST,
              _("With this placement %(a)d interns would be at the enterprise (staff %(s)d, at "
                "most %(max_a)d) and %(b)d on the post (staff %(p)d, at most %(max_b)d).")
              % {"a": interns_at_enterprise + 1, "s": staff,
                 "max_a": int(staff * SHARE_OF_STAFF), "b": interns_on_post + 1, "p": post,
                 "max_b": int(post * SHARE_OF_POST)})
    wage, stipend = position.probation_wage, position.stipend
    check("pay", wage is None or (stipend is not None and stipend >= wage * MINIMUM_PAY_SHARE),
          _("The stipend %(stipend)s is below 80%% of the probation wage %(wage)s.")
          % {"stipend": stipend, "wage": wage})
    check("seats", confirmed_on_position < position.seats,
          _("All %(seats)d seats of the position are taken.") % {"seats": position.seats})
    return verdicts
