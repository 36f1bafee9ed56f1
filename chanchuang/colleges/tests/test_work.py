"""Co-developed work: an enterprise member records their organisation's work with evidence and
it waits for staff; staff confirm (it goes to the ledger) or return it with a note; every kind's
rules refuse bad input in Chinese with nothing written; the form shows the chosen kind's
fields."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chanchuang.colleges.choices import ContributionKind as K
from chanchuang.colleges.models import Contribution
from chanchuang.colleges.services import work
from chanchuang.core.services import DomainError
from chanchuang.core.tests.factories import TINY_PDF
from chanchuang.core.todos import todos_for


def _pdf():
    return SimpleUploadedFile("证明.pdf", TINY_PDF)


def test_an_enterprise_records_with_evidence_and_staff_confirm(client, world):
    client.force_login(world.hr_li)
    form = {"college": world.college.pk, "kind": "training", "title": "企业员工碳管理培训",
            "organisation": world.enterprise_a.pk, "happened_on": "2026-03-10",
            "amount": "20"}
    page = client.post(reverse("colleges:contribution_add"), form).content.decode()
    assert "证明材料" in page and not Contribution.objects.exists()
    response = client.post(reverse("colleges:contribution_add"), {**form, "evidence": _pdf()})
    contribution = Contribution.objects.get()
    assert response["Location"] == contribution.get_absolute_url()
    assert (contribution.status, contribution.recorded_by) == ("recorded", world.hr_li)
    assert "确认共建成果：1项待确认" in [t.what for t in todos_for(world.staff_wang)]
    client.force_login(world.staff_wang)
    client.post(reverse("colleges:contribution_confirm", args=[contribution.pk]))
    contribution.refresh_from_db()
    assert (contribution.status, contribution.confirmed_by) == ("confirmed", world.staff_wang)
    assert not [t for t in todos_for(world.staff_wang) if t.what.startswith("确认共建成果")]


def test_a_returned_record_waits_on_its_recorder_and_goes_back_when_corrected(client, world):
    contribution = world.contribution_a
    contribution.recorded_by = world.hr_li
    contribution.save()
    client.force_login(world.staff_wang)
    url = reverse("colleges:contribution_return", args=[contribution.pk])
    response = client.post(url, {"note": "请补充培训签到表"})
    contribution.refresh_from_db()
    assert (contribution.status, contribution.review_note) == ("returned", "请补充培训签到表")
    [todo] = todos_for(world.hr_li)
    assert todo.what == "更正被退回的成果：企业员工碳管理培训" and response.status_code == 302
    client.force_login(world.hr_li)
    client.post(reverse("colleges:contribution_edit", args=[contribution.pk]), {
        "title": "企业员工碳管理培训", "organisation": world.enterprise_a.pk,
        "happened_on": "2026-03-01", "amount": "22"})
    contribution.refresh_from_db()
    assert (contribution.status, contribution.amount) == ("recorded", Decimal("22"))
    assert todos_for(world.hr_li) == []


BAD = [
    ({"organisation": "b"}, "贡献方：请选择本产业学院的成员单位；学校本身请留空。"),
    ({"happened_on": dt.date(2025, 8, 31)}, "日期：不在产业学院的存续期内（2025-09-01成立）。"),
    ({"kind": K.TEACHER}, "聘任：企业教师须关联其已批准的导师聘任。"),
    ({"kind": K.TEACHER, "appointment": "b"}, "聘任：请选择贡献单位导师的已批准聘任。"),
    ({"kind": K.SERVICE, "client": "a", "amount": None}, "数量/金额：请填写项目到账收入（万元）。"),
    ({"kind": K.SERVICE, "amount": Decimal(5)}, "服务对象：请写明项目服务的企业。"),
    ({"kind": K.TEXTBOOK, "authors": ""}, "作者：请写明各方作者"),
    ({"kind": K.TEXTBOOK, "authors": "张三（学校）", "isbn": "12345"},
     "ISBN：请填写10位或13位书号。"),
    ({"kind": K.EQUIPMENT, "amount": None}, "数量/金额：请填写设备价值（万元）。"),
]


@pytest.mark.parametrize(("change", "message"), BAD)
def test_each_kind_refuses_bad_input_in_chinese_and_writes_nothing(world, change, message):
    values = {"kind": K.COURSE, "title": "碳排放核算实务", "happened_on": dt.date(2026, 3, 1),
              "organisation": world.enterprise_a, "amount": Decimal(32),
              "authors": "王凯（学校）、李建华（企业）"}
    objects = {"a": world.enterprise_a, "b": world.enterprise_b}
    for name, value in change.items():
        if name == "appointment":
            value = world.appointment_b  # a mentor of enterprise B
        elif name in ("organisation", "client"):
            value = objects[value]
        values[name] = value
    with pytest.raises(DomainError) as refused:
        work.record_contribution(actor=world.staff_wang, college=world.college, **values)
    assert message in refused.value.message
    assert not Contribution.objects.exists()


def test_an_enterprise_member_records_only_their_own_organisations_work(world):
    with pytest.raises(DomainError) as refused:
        work.record_contribution(actor=world.hr_li, college=world.college, kind=K.BASE,
                                 title="实训基地", happened_on=dt.date(2026, 3, 1),
                                 evidence=_pdf())
    assert "贡献方：只能记录本单位的成果。" in refused.value.message
    assert not Contribution.objects.exists()


def test_an_enterprise_teacher_is_linked_to_their_appointment(world):
    teacher = work.record_contribution(
        actor=world.staff_wang, college=world.college, kind=K.TEACHER, title="向晓斌授课",
        organisation=world.enterprise_a, happened_on=dt.date(2026, 5, 1), amount=Decimal(36),
        appointment=world.appointment_a, isbn="978-7-111", confirm=True)
    assert (teacher.status, teacher.appointment, teacher.isbn) == (
        "confirmed", world.appointment_a, "")  # a teacher has no ISBN


def test_the_form_shows_the_fields_of_the_chosen_kind(client, world):
    client.force_login(world.staff_wang)
    page = client.get(reverse("colleges:contribution_add") + "?kind=teacher").content.decode()
    assert 'name="appointment"' in page and 'name="isbn"' not in page
    page = client.get(reverse("colleges:contribution_add")).content.decode()
    assert 'data-kinds="textbook"' in page and "contribution_form.js" in page
    client.force_login(world.hr_li)
    page = client.get(reverse("colleges:contribution_add")).content.decode()
    assert 'name="confirm"' not in page


def test_the_api_records_with_evidence_and_staff_confirm(client, world):
    client.force_login(world.hr_li)
    response = client.post("/api/v1/contributions", {
        "college_id": world.college.pk, "kind": "equipment", "title": "碳监测设备",
        "organisation_id": world.enterprise_a.pk, "happened_on": "2026-04-01",
        "amount": "35", "evidence": _pdf()})
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["status"], body["has_evidence"], body["unit"]) == ("recorded", True, "万元")
    response = client.post("/api/v1/contributions", {
        "college_id": world.college.pk, "kind": "equipment", "title": "碳监测设备",
        "organisation_id": world.enterprise_b.pk, "happened_on": "2026-04-01",
        "amount": "35", "evidence": _pdf()})
    assert response.status_code == 400
    client.force_login(world.staff_wang)
    response = client.post(f"/api/v1/contributions/{body['id']}/confirm")
    assert response.json()["status"] == "confirmed"
