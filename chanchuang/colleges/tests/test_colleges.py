"""Industry colleges: founding one from its three-party agreement (its parties become members
with their roles), refusing an agreement of another kind, the college page for each kind of
visitor, members, and the students of a programme."""

import datetime as dt

from django.urls import reverse

from chanchuang.colleges.choices import MemberRole
from chanchuang.colleges.models import CollegeMember, IndustryCollege
from chanchuang.colleges.tests import factories as cf
from chanchuang.core.models import AuditEntry
from chanchuang.partners.choices import PartyRole
from chanchuang.partners.models import AgreementParty, AgreementType
from chanchuang.partners.tests import factories as pf


def _college_agreement(world):
    agreement = pf.agreement(school=world.school, organisation=world.enterprise_a,
                             type=AgreementType.objects.get(school=None, code="industry_college"),
                             number="T-C")
    AgreementParty.objects.create(agreement=agreement, organisation=world.enterprise_b,
                                  role=PartyRole.CO_BUILDER)
    return agreement


def test_staff_found_a_college_on_its_agreement_and_its_parties_become_members(client, world):
    agreement = _college_agreement(world)
    client.force_login(world.staff_wang)
    page = client.get(reverse("colleges:industrycollege_add") + f"?agreement={agreement.pk}")
    assert page.status_code == 200
    response = client.post(reverse("colleges:industrycollege_add"), {
        "name": "碳中和产业学院", "founding_agreement": agreement.pk, "founded_on": "2026-06-24",
        "majors": [world.major.pk], "description": "三方共建"})
    college = IndustryCollege.objects.get()
    assert response["Location"] == college.get_absolute_url()
    assert {(m.organisation, m.role) for m in college.members.all()} == {
        (world.enterprise_a, MemberRole.PARTICIPANT), (world.enterprise_b, MemberRole.CO_BUILDER)}
    assert list(college.majors.all()) == [world.major]
    assert AuditEntry.objects.filter(action="colleges.college.founded").count() == 1
    assert AuditEntry.objects.filter(action="colleges.member.added").count() == 2


def test_an_agreement_of_another_kind_is_refused_in_chinese_and_nothing_is_written(client,
                                                                                  world):
    client.force_login(world.staff_wang)
    page = client.post(reverse("colleges:industrycollege_add"), {
        "name": "碳中和产业学院", "founding_agreement": world.agreement_a.pk,
        "founded_on": "2026-06-24"}).content.decode()
    assert "选择一个有效的选项" in page or "请选择本校的共建产业学院协议" in page
    assert not IndustryCollege.objects.exists()


def test_the_college_page_shows_each_visitor_what_they_may_see(client, world):
    world.council  # noqa: B018
    world.decision  # noqa: B018
    world.contribution_school  # noqa: B018
    world.college_programme  # noqa: B018 — student_liu is in it
    url = world.college.get_absolute_url()
    client.force_login(world.hr_li)
    page = client.get(url).content.decode()
    assert "理事会" in page and "制定实训基地建设方案" in page and "共建课程" in page
    assert world.enterprise_a.name in page and "碳资产管理订单班" in page
    client.force_login(world.student_liu.user)
    page = client.get(url).content.decode()
    assert "你所在的班" in page and "碳资产管理订单班" in page
    assert "制定实训基地建设方案" not in page and "待落实决议" not in page
    client.force_login(world.observer_hubei)
    page = client.get(url).content.decode()
    assert "待落实决议" not in page and "碳资产管理订单班" not in page
    client.force_login(world.hr_zhao)  # enterprise B is no member
    assert client.get(url).status_code == 404


def test_members_are_added_and_a_member_with_recorded_work_stays(client, world):
    client.force_login(world.staff_wang)
    url = reverse("colleges:collegemember_add", args=[world.college.pk])
    client.post(url, {"organisation": world.enterprise_b.pk, "role": "participant"})
    assert world.college.members.filter(organisation=world.enterprise_b).exists()
    client.post(url, {"organisation": world.org_far.pk, "role": "participant"})
    assert not world.college.members.filter(organisation=world.org_far).exists()
    world.contribution_a  # noqa: B018 — enterprise A has recorded work
    member = world.college_member_a
    response = client.post(reverse("colleges:collegemember_remove", args=[member.pk]),
                           follow=True)
    assert "已有共建成果记录，不能移除" in response.content.decode()
    assert CollegeMember.objects.filter(pk=member.pk).exists()


def test_students_are_added_by_pasted_numbers_and_their_names_shown_only_to_staff(client,
                                                                                  world):
    programme = cf.programme(college=world.college, partner=world.enterprise_a)
    client.force_login(world.staff_wang)
    url = reverse("colleges:collegeprogramme_students", args=[programme.pk])
    response = client.post(url, {"student_numbers": "2025000001，2025000003"}, follow=True)
    assert "以下学号不是本校学生：2025000003" in response.content.decode()
    assert not programme.students.exists()
    client.post(url, {"student_numbers": "2025000001 2025000002"})
    assert set(programme.students.all()) == {world.student_liu, world.student_ma}
    assert "刘欣怡" in client.get(programme.get_absolute_url()).content.decode()
    client.force_login(world.hr_li)
    page = client.get(programme.get_absolute_url()).content.decode()
    assert "刘欣怡" not in page and "2025000001" not in page


def test_a_programme_never_takes_more_students_than_its_places(world):
    from chanchuang.colleges.services.colleges import add_students
    from chanchuang.core.services import DomainError

    programme = cf.programme(college=world.college)
    programme.places = 1
    programme.save()
    try:
        add_students(actor=world.staff_wang, programme=programme,
                     students=[world.student_liu, world.student_ma])
    except DomainError as exc:
        assert "名额1个" in exc.message
    else:  # pragma: no cover
        raise AssertionError("two students fitted in one place")
    assert not programme.students.exists()


def test_the_api_lists_colleges_and_hides_programme_students_from_enterprises(client, world):
    programme = world.college_programme
    client.force_login(world.hr_li)
    body = client.get(f"/api/v1/college-programmes/{programme.pk}").json()
    assert body["student_count"] == 1 and body["student_ids"] == []
    client.force_login(world.staff_wang)
    body = client.get(f"/api/v1/college-programmes/{programme.pk}").json()
    assert body["student_ids"] == [world.student_liu.pk]
    names = [c["name"] for c in client.get("/api/v1/colleges").json()["items"]]
    assert names == ["碳中和产业学院"]
    assert world.college.founded_on == dt.date(2025, 9, 1)


LISTS = ["colleges:industrycollege_list", "colleges:collegeprogramme_list",
         "colleges:council_list", "colleges:councilseat_list", "colleges:meeting_list",
         "colleges:decision_list", "colleges:contribution_list"]


def test_every_list_exports_its_rows_and_programme_students_only_to_staff(client, world):
    from io import BytesIO

    from openpyxl import load_workbook

    for name in ("college_programme", "council_seat", "decision", "contribution_school"):
        getattr(world, name)
    client.force_login(world.staff_wang)
    for route in LISTS:
        for file_format in ("xlsx", "csv"):
            response = client.get(reverse(route) + f"?export={file_format}")
            assert response.status_code == 200, route
            if file_format == "xlsx":
                rows = list(load_workbook(BytesIO(response.content)).active.values)
            else:
                rows = response.content.decode("utf-8-sig").strip().splitlines()
            assert len(rows) >= 2, route
    sheet = load_workbook(BytesIO(client.get(
        reverse("colleges:collegeprogramme_list") + "?export=xlsx").content)).active
    assert "2025000001 刘欣怡" in [cell.value for cell in sheet[2]]
    client.force_login(world.hr_li)
    sheet = load_workbook(BytesIO(client.get(
        reverse("colleges:collegeprogramme_list") + "?export=xlsx").content)).active
    assert "2025000001 刘欣怡" not in [cell.value for cell in sheet[2]]


def test_the_college_page_lists_cooperation_agreements_not_each_interns(client, world):
    internship = pf.agreement(school=world.school, organisation=world.enterprise_a,
                              type=world.agreement_type, number="T-INTERN")
    AgreementParty.objects.create(agreement=internship, student=world.student_liu,
                                  role=PartyRole.PARTY)
    client.force_login(world.staff_wang)
    page = client.get(world.college.get_absolute_url()).content.decode()
    assert world.agreement_a.number in page and "T-INTERN" not in page
