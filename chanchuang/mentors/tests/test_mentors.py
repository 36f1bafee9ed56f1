"""Mentors: appointments and their lifecycle, the letter and its public verification,
activities and the yearly summary, isolation."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from pypdf import PdfReader

from chanchuang.core.models import AuditEntry, Notification
from chanchuang.core.services import DomainError
from chanchuang.mentors import queries, services
from chanchuang.mentors.models import Activity, Appointment, AppointmentTitle
from chanchuang.mentors.tests import factories as mf
from chanchuang.partners.choices import CommitmentKind
from chanchuang.partners.models import Commitment, Delivery


def _propose(world, mentor=None, **extra):
    return services.propose(actor=world.staff_wang, mentor=mentor or world.mentor_a,
                            title=mf.builtin_title(), start_date=extra.pop("start",
                                                                          dt.date(2026, 6, 24)),
                            end_date=extra.pop("end", dt.date(2029, 6, 23)),
                            duties="授课", **extra)


def test_an_approved_appointment_gets_a_serial_becomes_active_and_fills_the_commitment(
        world, today):
    party = world.agreement_a.parties.get(organisation=world.enterprise_a)
    mentors = Commitment.objects.create(agreement=world.agreement_a, party=party,
                                        kind=CommitmentKind.MENTORS, target=Decimal(3))
    appointment = _propose(world, agreement=world.agreement_a)
    assert appointment.status == "proposed" and appointment.serial == ""
    approved = services.approve(actor=world.staff_wang, appointment=appointment)
    assert approved.status == "active"  # its term has begun
    assert approved.serial == "9001-PS-2026-0001"
    second = services.approve(actor=world.staff_wang, appointment=_propose(world))
    assert second.serial == "9001-PS-2026-0002"
    [delivery] = Delivery.objects.filter(commitment=mentors)
    assert delivery.quantity == 1 and delivery.source == "appointment"
    assert "向晓斌" in delivery.description
    statuses = [e.changes.get("status") for e in AuditEntry.objects.filter(
        content_type__model="appointment", object_id=str(approved.pk)).order_by("pk")]
    assert [s for s in statuses if s] == [[None, "proposed"], ["proposed", "approved"],
                                          ["approved", "active"]]
    assert list(AuditEntry.objects.filter(
        content_type__model="appointment", object_id=str(approved.pk)).order_by("pk")
        .values_list("action", flat=True)) == [
        "mentors.appointment.proposed", "mentors.appointment.approved",
        "mentors.appointment.activated"]


def test_an_agreement_the_mentors_organisation_is_not_party_to_is_refused(world):
    with pytest.raises(DomainError, match="该导师所在单位不是此协议的一方"):
        _propose(world, mentor=world.mentor_b, agreement=world.agreement_a)
    assert not Appointment.objects.exists()


@pytest.mark.parametrize(("status", "step", "message"), [
    ("withdrawn", services.approve, "状态为“已撤回”的聘任不能变为“已批准”"),
    ("active", services.approve, "状态为“在聘”的聘任不能变为“已批准”"),
    ("expired", services.withdraw, "状态为“已到期”的聘任不能变为“已撤回”"),
])
def test_the_lifecycle_refuses_illegal_steps_in_chinese(world, status, step, message):
    appointment = mf.appointment(mentor=world.mentor_a, status=status)
    with pytest.raises(DomainError, match=message):
        step(actor=world.staff_wang, appointment=appointment)
    assert Appointment.objects.get(pk=appointment.pk).status == status


def test_the_daily_step_starts_and_ends_terms(world, today):
    upcoming = mf.appointment(mentor=world.mentor_a, status="approved",
                              start=dt.date(2026, 11, 1), end=dt.date(2027, 6, 30))
    ended = mf.appointment(mentor=world.mentor_b, status="active",
                           start=dt.date(2023, 9, 1), end=dt.date(2026, 8, 31))
    assert services.refresh_statuses() == {"active": 1, "expired": 1}
    assert Appointment.objects.get(pk=upcoming.pk).status == "active"
    assert Appointment.objects.get(pk=ended.pk).status == "expired"
    assert services.refresh_statuses() == {"active": 0, "expired": 0}


def test_renewal_proposes_the_next_term_once(world):
    old = mf.appointment(mentor=world.mentor_a, status="expired",
                         start=dt.date(2023, 9, 1), end=dt.date(2026, 8, 31))
    renewal = services.renew(actor=world.staff_wang, appointment=old)
    assert (renewal.status, renewal.start_date, renewal.renewal_of) == (
        "proposed", dt.date(2026, 9, 1), old)
    assert renewal.end_date - renewal.start_date == old.end_date - old.start_date
    with pytest.raises(DomainError, match="已有续聘"):
        services.renew(actor=world.staff_wang, appointment=old)


def test_a_proposed_appointment_asks_its_schools_staff_to_approve_it_once(world):
    appointment = services.propose(actor=world.admin, mentor=world.mentor_a,
                                   title=mf.builtin_title(), start_date=dt.date(2026, 9, 1),
                                   end_date=dt.date(2029, 8, 31))
    told = Notification.objects.get(user=world.staff_wang)
    assert told.title == f"审批聘任：{appointment}" and told.url == appointment.get_absolute_url()
    assert told.body == "聘期 2026-09-01 至 2029-08-31。"
    assert not Notification.objects.filter(user__in=[world.staff_far, world.dept_zhou,
                                                     world.admin]).exists()
    # Approving it, or the next proposal of the school, tells nobody again about this one.
    services.approve(actor=world.staff_wang, appointment=appointment)
    _propose(world, mentor=world.mentor_b)  # staff_wang proposes: knows, is not told
    assert list(Notification.objects.values_list("url", flat=True)) == [told.url]


def test_a_proposal_of_the_other_school_tells_only_its_staff(world):
    appointment = services.propose(actor=world.admin, mentor=world.mentor_far,
                                   title=mf.builtin_title(), start_date=dt.date(2026, 9, 1),
                                   end_date=dt.date(2029, 8, 31))
    assert list(Notification.objects.values_list("user", "url")) == [
        (world.staff_far.pk, appointment.get_absolute_url())]


def test_an_appointment_that_ends_before_it_starts_is_refused(world):
    with pytest.raises(DomainError, match="结束日期"):
        _propose(world, start=dt.date(2027, 1, 1), end=dt.date(2026, 1, 1))
    assert not Appointment.objects.exists()


def test_staff_approve_in_the_browser_and_the_page_shows_the_serial(client, world, today):
    appointment = _propose(world)
    client.force_login(world.staff_wang)
    response = client.post(reverse("mentors:appointment_approve", args=[appointment.pk]),
                           follow=True)
    assert "已批准，聘书编号 9001-PS-2026-0001。" in response.content.decode()
    page = client.get(appointment.get_absolute_url()).content.decode()
    assert "打印聘书（PDF）" in page
    assert reverse("mentors:verify", args=[Appointment.objects.get(
        pk=appointment.pk).verification_code]) in page


@pytest.mark.cjk_fonts
def test_the_letter_pdf_carries_the_appointment_and_its_verification_address(client, world):
    appointment = world.appointment_a
    client.force_login(world.staff_wang)
    response = client.get(reverse("mentors:appointment_letter", args=[appointment.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    compact = text.replace(" ", "").replace("\n", "")
    assert "聘书" in compact.replace("　", "")
    assert "兹聘请向晓斌" in compact and "江城职业技术学院双创客座教授" in compact
    assert "2026年6月24日" in compact and "2029年6月23日" in compact
    assert appointment.serial in compact
    assert reverse("mentors:verify", args=[appointment.verification_code]) in compact
    assert f"校验码：{appointment.check_code}" in compact.replace("　", "")  # to type it in


def test_a_staff_letter_template_is_used_and_broken_ones_are_refused(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("mentors:appointmenttitle_add"), {
        "school": world.school.pk, "name": "产业教授", "letter_template": "{% if %}"})
    assert "聘书模板无法读取" in response.content.decode()
    assert not AppointmentTitle.objects.filter(name="产业教授").exists()


def _verify(client, code):
    response = client.get(reverse("mentors:verify", args=[code]))
    return response.status_code, response.content.decode()


def test_verification_of_a_genuine_current_letter_says_so_and_nothing_else(client, world):
    appointment = world.appointment_a
    status, page = _verify(client, appointment.verification_code.lower())
    assert status == 200
    assert "真实有效，当前在聘" in page and "双创客座教授" in page and appointment.serial in page
    assert "向**" in page and "向晓斌" not in page  # enough to match the letter in hand
    assert "聘任职务" in page and "标题" not in page  # a title of office, not a heading
    assert world.mentor_a.phone not in page and world.enterprise_a.name not in page


@pytest.mark.parametrize("forge", [
    lambda code: code[:-1] + ("0" if code[-1] != "0" else "1"),  # a forged check
    lambda code: code.replace("0001", "0002"),  # the next serial, guessed
    lambda code: "nonsense",
])
def test_verification_of_a_forged_code_is_refused(client, world, forge):
    status, page = _verify(client, forge(world.appointment_a.verification_code))
    assert status == 404
    assert "没有编号为" in page and "可能是伪造的" in page and "向**" not in page


@pytest.mark.parametrize(("change", "verdict"), [
    ({"status": "withdrawn"}, "已被撤回，不再有效"),
    ({"status": "expired", "end_date": dt.date(2026, 8, 31)}, "聘期已于2026-08-31结束"),
    ({"end_date": dt.date(2026, 8, 31)}, "聘期已于2026-08-31结束"),  # before the daily step
    ({"start_date": dt.date(2027, 1, 1)}, "聘期尚未开始"),
])
def test_verification_of_a_letter_no_longer_current_says_why(client, world, today, change,
                                                              verdict):
    appointment = world.appointment_a
    Appointment.objects.filter(pk=appointment.pk).update(**change)
    status, page = _verify(client, appointment.verification_code)
    assert status == 200 and verdict in page and "当前在聘" not in page


def test_the_api_verifies_without_a_login(client, world):
    url = f"/api/v1/letters/{world.appointment_a.verification_code}"
    assert client.get(url).json() == {
        "genuine": True, "verdict": "current", "title": "双创客座教授",
        "school": "江城职业技术学院", "start_date": "2026-06-24", "end_date": "2029-06-23"}
    forged = url[:-1] + ("X" if url[-1] != "X" else "Y")
    assert client.get(forged).json()["genuine"] is False


def test_the_verify_page_takes_the_serial_and_check_code_typed_from_the_letter(client, world):
    appointment = world.appointment_a
    page = client.get(reverse("mentors:verify_form"))
    assert page.status_code == 200 and 'name="serial"' in page.content.decode()
    typed = client.get(reverse("mentors:verify_form"), {
        "serial": f" {appointment.serial} ", "check": appointment.check_code.lower()})
    scanned = client.get(reverse("mentors:verify", args=[appointment.verification_code]))
    assert typed.status_code == scanned.status_code == 200
    for answer in ("真实有效，当前在聘", "向**", appointment.serial):
        assert answer in typed.content.decode() and answer in scanned.content.decode()
    wrong = client.get(reverse("mentors:verify_form"), {
        "serial": appointment.serial, "check": "0000-0000-0000-0000"})
    assert wrong.status_code == 404 and "可能是伪造的" in wrong.content.decode()


def test_a_serial_alone_asks_for_the_check_code_and_reveals_nothing(client, world):
    real = world.appointment_a.serial  # 9001-PS-2026-0001, printed on the letter
    guessed = real[:-4] + "0999"
    answers = []
    for serial in (real, guessed):
        response = client.get(reverse("mentors:verify", args=[serial]))
        page = response.content.decode()
        assert response.status_code == 200 and "请同时输入" in page and "可能是伪造的" not in page
        assert "向**" not in page and 'name="check"' in page
        answers.append(re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", page)
                       .replace(serial, "<serial>"))
    assert answers[0] == answers[1]  # the same page whether or not the letter exists


# --- Long check codes and a throttle on guesses (issue 11, finding 5c) -----------------------


def test_a_letter_code_carries_80_random_bits_in_readable_groups(world):
    appointment = world.appointment_a
    serial, groups = appointment.verification_code[:len(appointment.serial)], \
        appointment.verification_code[len(appointment.serial) + 1:].split("-")
    assert serial == appointment.serial
    assert [len(g) for g in groups] == [4, 4, 4, 4]  # 16 base32 characters: 80 bits
    assert set("".join(groups)) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    other = mf.appointment(mentor=world.mentor_a, start=dt.date(2026, 7, 1))
    assert other.check_code != appointment.check_code


def test_a_code_typed_back_from_paper_still_verifies(client, world):
    appointment = world.appointment_a
    Appointment.objects.filter(pk=appointment.pk).update(check_code="0K1M-Q9XD-2HVB-RT4W")
    typed = f"{appointment.serial.lower()}-oK1M-q9xd-2HvB-RT4W"  # O for 0, lower case
    status, page = _verify(client, typed)
    assert status == 200 and "真实有效" in page


def test_the_short_code_of_a_letter_printed_before_verifies_only_for_old_letters(client, world):
    appointment = world.appointment_a
    short = appointment.short_codes()[0]
    assert _verify(client, short)[0] == 404  # a new letter never had a short code
    Appointment.objects.filter(pk=appointment.pk).update(accepts_short_code=True)
    status, page = _verify(client, short)
    assert status == 200 and "真实有效" in page


def test_the_letter_check_is_throttled_per_address_on_the_page_and_the_api(client, world,
                                                                           settings):
    settings.VERIFY_RATE = "3/m"
    code = world.appointment_a.verification_code
    assert _verify(client, "nonsense")[0] == 404
    assert _verify(client, code)[0] == 200
    assert client.get(f"/api/v1/letters/{code}").status_code == 200  # the same allowance
    status, page = _verify(client, code)
    assert status == 429 and "您的地址查验次数过多" in page and "向**" not in page
    api = client.get(f"/api/v1/letters/{code}")
    assert api.status_code == 429 and "请求过于频繁" in api.json()["detail"]
    other = client.get(reverse("mentors:verify", args=[code]), REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 200


def test_a_mentor_records_their_own_activity_and_sees_the_yearly_summary(client, world, today):
    client.force_login(world.mentor_chen)
    mentor = world.mentor_own
    for day, hours, kind in [("2026-10-12", "2", "lecture"), ("2026-11-02", "3.5", "mentoring"),
                             ("2025-12-01", "4", "judging")]:
        response = client.post(reverse("mentors:activity_add", args=[mentor.pk]), {
            "kind": kind, "title": "特训营", "happened_on": day, "hours": hours}, follow=True)
        assert "已记录活动" in response.content.decode()
    assert queries.yearly_summary(Activity.objects.filter(mentor=mentor)) == [
        {"year": 2026, "total": Decimal("5.5"),
         "kinds": {"讲座": Decimal("2.0"), "辅导": Decimal("3.5")}},
        {"year": 2025, "total": Decimal("4.0"), "kinds": {"评审": Decimal("4.0")}},
    ]
    page = client.get(mentor.get_absolute_url()).content.decode()
    assert "5.5 小时" in page


@pytest.mark.parametrize(("data", "message"), [
    ({"hours": "25"}, "时长：应在 0 到 24 之间"),
    ({"hours": "0"}, "时长：应在 0 到 24 之间"),
    ({"happened_on": "2027-01-01"}, "活动发生后才能记录"),
])
def test_bad_activities_are_refused_and_nothing_is_recorded(client, world, today, data,
                                                            message):
    client.force_login(world.staff_wang)
    response = client.post(reverse("mentors:activity_add", args=[world.mentor_a.pk]), {
        "kind": "lecture", "title": "讲座", "happened_on": "2026-11-01", "hours": "2", **data},
        follow=True)
    assert message in response.content.decode()
    assert not Activity.objects.exists()


def test_the_pool_is_open_on_campus_but_appointments_and_hours_are_not(client, world):
    world.appointment_a, world.activity_a  # noqa: B018
    client.force_login(world.student_user)
    page = client.get(world.mentor_a.get_absolute_url()).content.decode()
    assert "向晓斌" in page
    assert world.appointment_a.serial not in page and "创业讲座" not in page
    assert world.mentor_a.phone not in page  # masked
    client.force_login(world.hr_li)  # a colleague of mentor A: sees the records
    page = client.get(world.mentor_a.get_absolute_url()).content.decode()
    assert world.appointment_a.serial in page and "创业讲座" in page


def test_the_mentor_sees_their_own_phone_and_staff_see_everyones(client, world):
    def page(mentor):
        return client.get(mentor.get_absolute_url()).content.decode()

    client.force_login(world.mentor_chen)
    assert world.mentor_own.phone in page(world.mentor_own)
    assert world.mentor_a.phone not in page(world.mentor_a)
    client.force_login(world.staff_wang)
    assert world.mentor_a.phone in page(world.mentor_a)
    api = client.get(f"/api/v1/mentors/{world.mentor_a.pk}").json()
    assert api["phone"] == world.mentor_a.phone
    client.force_login(world.student_user)
    assert client.get(f"/api/v1/mentors/{world.mentor_a.pk}").json()["phone"] == "139****2345"


def test_propose_and_approve_through_the_api(client, world, today):
    client.force_login(world.staff_wang)
    created = client.post("/api/v1/appointments", {
        "mentor_id": world.mentor_a.pk, "title_id": mf.builtin_title("teaching_director").pk,
        "start_date": "2026-09-01", "end_date": "2027-08-31"}, content_type="application/json")
    assert created.status_code == 201 and created.json()["status"] == "proposed"
    approved = client.post(f"/api/v1/appointments/{created.json()['id']}/approve")
    assert approved.json()["status"] == "active" and approved.json()["serial"]
    again = client.post(f"/api/v1/appointments/{created.json()['id']}/approve")
    assert again.status_code == 400 and "不能变为“已批准”" in again.json()["detail"]


def test_exports_mask_phones_for_students_and_log_the_export(client, world):
    from openpyxl import load_workbook

    world.mentor_a  # noqa: B018
    for user, shown in [(world.student_user, "139****2345"), (world.staff_wang, "13907112345")]:
        client.force_login(user)
        response = client.get(reverse("mentors:mentor_list") + "?export=xlsx")
        rows = list(load_workbook(io.BytesIO(response.content)).active.values)
        assert ("向晓斌", world.enterprise_a.name) == rows[1][:2] and rows[1][5] == shown
    assert AuditEntry.objects.filter(action="exported", actor=world.staff_wang).exists()


@pytest.mark.parametrize(("template", "named"), [
    ('<link rel=attachment href=file:///etc/passwd>', "<link> 标签"),
    ('<img src="http://127.0.0.1:8000/x.png">', "平台自身文件以外的图片"),
    ('<iframe src="file:///etc/passwd"></iframe>', "<iframe> 标签"),
    ("<style>p { background: url(file:///etc/passwd) }</style>", "CSS url()"),
    ('<p onclick="x()">{{ letter.name }}</p>', "事件属性 onclick"),
    ("{% extends 'base.html' %}", "{% extends %} 模板标签"),
    ("{{ letter.duties|safe }}", "|safe 过滤器"),
])
def test_a_letter_template_with_a_refused_construct_is_refused_by_name(client, world, template,
                                                                     named):
    client.force_login(world.staff_wang)
    response = client.post(reverse("mentors:appointmenttitle_add"), {
        "school": world.school.pk, "name": "产业教授", "letter_template": template})
    page = unescape(response.content.decode())  # the page escapes the message's <tag>
    assert "模板中不允许使用：" in page and named in page
    assert not AppointmentTitle.objects.filter(name="产业教授").exists()
    title = world.title_own
    client.post(reverse("mentors:appointmenttitle_edit", args=[title.pk]), {
        "school": world.school.pk, "name": title.name, "letter_template": template})
    assert AppointmentTitle.objects.get(pk=title.pk).letter_template == "{{ letter.name }}"


def test_a_clean_letter_template_saves(client, world):
    client.force_login(world.staff_wang)
    template = '<h1 style="color:#b3261e">聘书</h1><p>兹聘请 {{ letter.name }}</p>'
    client.post(reverse("mentors:appointmenttitle_add"), {
        "school": world.school.pk, "name": "产业教授", "letter_template": template})
    assert AppointmentTitle.objects.get(name="产业教授").letter_template == template


def test_a_letter_template_stored_before_the_rules_leaks_nothing(client, world, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-OF-THE-SERVER", encoding="utf-8")
    appointment = world.appointment_a
    AppointmentTitle.objects.filter(pk=appointment.title_id).update(letter_template=(
        f'<link rel="attachment" href="{secret.as_uri()}"><p>{{{{ letter.name }}}}</p>'))
    client.force_login(world.staff_wang)
    response = client.get(reverse("mentors:appointment_letter", args=[appointment.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert not PdfReader(io.BytesIO(response.content)).attachments
    assert b"SECRET-OF-THE-SERVER" not in response.content
