"""Agreements: lifecycle, signing at an event, commitments ledger, deliveries, reminders, PDF."""

import datetime as dt
import io
from decimal import Decimal
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from chanchuang.core.models import AuditEntry, Notification
from chanchuang.core.services import DomainError
from chanchuang.core.tests.factories import TINY_PDF
from chanchuang.partners import queries, services
from chanchuang.partners.choices import AgreementStatus, CommitmentKind
from chanchuang.partners.models import (
    Agreement,
    AgreementType,
    Delivery,
    Interaction,
    SigningEvent,
)


def _draft(world, *organisations, start=dt.date(2026, 6, 24), end=dt.date(2029, 6, 23)):
    agreement = services.create_agreement(
        actor=world.staff_wang, school=world.school, type=world.agreement_type,
        title="共建碳中和产业学院协议", start_date=start, end_date=end)
    for organisation in organisations:
        services.add_party(actor=world.staff_wang, agreement=agreement,
                           organisation=organisation, role="co_builder")
    return agreement


def test_a_three_party_agreement_goes_from_draft_to_active(world, today):
    agreement = _draft(world, world.enterprise_a, world.enterprise_b)
    assert agreement.number == "9001-2026-001"
    assert [p.name for p in agreement.parties.all()] == [
        "江城职业技术学院", world.enterprise_a.name, world.enterprise_b.name]
    services.transition(actor=world.staff_wang, agreement=agreement, to="review")
    event = SigningEvent.objects.create(school=world.school, name="签约仪式",
                                        held_on=dt.date(2026, 6, 24))
    [signed] = services.sign_at_event(actor=world.staff_wang, event=event, agreements=[agreement])
    assert signed.status == AgreementStatus.ACTIVE  # its term has begun
    assert signed.signed_on == dt.date(2026, 6, 24) and signed.signing_event == event
    timeline = Interaction.objects.filter(agreement=signed, kind="signing")
    assert {i.organisation for i in timeline} == {world.enterprise_a, world.enterprise_b}
    statuses = [entry.changes.get("status") for entry in AuditEntry.objects.filter(
        object_id=str(signed.pk), content_type__model="agreement").order_by("pk")]
    assert [s for s in statuses if s] == [[None, "draft"], ["draft", "review"],
                                          ["review", "signed"], ["signed", "active"]]
    actions = AuditEntry.objects.filter(object_id=str(signed.pk), content_type__model="agreement")
    assert list(actions.order_by("pk").values_list("action", flat=True)) == [
        "partners.agreement.drafted", "partners.agreement.submitted",
        "partners.agreement.signed", "partners.agreement.activated"]


@pytest.mark.parametrize(("start", "to", "message"), [
    ("draft", "signed", "状态为“草拟中”的协议不能变为“已签署”"),
    ("draft", "active", "状态为“草拟中”的协议不能变为“履行中”"),
    ("active", "draft", "状态为“履行中”的协议不能变为“草拟中”"),
    ("active", "expiring", "这一步由签署或日期自动完成"),
    ("expired", "terminated", "状态为“已到期”的协议不能变为“已终止”"),
])
def test_forbidden_transitions_are_refused_and_change_nothing(world, start, to, message):
    agreement = world.agreement_draft
    Agreement.objects.filter(pk=agreement.pk).update(status=start)
    agreement.refresh_from_db()
    with pytest.raises(DomainError, match=message):
        services.transition(actor=world.staff_wang, agreement=agreement, to=to)
    agreement.refresh_from_db()
    assert agreement.status == start
    assert not AuditEntry.objects.exists()


def test_an_agreement_without_a_partner_cannot_go_for_review(world):
    agreement = _draft(world)
    with pytest.raises(DomainError, match="请先至少添加一家机构"):
        services.transition(actor=world.staff_wang, agreement=agreement, to="review")


def test_bad_terms_and_parties_are_refused(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("partners:agreement_add"), {
        "type": world.agreement_type.pk, "title": "协议", "start_date": "2027-01-01",
        "end_date": "2026-01-01", "reminder_days": 60})
    assert "结束日期：不能早于开始日期。" in response.content.decode()
    assert not Agreement.objects.exists()
    agreement = _draft(world, world.enterprise_a)
    with pytest.raises(DomainError, match="已是本协议的签约方"):
        services.add_party(actor=world.staff_wang, agreement=agreement,
                           organisation=world.enterprise_a)
    with pytest.raises(DomainError, match="属于其他学校"):
        services.add_party(actor=world.staff_wang, agreement=agreement,
                           organisation=world.org_far)
    assert agreement.parties.count() == 2


def test_parties_and_commitments_freeze_once_signed(world):
    agreement = world.agreement_a
    with pytest.raises(DomainError, match="已不能修改"):
        services.add_party(actor=world.staff_wang, agreement=agreement,
                           organisation=world.enterprise_b)
    with pytest.raises(DomainError, match="已不能修改"):
        services.add_commitment(actor=world.staff_wang, party=agreement.parties.first(),
                                kind=CommitmentKind.MENTORS, target=Decimal(2))


@pytest.mark.parametrize(("quantity", "day", "message"), [
    ("21", "2026-09-01", "超过了整项承诺（10 个）的两倍"),
    ("2.5", "2026-09-01", "实习岗位按整数计"),
    ("0", "2026-09-01", "必须大于零"),
    ("2", "2025-12-31", "必须在协议期限内（2026-01-01 至 2028-12-31）"),
    ("2", "2026-12-01", "不能登记未来的履约"),
])
def test_implausible_deliveries_are_refused(world, today, quantity, day, message):
    with pytest.raises(DomainError, match=message):
        services.record_delivery(actor=world.staff_wang, commitment=world.commitment_a,
                                 quantity=Decimal(quantity),
                                 delivered_on=dt.date.fromisoformat(day))
    assert not Delivery.objects.exists()


def test_promised_versus_delivered_adds_up_per_party(world, today):
    services.record_delivery(actor=world.hr_li, commitment=world.commitment_a,
                             quantity=Decimal(3), delivered_on=dt.date(2026, 9, 1))
    services.record_delivery(actor=world.hr_li, commitment=world.commitment_a,
                             quantity=Decimal(4), delivered_on=dt.date(2026, 10, 1))
    lines = {(line.party, line.kind): line for line in queries.ledger(
        world.agreement_a.commitments.all())}
    posts = lines[(world.enterprise_a.name, "实习岗位")]
    assert (posts.promised, posts.delivered, posts.percent) == (10, 7, 70)
    training = lines[("江城职业技术学院", "员工培训（人天）")]
    assert (training.promised, training.delivered, training.percent) == (5, 0, 0)


def test_enterprise_member_sees_only_their_agreements(client, world):
    world.agreement_a, world.agreement_b, world.agreement_far  # noqa: B018 — create them
    client.force_login(world.hr_li)
    page = client.get(reverse("partners:agreement_list"))
    numbers = [row.record.number for row in page.context["table"].page.object_list]
    assert numbers == ["T-A"]
    assert client.get(world.agreement_b.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/agreements/{world.agreement_b.pk}").status_code == 404


def test_enterprise_member_records_a_delivery_but_cannot_change_the_agreement(
        client, world, today):
    client.force_login(world.hr_li)
    response = client.post(
        f"/api/v1/commitments/{world.commitment_a.pk}/deliveries",
        {"quantity": "3", "delivered_on": "2026-09-01", "description": "9月到岗3人"},
        content_type="application/json")
    assert response.status_code == 201, response.content
    refused = client.post(f"/api/v1/commitments/{world.commitment_a_school.pk}/deliveries",
                          {"quantity": "1", "delivered_on": "2026-09-01"},
                          content_type="application/json")
    assert refused.status_code == 403
    transition = client.post(f"/api/v1/agreements/{world.agreement_a.pk}/transitions",
                             {"to": "terminated"}, content_type="application/json")
    assert transition.status_code == 403
    assert Agreement.objects.get(pk=world.agreement_a.pk).status == "active"


def test_reminders_mark_expiring_and_expired_and_tell_the_owner(world, today):
    soon = world.agreement_a
    Agreement.objects.filter(pk=soon.pk).update(end_date=dt.date(2027, 1, 10),
                                                owner=world.staff_wang)
    gone = world.agreement_b
    Agreement.objects.filter(pk=gone.pk).update(end_date=dt.date(2026, 11, 1),
                                                owner=world.staff_wang)
    counts = services.refresh_statuses(today=today)
    assert counts == {"active": 0, "expiring": 1, "expired": 1}
    assert Agreement.objects.get(pk=soon.pk).status == "expiring"
    assert Agreement.objects.get(pk=gone.pk).status == "expired"
    titles = sorted(Notification.objects.filter(user=world.staff_wang)
                    .values_list("title", flat=True))
    assert titles == [f"协议即将到期：{soon.title}", f"协议已到期：{gone.title}"]
    # Running again the same day changes nothing and tells nobody twice.
    assert services.refresh_statuses(today=today) == {"active": 0, "expiring": 0, "expired": 0}
    assert Notification.objects.count() == 2


def test_commitments_falling_due_are_reminded_to_the_responsible_staff_once(world, today):
    def ending(agreement, days, owner=None):
        Agreement.objects.filter(pk=agreement.pk).update(
            end_date=today + dt.timedelta(days=days), owner=owner)
        return Agreement.objects.get(pk=agreement.pk)

    a = ending(world.agreement_a, 30, owner=world.dept_zhou)  # its owner is told
    b = ending(world.agreement_b, 10)  # no owner: the school's staff are
    far = ending(world.agreement_far, 10)
    Delivery.objects.create(commitment=world.commitment_a, quantity=Decimal(4),
                            delivered_on=a.start_date)
    assert services.remind_commitments_due(today=today) == 3
    [told] = Notification.objects.filter(user=world.dept_zhou)
    assert told.title == f"协议 {a} 于 {a.end_date} 到期，尚有承诺未履约完毕"
    assert told.url == a.get_absolute_url()
    assert told.body.splitlines() == [f"{world.commitment_a}（已履约 4 / 10 个）",
                                      f"{world.commitment_a_school}（已履约 0 / 5 人天）"]
    assert list(Notification.objects.filter(user=world.staff_wang)
                .values_list("url", flat=True)) == [b.get_absolute_url()]
    assert list(Notification.objects.filter(user=world.staff_far)
                .values_list("url", flat=True)) == [far.get_absolute_url()]
    assert not Notification.objects.filter(user__in=[world.hr_li, world.hr_zhao]).exists()
    # The next run (hourly, daily) tells nobody again.
    assert services.remind_commitments_due(today=today) == 0
    assert Notification.objects.count() == 3


def test_no_commitment_reminder_before_the_window_or_once_delivered(world, today):
    Agreement.objects.filter(pk=world.agreement_a.pk).update(
        end_date=today + dt.timedelta(days=30), reminder_days=20)  # its window opens later
    Agreement.objects.filter(pk=world.agreement_b.pk).update(
        end_date=today + dt.timedelta(days=30))
    for commitment in world.agreement_b.commitments.all():
        Delivery.objects.create(commitment=commitment, quantity=commitment.target,
                                delivered_on=world.agreement_b.start_date)
    assert services.remind_commitments_due(today=today) == 0
    assert queries.falling_due(Agreement.objects.all(), today).get() == world.agreement_b
    assert queries.falling_due(Agreement.objects.all(), today + dt.timedelta(days=10)).count() == 2


def test_an_agreement_without_an_owner_entering_its_window_tells_the_schools_staff(
        world, today):
    Agreement.objects.filter(pk=world.agreement_a.pk).update(end_date=dt.date(2027, 1, 10))
    Agreement.objects.filter(pk=world.agreement_far.pk).update(end_date=dt.date(2027, 1, 10))
    services.refresh_statuses(today=today)
    assert list(Notification.objects.order_by("user_id").values_list("user", "title")) == [
        (world.staff_wang.pk, f"协议即将到期：{world.agreement_a.title}"),
        (world.staff_far.pk, f"协议即将到期：{world.agreement_far.title}")]


def test_the_daily_command_runs_the_reminders(world):
    Agreement.objects.filter(pk=world.agreement_a.pk).update(end_date=dt.date(2020, 1, 1),
                                                             start_date=dt.date(2019, 1, 1))
    out = io.StringIO()
    call_command("run_daily", stdout=out)
    assert "agreements: {'active': 0, 'expiring': 0, 'expired': 1}" in out.getvalue()


def test_renewal_copies_parties_and_commitments_and_marks_the_old_one_renewed(world, today):
    renewal = services.renew(actor=world.staff_wang, agreement=world.agreement_a)
    assert renewal.status == "draft" and renewal.renewal_of == world.agreement_a
    assert renewal.start_date == dt.date(2029, 1, 1)
    assert renewal.commitments.count() == 2
    services.transition(actor=world.staff_wang, agreement=renewal, to="review")
    services.sign(actor=world.staff_wang, agreement=renewal, signed_on=today)
    assert Agreement.objects.get(pk=world.agreement_a.pk).status == "renewed"
    assert Agreement.objects.get(pk=renewal.pk).status == "signed"  # begins in 2029


@pytest.mark.cjk_fonts
def test_the_pdf_carries_the_chinese_text(client, world):
    client.force_login(world.staff_wang)
    response = client.get(reverse("partners:agreement_pdf", args=[world.agreement_a.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    compact = text.replace(" ", "").replace("\n", "")
    assert "合作协议（华电建设集团赣江电力建设有限公司）" in compact
    assert "江城职业技术学院" in compact and "实习岗位" in compact
    assert "2026年1月1日" in compact


def test_a_staff_template_cannot_be_broken_syntax(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("partners:agreementtype_add"), {
        "name": "新类型", "document_template": "{% for x in %}", "is_active": "on"})
    assert "文书模板：无法解析" in response.content.decode()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("协议.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "文件内容是 PNG，但文件名后缀为“.pdf”"),
    ("协议.pdf", b"MZ\x90\x00 not a pdf", "只接受 PDF、PNG、JPEG 文件"),
])
def test_attachments_are_checked_by_content(client, world, name, content, message):
    client.force_login(world.staff_wang)
    response = client.post(reverse("partners:attachment_add", args=[world.agreement_a.pk]),
                           {"file": SimpleUploadedFile(name, content)}, follow=True)
    assert message in response.content.decode()
    assert not world.agreement_a.attachments.exists()


def test_a_signed_copy_is_attached_and_downloaded(client, world):
    client.force_login(world.staff_wang)
    client.post(reverse("partners:attachment_add", args=[world.agreement_a.pk]),
                {"file": SimpleUploadedFile("签字版.pdf", TINY_PDF), "description": "盖章扫描件"})
    attachment = world.agreement_a.attachments.get()
    client.force_login(world.hr_li)
    download = client.get(reverse("partners:attachment_detail", args=[attachment.pk]))
    assert b"".join(download.streaming_content) == TINY_PDF


REFUSED_TEMPLATES = [  # (template, what the message names)
    ('<link rel=attachment href=file:///etc/passwd>', "<link> 标签"),
    ('<img src="file:///etc/passwd">', "平台自身文件以外的图片"),
    ('<img src="http://127.0.0.1:8000/x.png">', "平台自身文件以外的图片"),
    ('<object data="file:///etc/passwd"></object>', "<object> 标签"),
    ('<embed src="http://127.0.0.1/x">', "<embed> 标签"),
    ('<style>@import "http://127.0.0.1/x.css";</style>', "CSS @import"),
    ('<p style="background:url(file:///etc/passwd)">x</p>', "CSS url()"),
    ("{% include 'partners/agreement_pdf.html' %}", "{% include %} 模板标签"),
    ("{% load static %}", "{% load %} 模板标签"),
]


@pytest.mark.parametrize(("template", "named"), REFUSED_TEMPLATES)
def test_a_staff_template_with_a_refused_construct_is_refused_by_name(client, world, template,
                                                                      named):
    client.force_login(world.staff_wang)
    response = client.post(reverse("partners:agreementtype_add"), {
        "name": "新类型", "document_template": f"<p>{{{{ agreement.title }}}}</p>{template}",
        "is_active": "on"})
    page = unescape(response.content.decode())  # the page escapes the message's <tag>
    assert "模板中不允许使用：" in page and named in page
    assert not AgreementType.objects.filter(name="新类型").exists()
    before = world.agreement_type.document_template
    client.post(reverse("partners:agreementtype_edit", args=[world.agreement_type.pk]), {
        "name": world.agreement_type.name, "document_template": template, "is_active": "on"})
    assert AgreementType.objects.get(pk=world.agreement_type.pk).document_template == before


def test_a_clean_staff_template_saves(client, world):
    client.force_login(world.staff_wang)
    template = ('<style>h1 { color: #b3261e; }</style><h1 style="text-align:center">'
                "{{ agreement.title }}</h1><img src=\"/static/core/seal.png\" alt=\"\">")
    client.post(reverse("partners:agreementtype_add"), {
        "name": "新类型", "document_template": template, "is_active": "on"})
    assert AgreementType.objects.get(name="新类型").document_template == template


def test_a_template_stored_before_the_rules_leaks_nothing(client, world, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-OF-THE-SERVER", encoding="utf-8")
    AgreementType.objects.filter(pk=world.agreement_type.pk).update(document_template=(
        f'<link rel="attachment" href="{secret.as_uri()}"><a rel="attachment" '
        f'href="{secret.as_uri()}">附件</a><p>{{{{ agreement.title }}}}</p>'))
    client.force_login(world.staff_wang)
    response = client.get(reverse("partners:agreement_pdf", args=[world.agreement_a.pk]))
    reader = PdfReader(io.BytesIO(response.content))
    assert not reader.attachments and b"SECRET-OF-THE-SERVER" not in response.content
    AgreementType.objects.filter(pk=world.agreement_type.pk).update(
        document_template="{% include 'partners/agreement_pdf.html' %}")
    response = client.get(reverse("partners:agreement_pdf", args=[world.agreement_a.pk]),
                          follow=True)
    assert "模板中不允许使用：{% include %} 模板标签" in response.content.decode()


def test_a_draft_agreement_cannot_be_signed(client, world):
    agreement = _draft(world, world.enterprise_a)
    with pytest.raises(DomainError, match="状态为“草拟中”的协议不能变为“已签署”"):
        services.sign(actor=world.staff_wang, agreement=agreement,
                      signed_on=dt.date(2026, 6, 24))
    client.force_login(world.staff_wang)
    response = client.post(reverse("partners:agreement_sign", args=[agreement.pk]),
                           {"signed_on": "2026-06-24"}, follow=True)
    assert "状态为“草拟中”的协议不能变为“已签署”" in unescape(response.content.decode())
    agreement.refresh_from_db()
    assert (agreement.status, agreement.signed_on) == (AgreementStatus.DRAFT, None)
    assert not Interaction.objects.filter(agreement=agreement).exists()
