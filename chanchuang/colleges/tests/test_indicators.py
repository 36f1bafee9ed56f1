"""Indicators: the arithmetic against hand-made records, the selection-table scores, targets
(bad input refused, nothing written), the scorecard and its drill-down, the status-data table,
exports, the ledger link and pinned query counts."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from chanchuang.colleges import indicators as catalogue
from chanchuang.colleges.choices import (
    ContributionKind,
    ContributionStatus,
    DecisionStatus,
    ProgrammeKind,
)
from chanchuang.colleges.models import CollegeMember, Decision, Meeting, Target
from chanchuang.colleges.queries import indicators as queries
from chanchuang.colleges.services import indicators as services
from chanchuang.colleges.tests import factories as cf
from chanchuang.core.models import AuditEntry
from chanchuang.core.services import DomainError
from chanchuang.core.tests.querycounts import assert_list_queries
from chanchuang.partners.choices import CommitmentKind, DeliverySource
from chanchuang.partners.models import Commitment, Delivery

CONFIRMED = ContributionStatus.CONFIRMED


def _work(world, kind, *, organisation="a", amount=None, day=dt.date(2026, 3, 1),
          status=CONFIRMED, title="成果", **extra):
    org = world.enterprise_a if organisation == "a" else organisation
    made = cf.contribution(college=world.college, organisation=org, kind=kind, status=status,
                           amount=amount, day=day, title=title)
    for name, value in extra.items():
        setattr(made, name, value)
    if extra:
        made.save()
    return made


def records(world) -> None:
    """The hand-made records of 2026 (and a few that must not count)."""
    college = world.college
    _work(world, ContributionKind.COURSE, amount="32", title="碳排放核算实务",
          is_core_course=True, is_practice_course=True)
    _work(world, ContributionKind.COURSE, organisation=None, amount="48", title="电力系统分析",
          is_core_course=True)
    _work(world, ContributionKind.COURSE, amount="16", title="碳市场概论")
    _work(world, ContributionKind.COURSE, title="未确认课程", status=ContributionStatus.RECORDED)
    _work(world, ContributionKind.COURSE, title="去年的课程", day=dt.date(2025, 11, 1))
    _work(world, ContributionKind.TEXTBOOK, title="碳资产管理教程")
    _work(world, ContributionKind.TEACHER, amount="40", title="向晓斌")
    _work(world, ContributionKind.TEACHER, amount="24", title="杜明远")
    _work(world, ContributionKind.BASE, amount="40", title="光伏电站实训基地")
    _work(world, ContributionKind.SERVICE, organisation=None, amount="12.5",
          title="碳盘查服务", client=world.enterprise_a)
    _work(world, ContributionKind.TRAINING, amount="20", title="员工培训")
    _work(world, ContributionKind.EQUIPMENT, amount="30", title="光伏逆变器")
    cf.programme(college=college, students=[world.student_liu, world.student_ma],
                 partner=world.enterprise_a)  # order class, 2025
    apprentices = cf.programme(college=college, students=[world.student_liu],
                               kind=ProgrammeKind.APPRENTICESHIP, name="学徒班")
    apprentices.start_year = 2026
    apprentices.save()
    later = cf.programme(college=college, kind=ProgrammeKind.MICRO_MAJOR, name="微专业")
    later.start_year = 2027
    later.save()
    college.majors.add(world.major)
    CollegeMember.objects.create(college=college, organisation=world.enterprise_b,
                                 joined_on=dt.date(2027, 1, 5))
    council = world.council
    world.meeting  # noqa: B018 -- held in 2025: not counted in 2026
    first = Meeting.objects.create(council=council, title="第二次理事会",
                                   held_on=dt.date(2026, 3, 1))
    Meeting.objects.create(council=council, title="第三次理事会", held_on=dt.date(2026, 9, 1))
    due = dt.date(2026, 6, 30)
    Decision.objects.create(meeting=first, text="按期", due_on=due, status=DecisionStatus.DONE,
                            done_on=dt.date(2026, 5, 1))
    Decision.objects.create(meeting=first, text="逾期", due_on=due, status=DecisionStatus.DONE,
                            done_on=dt.date(2026, 8, 1))
    Decision.objects.create(meeting=first, text="未完成", due_on=dt.date(2026, 12, 31))
    Decision.objects.create(meeting=first, text="撤销", due_on=due,
                            status=DecisionStatus.DROPPED)
    posts = world.commitment_a  # enterprise A's internship posts under agreement A
    Delivery.objects.create(commitment=posts, quantity=3, delivered_on=dt.date(2026, 3, 1))
    Delivery.objects.create(commitment=posts, quantity=2, delivered_on=dt.date(2026, 7, 1))
    Delivery.objects.create(commitment=posts, quantity=4, delivered_on=dt.date(2025, 7, 1))
    hires = Commitment.objects.create(agreement=world.agreement_a, party=posts.party,
                                      kind=CommitmentKind.HIRES, target=5)
    Delivery.objects.create(commitment=hires, quantity=2, delivered_on=dt.date(2026, 6, 1))
    Delivery.objects.create(commitment=world.commitment_b, quantity=7,  # B: not a member
                            delivered_on=dt.date(2026, 6, 1))


EXPECTED_2026 = {
    "members": "1", "programmes": "2", "programme_students": "2", "order_students": "2",
    "majors": "1", "courses": "3", "core_courses": "2", "practice_share": "50",
    "textbooks": "1", "teachers": "2", "teacher_hours": "64",
    "teachers_per_programme": "1", "bases": "1", "bases_per_programme": "0.5",
    "equipment_value": "30", "service_projects": "1", "service_income": "12.5",
    "training_days": "20", "interns": "5", "hires": "2", "meetings": "2",
    "decisions_on_time": "33.33",
}


def test_every_indicator_is_computed_from_the_records_of_its_year(world):
    records(world)
    values = catalogue.compute(world.college, 2026)
    assert {code: queries.number(value) for code, value in values.items()} == EXPECTED_2026


def test_stock_figures_are_counted_at_the_year_end_and_flows_within_the_year(world):
    records(world)
    values = catalogue.compute(world.college, 2025)
    assert values["members"] == 1 and values["programmes"] == 1  # the 2025 order class
    assert values["courses"] == 1  # last year's course only
    assert values["interns"] == 4 and values["meetings"] == 1
    assert values["practice_share"] is None  # no core course: a share of nothing
    assert values["decisions_on_time"] is None
    later = catalogue.compute(world.college, 2027)
    assert later["members"] == 2 and later["programmes"] == 3 and later["courses"] == 0


def test_the_categories_score_weight_times_the_mean_capped_achievement():
    values = {"courses": Decimal(3), "textbooks": Decimal(2), "practice_share": Decimal(50),
              "teachers": Decimal(2), "meetings": Decimal(0)}
    targets = {"courses": Decimal(6), "textbooks": Decimal(1), "practice_share": Decimal(30),
               "teachers": Decimal(4)}
    scores = {s.category.code: s.score for s in catalogue.category_scores(values, targets)}
    assert scores["curriculum"] == Decimal("12.5")  # 15 × (0.5 + 1 + 1) / 3
    assert scores["staffing"] == Decimal("5.0")  # 10 × 0.5
    assert scores["plan"] is None and scores["outcomes"] is None  # no target there
    total, out_of = catalogue.total_score(catalogue.category_scores(values, targets))
    assert (total, out_of) == (Decimal("17.5"), 25)
    assert catalogue.achievement(Decimal(5), Decimal(0)) == 1  # a zero target is met
    assert sum(c.weight for c in catalogue.CATEGORIES.values()) == 100


def test_every_indicator_names_a_task_and_a_category_of_the_guide():
    assert len(catalogue.TASKS) == 7
    assert {item.task for item in catalogue.CATALOGUE} == set(catalogue.TASKS)
    assert {item.category for item in catalogue.CATALOGUE} == set(catalogue.CATEGORIES)
    assert len({item.code for item in catalogue.CATALOGUE}) == len(catalogue.CATALOGUE)


def test_staff_set_a_years_targets_and_they_are_audited(world):
    saved = services.set_targets(actor=world.staff_wang, college=world.college, year=2026,
                                 values={"courses": Decimal(6), "teachers": Decimal(5),
                                         "hires": None})
    assert saved == {"courses": Decimal("6.00"), "teachers": Decimal("5.00")}
    services.set_targets(actor=world.staff_wang, college=world.college, year=2026,
                         values={"courses": Decimal(8)})
    assert dict(Target.objects.filter(college=world.college, year=2026).values_list(
        "indicator", "value")) == {"courses": Decimal("8.00")}
    entry = AuditEntry.objects.filter(action="colleges.targets.set").latest("pk")
    assert entry.data["before"] == {"courses": "6.00", "teachers": "5.00"}


def test_a_negative_target_is_refused_naming_the_indicator_and_nothing_is_written(world):
    world.target  # noqa: B018 -- courses: 4 in 2026
    with pytest.raises(DomainError, match="共建课程数：目标值不能小于零"):
        services.set_targets(actor=world.staff_wang, college=world.college, year=2026,
                             values={"courses": Decimal(-1), "teachers": Decimal(5)})
    assert list(Target.objects.filter(college=world.college).values_list(
        "indicator", "value")) == [("courses", Decimal("4.00"))]
    with pytest.raises(DomainError, match="年份"):
        services.set_targets(actor=world.staff_wang, college=world.college, year=2019,
                             values={"courses": Decimal(1)})


def test_the_targets_page_refuses_a_negative_number_with_its_message(client, world):
    client.force_login(world.staff_wang)
    url = reverse("colleges:targets", args=[world.college.pk])
    response = client.post(url, {"year": "2026", "courses": "-2", "teachers": "5"})
    assert response.status_code == 200
    assert "共建课程数：目标值不能小于零" in unescape(response.content.decode())
    assert not Target.objects.filter(college=world.college).exists()
    response = client.post(url, {"year": "2026", "courses": "6", "teachers": "5"})
    assert response.status_code == 302 and "scorecard" in response["Location"]
    assert Target.objects.filter(college=world.college, year=2026).count() == 2


def test_the_targets_api_refuses_a_negative_number_and_writes_nothing(client, world):
    client.force_login(world.staff_wang)
    url = f"/api/v1/colleges/{world.college.pk}/targets"
    response = client.put(url, {"year": 2026, "targets": {"courses": -1}},
                          content_type="application/json")
    assert response.status_code == 400
    assert "目标值不能小于零" in response.json()["detail"]
    assert not Target.objects.exists()
    response = client.put(url, {"year": 2026, "targets": {"courses": 6}},
                          content_type="application/json")
    assert response.status_code == 200 and response.json()["targets"] == {"courses": "6.00"}
    assert client.get(url, {"year": 2026}).json()["targets"] == {"courses": "6.00"}
    client.force_login(world.hr_li)  # a member enterprise reads them, cannot set them
    assert client.get(url, {"year": 2026}).status_code == 200
    assert client.put(url, {"year": 2026, "targets": {}},
                      content_type="application/json").status_code == 403


def test_the_scorecard_shows_targets_against_achievements_with_drill_down(client, world):
    records(world)
    services.set_targets(actor=world.staff_wang, college=world.college, year=2026,
                         values={"courses": Decimal(6), "teachers": Decimal(4)})
    client.force_login(world.staff_wang)
    page = unescape(client.get(reverse("colleges:scorecard", args=[world.college.pk]),
                               {"year": 2026}).content.decode())
    assert "共建课程数" in page and "50%" in page  # 3 of 6
    assert "data-radar-chart" in page and "radar-data" in page
    drill = reverse("colleges:indicator_records", args=[world.college.pk, "courses"])
    assert drill in page
    assert "设定年度目标" in page
    assert "华电建设集团赣江电力建设有限公司" in page  # status data and commitments
    listed = unescape(client.get(drill, {"year": 2026}).content.decode())
    assert "碳排放核算实务" in listed and "电力系统分析" in listed and "碳市场概论" in listed
    assert "未确认课程" not in listed and "去年的课程" not in listed


def test_an_observer_sees_the_figures_but_not_the_records_behind_them(client, world):
    records(world)
    client.force_login(world.observer_hubei)
    page = unescape(client.get(reverse("colleges:scorecard", args=[world.college.pk]),
                               {"year": 2026}).content.decode())
    assert "共建课程数" in page
    assert "/scorecard/courses/" not in page and "设定年度目标" not in page
    assert "刘欣怡" not in page
    assert client.get(reverse("colleges:indicator_records",
                              args=[world.college.pk, "courses"])).status_code == 403


def test_the_drill_down_lists_only_what_the_user_may_see(client, world):
    records(world)
    client.force_login(world.hr_li)  # a member enterprise's insider
    listed = client.get(reverse("colleges:indicator_records",
                                args=[world.college.pk, "interns"]), {"year": 2026})
    assert listed.status_code == 200
    client.force_login(world.staff_far)
    assert client.get(reverse("colleges:scorecard",
                              args=[world.college.pk])).status_code == 404
    client.force_login(world.staff_wang)
    assert client.get(reverse("colleges:indicator_records",
                              args=[world.college.pk, "nonsense"])).status_code == 404


def test_the_status_data_table_counts_each_member_enterprise(world):
    records(world)
    [row] = queries.status_table(world.college, 2026)  # enterprise B joins in 2027
    assert row.cells() == ["华电建设集团赣江电力建设有限公司", world.enterprise_a.credit_code,
                           "2025-09", 2, 2, 1, 2, "5", "30", "2", "12.5", "20"]
    assert len(queries.status_table(world.college, 2027)) == 2


def test_the_scorecard_and_status_data_export_to_excel(client, world):
    records(world)
    client.force_login(world.staff_wang)
    url = reverse("colleges:scorecard", args=[world.college.pk])
    for extra, first in (({}, "指标"), ({"table": "status"}, "合作企业名称")):
        response = client.get(url, {"year": 2026, "export": "xlsx", **extra})
        assert response.status_code == 200
        rows = [[cell.value for cell in row] for row in
                load_workbook(io.BytesIO(response.content)).active.iter_rows()]
        assert rows[0][0] == first and len(rows) >= 2
    targets = client.get(reverse("colleges:targets", args=[world.college.pk]),
                         {"year": 2026, "export": "xlsx"})
    assert targets.status_code == 200
    assert AuditEntry.objects.filter(action="exported").count() == 3


def _training_commitment(world, organisation, target=50):
    party = world.agreement_a.parties.get(organisation=organisation)
    return Commitment.objects.create(agreement=world.agreement_a, party=party,
                                     kind=CommitmentKind.TRAINING, target=Decimal(target))


def test_a_confirmed_training_shows_as_the_same_delivery_in_the_ledger(world, today):
    promised = _training_commitment(world, world.enterprise_a)
    training = _work(world, ContributionKind.TRAINING, amount="20", title="员工碳管理培训",
                     day=dt.date(2026, 5, 10))
    delivery = services.deliver_to_ledger(training, world.staff_wang)
    assert delivery.commitment == promised and delivery.quantity == 20
    assert delivery.source == DeliverySource.COLLEGE
    assert delivery.delivered_on == dt.date(2026, 5, 10)
    assert "员工碳管理培训" in delivery.description
    [row] = [c for c in queries.promised(world.college, world.staff_wang) if c.pk == promised.pk]
    assert row.delivered == catalogue.compute(world.college, 2026)["training_days"] == 20


def test_equipment_is_one_item_and_the_school_fills_its_own_commitment(world, today):
    party = world.agreement_a.parties.get(organisation=world.enterprise_a)
    equipment = Commitment.objects.create(agreement=world.agreement_a, party=party,
                                          kind=CommitmentKind.EQUIPMENT, target=Decimal(2))
    donated = _work(world, ContributionKind.EQUIPMENT, amount="30", day=dt.date(2026, 4, 1))
    assert services.deliver_to_ledger(donated, world.staff_wang).commitment == equipment
    assert equipment.deliveries.get().quantity == 1
    school_training = _work(world, ContributionKind.TRAINING, organisation=None, amount="3")
    delivery = services.deliver_to_ledger(school_training, world.staff_wang)
    assert delivery.commitment == world.commitment_a_school  # the school's 5 person-days


def test_nothing_goes_to_the_ledger_where_nothing_was_promised(world, today):
    course = _work(world, ContributionKind.COURSE, amount="32")
    assert services.deliver_to_ledger(course, world.staff_wang) is None  # no such kind
    training = _work(world, ContributionKind.TRAINING, amount="20")
    assert services.deliver_to_ledger(training, world.staff_wang) is None  # A promised none
    recorded = _work(world, ContributionKind.TRAINING, amount="5",
                     status=ContributionStatus.RECORDED)
    _training_commitment(world, world.enterprise_a)
    assert services.deliver_to_ledger(recorded, world.staff_wang) is None  # not confirmed
    far = cf.contribution(college=world.college_far, organisation=world.org_far,
                          kind=ContributionKind.TRAINING, status=CONFIRMED)
    assert services.deliver_to_ledger(far, world.staff_far) is None  # no founding agreement
    assert not Delivery.objects.filter(source=DeliverySource.COLLEGE).exists()


def test_an_implausible_delivery_refuses_with_the_ledgers_message(world, today):
    _training_commitment(world, world.enterprise_a, target=10)
    training = _work(world, ContributionKind.TRAINING, amount="500")
    with pytest.raises(DomainError, match="两倍"):
        services.deliver_to_ledger(training, world.staff_wang)
    assert not Delivery.objects.filter(source=DeliverySource.COLLEGE).exists()


def test_the_summary_card_is_for_who_sees_the_scorecard(world, today):
    services.set_targets(actor=world.staff_wang, college=world.college, year=2026,
                         values={"courses": Decimal(2)})
    card = queries.summary(world.college, world.observer_hubei)
    assert card["year"] == 2026 and [r.indicator.code for r in card["targeted"]] == ["courses"]
    assert queries.summary(world.college, world.student_user) is None


class Growth:
    """One more of every record the scorecard reads, each call."""

    def __init__(self, world) -> None:
        self.world = world

    def __call__(self, n: int) -> None:
        world = self.world
        for _ in range(n):
            for kind in ContributionKind:
                _work(world, kind, amount="1")
            cf.programme(college=world.college, students=[world.student_liu],
                         partner=world.enterprise_a)
            Meeting.objects.create(council=world.council, title="会", held_on=dt.date(2026, 5, 1))
            Delivery.objects.create(commitment=world.commitment_a, quantity=1,
                                    delivered_on=dt.date(2026, 5, 1))


# Session, user, memberships, the college; the 7 indicator sources; the targets; the status
# table's members, work, classes and ledger; the founding agreement's commitments (with the
# agreement's visibility as a subquery); the unread notifications of the shell.
SCORECARD_QUERIES = 18


def test_the_scorecard_runs_a_fixed_number_of_queries(client, world):
    client.force_login(world.staff_wang)
    assert_list_queries(client, reverse("colleges:scorecard", args=[world.college.pk]) +
                        "?year=2026", SCORECARD_QUERIES, grow=Growth(world))


def test_the_drill_down_runs_a_fixed_number_of_queries(client, world):
    client.force_login(world.staff_wang)
    assert_list_queries(client, reverse("colleges:indicator_records",
                                        args=[world.college.pk, "courses"]) + "?year=2026",
                        None, grow=Growth(world))
