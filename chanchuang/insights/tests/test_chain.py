"""The outcome chain (成效链): each flag fires on a record built for it, with the sentence the user
reads, and stays quiet on a clean record; the links of a graduate's chain and their evidence;
what department staff see; a cohort's chain and a foreign cohort; the page's counts and filter;
the export (logged, with names); the API."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from openpyxl import load_workbook

from chanchuang.core.models import AuditEntry
from chanchuang.core.tests import factories as f
from chanchuang.core.tests.factories import TINY_PDF, credit_code
from chanchuang.innovation.models import Credit, Startup
from chanchuang.insights.choices import DestinationCode, EvidenceKind, Verification
from chanchuang.insights.queries import chain as queries
from chanchuang.insights.queries.chain import Flag, LinkStatus, Selection
from chanchuang.insights.tests import factories as inf
from chanchuang.mentors.tests import factories as mf

YEAR = 2026


def _graduate(school_class, name: str):
    return f.StudentFactory(school_class=school_class, user=f.UserFactory(real_name=name))


def _row(user, destination, year=YEAR):
    found = queries.chain(user, Selection(graduation_year=year))
    return next(row for row in found.rows if row.student.pk == destination.student_id)


def _flags(world, destination, user=None) -> dict[str, str]:
    """The flags of a destination's row as staff_wang reads them: {flag: explanation}."""
    row = _row(user or world.staff_wang, destination)
    return {raised.flag: raised.explanation for raised in row.flags}


# --- Flags ---------------------------------------------------------------------------------------


def test_a_verified_contract_at_a_registered_partner_raises_no_flag(world):
    assert _flags(world, world.destination_liu) == {}


def test_awaiting_employment_without_evidence_is_not_a_flag(world):
    # 70 待就业 claims no employment: a missing proof of nothing inflates nothing.
    assert _flags(world, world.destination_ma) == {}


def test_an_employed_destination_without_evidence_is_flagged(world):
    destination = inf.destination(student=world.student_ma, employer=world.enterprise_b,
                                  employer_name="百味餐饮集团有限公司",
                                  verification=Verification.MISSING)
    flags = _flags(world, destination)
    assert flags == {Flag.WITHOUT_EVIDENCE: (
        "登记为“签劳动合同形式就业”，但没有任何证明材料（核验：缺失），"
        "在补齐材料之前不应计入落实去向。")}


def test_a_self_reported_destination_gets_the_weaker_flag(world):
    destination = inf.destination(student=world.student_ma, employer=world.enterprise_b,
                                  verification=Verification.SELF_REPORTED)
    assert _flags(world, destination) == {
        Flag.SELF_REPORTED: "去向“签劳动合同形式就业”为毕业生本人自报，学校尚未核验证明材料。"}
    assert queries.SEVERITY[Flag.SELF_REPORTED] == "warning"


@pytest.fixture
def agency_class(world):
    """A class of ten 2026 graduates of the first major: five hired by 鑫达人力 (an agency
    that signs for everyone), five at five different employers."""
    world.destination_liu  # noqa: B018 — the major's eleventh graduate
    school_class = f.SchoolClassFactory(major=world.major, name="电力自动化2502班")
    agency = credit_code(777)
    hired = [inf.destination(student=_graduate(school_class, f"鑫达{n}号"),
                             employer_name="鑫达人力资源有限公司", employer_credit_code=agency)
             for n in range(5)]
    others = [inf.destination(student=_graduate(school_class, f"他处{n}号"),
                              employer_name=f"别家{n}有限公司",
                              employer_credit_code=credit_code(800 + n)) for n in range(5)]
    return school_class, hired, others


def test_one_employer_hiring_half_a_class_is_flagged(world, agency_class):
    _class, hired, others = agency_class
    explanation = _flags(world, hired[0])[Flag.EMPLOYER_SHARE]
    assert explanation.startswith(
        "鑫达人力资源有限公司录用了电力自动化2502班2026届10名毕业生中的5人（50%）。")
    # The major has the class and student_liu: 5 of 11.
    assert "鑫达人力资源有限公司录用了电力系统自动化技术专业2026届11名毕业生中的5人（45%）。" \
        in explanation
    assert explanation.endswith("同一单位录用一个班或一个专业 30% 及以上（且不少于 5 人）"
                                "不合常理，请核查劳动合同或就业协议。")
    assert Flag.EMPLOYER_SHARE not in _flags(world, others[0])


def test_four_hires_are_too_few_to_judge_a_share(world, agency_class):
    _class, hired, _others = agency_class
    hired[0].delete()  # 4 of 9: 44%, but fewer than EMPLOYER_SHARE_MIN_HIRES
    assert Flag.EMPLOYER_SHARE not in _flags(world, hired[1])


def test_a_share_below_the_limit_is_not_flagged(world, agency_class):
    school_class, hired, _others = agency_class
    for n in range(7):  # 5 of 17 in the class (29%), 5 of 18 in the major (28%)
        inf.destination(student=_graduate(school_class, f"又一{n}号"), employer_name=f"又一家{n}",
                        employer_credit_code=credit_code(900 + n))
    assert queries.implausible(5, 17) is False and queries.implausible(5, 16) is True
    assert Flag.EMPLOYER_SHARE not in _flags(world, hired[0])


def test_a_start_up_without_a_valid_credit_code_is_flagged(world):
    destination = inf.destination(student=world.student_ma, code=DestinationCode.STARTUP,
                                  employer_name="马超工作室", evidence_kind=EvidenceKind.LICENCE)
    flags = _flags(world, destination)
    assert flags[Flag.STARTUP_WITHOUT_COMPANY] == (
        "登记为自主创业，但没有有效的统一社会信用代码，无法证明注册了公司。")


def test_a_start_up_with_a_code_but_no_licence_nor_record_is_flagged(world):
    destination = inf.destination(student=world.student_ma, code=DestinationCode.STARTUP,
                                  employer_name="马超科技有限公司",
                                  employer_credit_code=credit_code(555),
                                  evidence_kind=EvidenceKind.OTHER)
    assert _flags(world, destination) == {Flag.STARTUP_WITHOUT_COMPANY: (
        f"登记为自主创业（统一社会信用代码 {credit_code(555)}），但既没有营业执照作为证明材料，"
        "双创记录中也没有该生创办这家公司的记载。")}


def test_a_start_up_founded_in_the_innovation_records_is_clean(world):
    startup = Startup.objects.create(school=world.school, name="江城零碳科技有限公司",
                                     credit_code=credit_code(556),
                                     registered_on="2026-09-01")
    startup.founders.set([world.student_ma])
    destination = inf.destination(student=world.student_ma, code=DestinationCode.STARTUP,
                                  employer_name=startup.name,
                                  employer_credit_code=startup.credit_code)
    assert _flags(world, destination) == {}


def test_a_start_up_with_its_business_licence_is_clean(world):
    destination = inf.destination(student=world.student_ma, code=DestinationCode.STARTUP,
                                  employer_name="马超科技有限公司",
                                  employer_credit_code=credit_code(557),
                                  evidence_kind=EvidenceKind.LICENCE)
    destination.evidence.save("营业执照.pdf", ContentFile(TINY_PDF))
    assert _flags(world, destination) == {}


def test_an_employer_neither_registered_nor_coded_is_flagged(world):
    destination = inf.destination(student=world.student_ma, code=DestinationCode.OTHER_HIRE,
                                  employer_name="某某餐饮店")
    assert _flags(world, destination) == {Flag.EMPLOYER_NOT_REGISTERED: (
        "去向“其他录用形式就业”的用人单位某某餐饮店既不是学校登记的机构，也没有统一社会信用代码，"
        "无法证明该单位存在。")}


def test_an_unregistered_employer_with_a_credit_code_is_clean(world):
    destination = inf.destination(student=world.student_ma, code=DestinationCode.OTHER_HIRE,
                                  employer_name="某某餐饮有限公司",
                                  employer_credit_code=credit_code(558))
    assert _flags(world, destination) == {}


# --- Links ---------------------------------------------------------------------------------------


def test_the_links_of_a_graduate_who_went_through_bootcamp_and_placement(world):
    world.destination_liu  # noqa: B018
    team = world.team_liu  # cohort 3, mentored by 陈朋 (mentor_own)
    member = world.member_liu
    member.completed = True
    member.save()
    Credit.objects.create(student=world.student_liu, category="training", title="特训营",
                          earned_on="2027-01-15", credits=2, cohort=team.cohort)
    mf.appointment(mentor=world.mentor_own)
    world.placement_liu  # noqa: B018 — matched at enterprise A's position
    row = _row(world.staff_wang, world.destination_liu)
    assert (row.bootcamp.status, row.bootcamp.text, row.bootcamp.detail) == (
        LinkStatus.EVIDENCED, "双创特训营第3期 · 光伏先锋", "已结业，学分2.0")
    assert row.bootcamp.url == reverse("innovation:team_detail", args=[team.pk])
    assert (row.mentor.status, row.mentor.text, row.mentor.detail) == (
        LinkStatus.EVIDENCED, "陈朋", "聘任生效")
    assert (row.placement.status, row.placement.detail) == (LinkStatus.UNVERIFIED,
                                                             "已匹配，尚未确认")
    assert row.placement.text.startswith("华电建设集团赣江电力建设有限公司")
    assert (row.outcome.status, row.outcome.text) == (
        LinkStatus.EVIDENCED, "签劳动合同形式就业 · 华电建设集团赣江电力建设有限公司")
    assert row.hired_by_host  # enterprise A hosted the placement and hired her


def test_a_graduate_without_bootcamp_or_placement_has_empty_links(world):
    row = _row(world.staff_wang, world.destination_ma)
    assert [row.bootcamp.status, row.mentor.status, row.placement.status] == [LinkStatus.NONE] * 3
    assert row.outcome.status == LinkStatus.MISSING and not row.hired_by_host


# --- Who sees what -------------------------------------------------------------------------------


def _names(found) -> set[str]:
    return {row.student.user.real_name for row in found.rows}


def test_department_staff_read_their_departments_graduates_only(world):
    world.destination_liu, world.destination_ma, world.destination_far  # noqa: B018
    year = Selection(graduation_year=YEAR)
    assert _names(queries.chain(world.dept_zhou, year)) == {"刘欣怡"}
    assert _names(queries.chain(world.staff_wang, year)) == {"刘欣怡", "马超"}
    assert _names(queries.chain(world.admin, year)) == {"刘欣怡", "马超", "张三"}


def test_department_staff_count_shares_over_their_department_only(world, agency_class):
    # The agency's class lies in the first department: zhou sees the same flag.
    _class, hired, _others = agency_class
    assert Flag.EMPLOYER_SHARE in _flags(world, hired[0], user=world.dept_zhou)


def test_a_cohorts_chain_lists_its_participants_the_user_sees(world):
    world.team_liu, world.team_ma, world.destination_liu  # noqa: B018
    cohort = Selection(cohort=world.cohort_running)
    assert _names(queries.chain(world.staff_wang, cohort)) == {"刘欣怡", "马超"}
    found = queries.chain(world.dept_zhou, cohort)
    assert _names(found) == {"刘欣怡"}
    assert found.rows[0].mentor.text == "陈朋"
    ma = next(r for r in queries.chain(world.staff_wang, cohort).rows
              if r.student == world.student_ma)
    assert ma.outcome.status == LinkStatus.NONE and ma.outcome.detail == "尚无去向记录"


def test_a_foreign_cohort_is_404(client, world):
    client.force_login(world.staff_wang)
    assert client.get(reverse("insights:chain_cohort", args=[world.cohort_far.pk])) \
        .status_code == 404
    assert client.get("/api/v1/insights/chain", {"cohort": world.cohort_far.pk}) \
        .status_code == 404


# --- The page, the export and the API ------------------------------------------------------------


@pytest.fixture
def flagged(world):
    """liu clean; ma's contract without evidence; a graduate of the first class at an
    unregistered shop."""
    world.destination_liu  # noqa: B018
    inf.destination(student=world.student_ma, employer=world.enterprise_b,
                    verification=Verification.MISSING)
    return inf.destination(student=_graduate(world.school_class, "黄小店"),
                           code=DestinationCode.OTHER_HIRE, employer_name="某某餐饮店")


def test_the_page_counts_each_flag_and_links_to_its_rows(client, world, flagged):
    client.force_login(world.staff_wang)
    url = reverse("insights:chain")
    page = client.get(url).content.decode()
    assert "2026届毕业生" in page
    assert 'data-count="all">3</a>' in page
    assert 'data-count="destination_without_evidence">1</a>' in page
    assert 'data-count="employer_not_registered">1</a>' in page
    assert 'data-count="implausible_employer_share">0</a>' in page
    assert "?graduation_year=2026&amp;flag=employer_not_registered" in page
    filtered = client.get(url, {"graduation_year": YEAR,
                                "flag": "employer_not_registered"}).content.decode()
    assert "黄小店" in filtered and "刘欣怡" not in filtered and "马超" not in filtered
    assert "既不是学校登记的机构" in filtered


def test_the_page_of_a_year_without_graduates_is_empty_not_broken(client, world):
    client.force_login(world.dept_zhou)
    response = client.get(reverse("insights:chain"), {"graduation_year": 2031})
    assert response.status_code == 200 and "2031届毕业生" in response.content.decode()


def test_the_export_has_every_row_with_its_flags_and_is_logged(client, world, flagged):
    client.force_login(world.staff_wang)
    response = client.get(reverse("insights:chain"), {"graduation_year": YEAR,
                                                      "export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = rows[0]
    assert header[:2] == ["学号", "姓名"] and "标记原因" in header
    by_name = {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert set(by_name) == {"刘欣怡", "马超", "黄小店"}
    assert by_name["黄小店"]["标记"] == "用人单位未登记"
    assert "既不是学校登记的机构" in by_name["黄小店"]["标记原因"]
    assert by_name["刘欣怡"]["标记"] is None or by_name["刘欣怡"]["标记"] == ""
    entry = AuditEntry.objects.get(action="exported")
    assert entry.actor == world.staff_wang and entry.data["rows"] == 3
    assert set(entry.data["personal_fields"]) == {"student_no", "name"}


def test_the_export_keeps_the_flag_filter(client, world, flagged):
    client.force_login(world.staff_wang)
    response = client.get(reverse("insights:chain"), {
        "graduation_year": YEAR, "flag": "destination_without_evidence", "export": "csv"})
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 2 and "马超" in lines[1]


def test_the_api_returns_rows_with_flags_and_the_counts(client, world, flagged):
    client.force_login(world.dept_zhou)
    body = client.get("/api/v1/insights/chain", {"graduation_year": YEAR}).json()
    assert body["graduates"] == 2 and body["flagged"] == 1  # liu and 黄小店 (first department)
    shop = next(r for r in body["rows"] if r["name"] == "黄小店")
    assert [flag["flag"] for flag in shop["flags"]] == ["employer_not_registered"]
    assert shop["destination"]["status"] == "evidenced"
    counts = client.get("/api/v1/insights/chain/flags", {"graduation_year": YEAR}).json()
    assert {c["flag"]: c["count"] for c in counts["flags"]} == {
        "destination_without_evidence": 0, "destination_self_reported": 0,
        "implausible_employer_share": 0, "startup_without_company": 0,
        "employer_not_registered": 1}
    only = client.get("/api/v1/insights/chain", {"graduation_year": YEAR,
                                                 "flag": "employer_not_registered"}).json()
    assert [r["name"] for r in only["rows"]] == ["黄小店"]


def test_the_menu_offers_the_chain_to_staff_only(client, world):
    client.force_login(world.staff_wang)
    assert "成效链" in client.get(reverse("core:home")).content.decode()
    client.force_login(world.hr_li)
    assert "成效链" not in client.get(reverse("core:home")).content.decode()
