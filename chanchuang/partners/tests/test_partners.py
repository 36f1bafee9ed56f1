"""Partner profiles: standing, filters, contacts with logins, the timeline, import and export."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from chanchuang.core.models import ImportJob, Organisation
from chanchuang.core.services import DomainError
from chanchuang.core.tests.factories import credit_code
from chanchuang.partners import services
from chanchuang.partners.models import Agreement, Interaction


def _rows(response):
    return [row.record for row in response.context["table"].page.object_list]


def test_standing_comes_from_the_agreements(client, world):
    world.agreement_a  # noqa: B018 — enterprise A has an agreement in force
    Agreement.objects.filter(pk=world.agreement_b.pk).update(status="expired")
    client.force_login(world.staff_wang)
    by_status = {status: {o.name for o in _rows(client.get(
        reverse("partners:partner_list"), {"status": status}))}
        for status in ("active", "lapsed", "prospect")}
    assert by_status["active"] == {world.enterprise_a.name}
    assert by_status["lapsed"] == {world.enterprise_b.name}
    page = client.get(world.enterprise_a.get_absolute_url()).content.decode()
    assert "协议履行中" in page and "T-A" in page


def test_partners_are_found_by_pinyin(client, world):
    client.force_login(world.staff_wang)
    found = _rows(client.get(reverse("partners:partner_list"), {"q": "baiwei"}))
    assert [o.name for o in found] == ["百味餐饮集团有限公司"]


def _give_login(client, world):
    """staff_wang gives contact_a a login; returns the response and the shown password."""
    client.force_login(world.staff_wang)
    response = client.post(reverse("partners:contact_login", args=[world.contact_a.pk]))
    page = response.content.decode()
    return response, page.split('id="new-login-password">')[1].split("<")[0]


def test_a_contact_gets_a_login_and_sees_only_their_organisation(client, world):
    response, password = _give_login(client, world)
    assert "已为 李建华 开通登录" in response.content.decode()
    world.contact_a.refresh_from_db()
    user = world.contact_a.user
    client.logout()
    login = client.post(reverse("login"), {"username": user.username, "password": password})
    assert login.status_code == 302 and login["Location"] == reverse("core:home")
    change = client.post(reverse("core:password_change"), {
        "old_password": password, "new_password1": "Lj-own-pass-2026",
        "new_password2": "Lj-own-pass-2026"})
    assert change.status_code == 302
    names = [o.name for o in _rows(client.get(reverse("partners:partner_list")))]
    assert names == [world.enterprise_a.name]


def test_the_initial_password_is_shown_once_and_never_stored(client, world):
    response, password = _give_login(client, world)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert password not in str(response.cookies)  # not in the messages cookie
    assert all(password not in str(value) for value in client.session.values())
    page = client.get(world.enterprise_a.get_absolute_url()).content.decode()
    assert password not in page  # no message carries it to the next page
    assert not client.post(reverse("partners:contact_login", args=[world.contact_a.pk]),
                           follow=True).content.decode().count(password)


def test_a_new_contact_login_must_change_its_password_first(client, world):
    _response, password = _give_login(client, world)
    world.contact_a.refresh_from_db()
    user = world.contact_a.user
    assert user.must_change_password
    client.logout()
    client.post(reverse("login"), {"username": user.username, "password": password})
    for url in (reverse("core:home"), reverse("partners:partner_list"), reverse("core:profile")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse(
            "core:password_change")
    page = client.get(reverse("core:password_change")).content.decode()
    assert "您的密码由他人设定" in page
    api = client.get("/api/v1/me")
    assert api.status_code == 403 and "请先在平台上设置您自己的密码" in api.json()["detail"]
    assert client.post(reverse("logout")).status_code == 302
    client.post(reverse("login"), {"username": user.username, "password": password})
    client.post(reverse("core:password_change"), {
        "old_password": password, "new_password1": "Lj-own-pass-2026",
        "new_password2": "Lj-own-pass-2026"})
    user.refresh_from_db()
    assert not user.must_change_password
    assert client.get(reverse("core:home")).status_code == 200
    assert client.get("/api/v1/me").status_code == 200


def test_contact_phones_are_masked_for_enterprise_members_of_other_roles(client, world):
    world.contact_a  # noqa: B018
    client.force_login(world.hr_li)
    contacts = client.get(f"/api/v1/partners/{world.enterprise_a.pk}/contacts").json()
    assert contacts[0]["phone"] == "139****0001"
    client.force_login(world.staff_wang)
    contacts = client.get(f"/api/v1/partners/{world.enterprise_a.pk}/contacts").json()
    assert contacts[0]["phone"] == "13907110001"


def test_department_staff_record_a_visit_on_the_timeline(client, world):
    client.force_login(world.dept_zhou)
    client.post(reverse("partners:interaction_add", args=[world.enterprise_a.pk]), {
        "kind": "visit", "happened_on": "2026-11-20", "title": "走访实习基地"})
    entry = Interaction.objects.get()
    assert (entry.recorded_by, entry.organisation, entry.title) == (
        world.dept_zhou, world.enterprise_a, "走访实习基地")


def test_a_timeline_entry_names_the_agreement_it_concerns_of_the_same_school(world):
    entry = services.record_interaction(
        actor=world.staff_wang, organisation=world.enterprise_a, kind="meeting",
        happened_on=dt.date(2026, 11, 20), title="对接活动：续签洽谈", notes="商定续签",
        agreement=world.agreement_a)
    assert (entry.agreement, entry.notes) == (world.agreement_a, "商定续签")
    with pytest.raises(DomainError, match="合作伙伴所在学校"):
        services.record_interaction(
            actor=world.staff_wang, organisation=world.enterprise_a, kind="meeting",
            happened_on=dt.date(2026, 11, 20), title="对接活动", agreement=world.agreement_far)
    assert Interaction.objects.count() == 1


def test_partners_import_from_the_template_and_export_back(client, world,
                                                            django_capture_on_commit_callbacks):
    client.force_login(world.staff_wang)
    template = client.get(reverse("core:import_template", args=["organisations"])).content
    workbook = load_workbook(io.BytesIO(template))
    sheet = workbook.active
    sheet.append(["江城智能制造有限公司", credit_code(777), "企业", "制造业", "中型",
                  "湖北省武汉市", ""])
    sheet.append(["坏代码公司", "91420100MA4K12345X", "企业", "", "", "武汉市", ""])
    out = io.BytesIO()
    workbook.save(out)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("core:import_start", args=["organisations"]),
                    {"file": SimpleUploadedFile("partners.xlsx", out.getvalue()),
                     "mode": "upsert"})
    job = ImportJob.objects.get()
    assert job.status == "invalid"
    assert [(e["row"], e["column"], e["message"]) for e in job.errors] == [
        (5, "统一社会信用代码", "统一社会信用代码：校验码不正确，请核对。")]
    assert not Organisation.objects.filter(name__in=["坏代码公司", "江城智能制造有限公司"]).exists()

    exported = client.get(reverse("partners:partner_list"), {"export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(exported.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("名称", "统一社会信用代码", "类型")
    assert {row[0] for row in rows[1:]} == {world.enterprise_a.name, world.enterprise_b.name}
