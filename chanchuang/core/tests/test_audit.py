"""The audit log: who changed what, before and after, written with the change, under a named
action of the catalogue."""

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

import chanchuang
from chanchuang.core import audit, audit_actions
from chanchuang.core.models import AuditEntry


def test_changing_a_student_records_before_and_after(client, world):
    client.force_login(world.staff_wang)
    student = world.student_liu
    response = client.post(reverse("core:student_edit", args=[student.pk]), {
        "student_no": student.student_no, "real_name": "刘欣悦", "gender": "female",
        "department": world.department.pk, "major": world.major.pk,
        "school_class": world.school_class.pk, "enrolment_year": 2025, "status": "suspended",
        "date_of_birth": "2006-03-15",
        "phone": "13812345678", "id_number": student.user.id_number,
    })
    assert response.status_code == 302
    entry = AuditEntry.objects.get()
    assert entry.actor == world.staff_wang
    assert entry.school == world.school
    assert entry.action == "changed"
    assert entry.changes == {"real_name": ["刘欣怡", "刘欣悦"], "status": ["enrolled", "suspended"]}


def test_audit_page_lists_and_filters_the_schools_entries(client, world):
    client.force_login(world.staff_wang)
    client.post(reverse("core:department_add"), {"name": "智能制造学院", "code": "07"}, follow=True)
    client.force_login(world.staff_far)
    client.post(reverse("core:department_add"), {"name": "远方学院", "code": "09"}, follow=True)

    client.force_login(world.staff_wang)
    page = client.get(reverse("core:auditentry_list")).content.decode()
    assert "智能制造学院" in page and "远方学院" not in page
    assert "王凯" in page and "名称" in page  # the field's Chinese label in the changes

    filtered = client.get(reverse("core:auditentry_list"), {"action": "deleted"})
    assert "智能制造学院" not in filtered.content.decode()


def test_a_refused_change_writes_no_entry(client, world):
    client.force_login(world.staff_wang)
    client.post(reverse("core:department_add"), {"name": world.department.name})
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize("name", ["partners.agreement.signd", "token_created"])
def test_an_action_not_in_the_catalogue_or_retired_is_refused(world, name):
    with pytest.raises(ValueError, match=re.escape(name)):
        audit.record(actor=world.staff_wang, action=name, obj=world.student_liu)
    assert not AuditEntry.objects.exists()


def test_the_audit_page_filters_by_a_named_action_and_shows_its_label(client, world):
    client.force_login(world.staff_wang)
    client.post(reverse("core:department_add"), {"name": "智能制造学院", "code": "07"}, follow=True)
    AuditEntry.objects.create(school=world.school, actor=world.staff_wang,
                              action="partners.agreement.signed",
                              object_repr="共建碳中和产业学院协议")
    AuditEntry.objects.create(school=world.school, actor=world.staff_wang,
                              action="token_created", object_repr="旧令牌")  # written before names

    rows = client.get(reverse("core:auditentry_list"), HTTP_HX_REQUEST="true").content.decode()
    assert "签署协议" in rows and "新建" in rows and "创建 API 令牌" in rows
    assert "partners.agreement.signed" not in rows and "token_created" not in rows

    page = client.get(reverse("core:auditentry_list"), {"action": "partners.agreement.signed"})
    html = page.content.decode()
    assert "共建碳中和产业学院协议" in html and "智能制造学院" not in html
    group = re.search(r'<optgroup label="合作伙伴">(.*?)</optgroup>', html, re.S)
    assert group and re.search(
        r'<option value="partners.agreement.signed" selected>签署协议</option>', group[1])
    old = client.get(reverse("core:auditentry_list"), {"action": "token_created"}).content
    assert "旧令牌" in old.decode() and "共建碳中和产业学院协议" not in old.decode()


def _names_in_code() -> dict[str, str]:
    """Every string constant of the platform's code shaped like app.object.verb with an app's
    label first, and the file it is in."""
    labels = {app.label for app in apps.get_app_configs() if app.name.startswith("chanchuang.")}
    root = Path(chanchuang.__file__).parent
    shape = re.compile(r"^([a-z]+)\.[a-z_]+\.[a-z_]+$")
    names = {}
    for path in root.rglob("*.py"):
        if {"tests", "migrations"} & set(path.relative_to(root).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found = shape.match(node.value)
                if found and found[1] in labels:
                    names[node.value] = str(path.relative_to(root))
    return names


def test_every_action_named_in_the_code_is_in_the_catalogue_and_every_one_is_used():
    used = _names_in_code()
    declared = {a.name for a in audit_actions.catalogue() if a.app_label}
    assert {name: path for name, path in used.items() if name not in declared} == {}
    assert declared - set(used) == set()  # a name nobody records is dead
    assert {a.app_label for a in audit_actions.catalogue() if a.app_label} <= {
        app.label for app in apps.get_app_configs()}


def test_every_action_has_a_chinese_label_and_old_entries_keep_theirs():
    for action in audit_actions.catalogue():
        with translation.override("en"):
            english = str(action.label)
        assert str(action.label) != english, action.name  # the active language is Chinese
    assert AuditEntry(action="token_created").get_action_display() == "创建 API 令牌"
    assert AuditEntry(action="changed").get_action_display() == "修改"
    assert AuditEntry(action="gone.thing.done").get_action_display() == "gone.thing.done"


def test_the_audit_page_speaks_in_words_not_field_names(client, world):
    student = world.student_liu
    audit.record(actor=world.staff_wang, action="changed", obj=student, school_id=world.school.pk,
                 before={"status": "enrolled", "enrolment_year": 2024},
                 after={"status": "suspended", "enrolment_year": 2025})
    audit.record(actor=None, action="changed", obj=student, school_id=world.school.pk,
                 data={"via_link": True, "expires_at": "2026-11-30T02:05:00+00:00"})
    client.force_login(world.staff_wang)
    page = client.get(reverse("core:auditentry_list")).content.decode()
    assert "状态</span>：在读 → 休学" in page            # field label and choice labels
    assert "入学年份</span>：2024 → 2025" in page
    assert "通过签核链接</span>：是" in page              # a recorded detail, 是 not True
    assert "2026-11-30 10:05" in page and "T02:05" not in page  # Beijing time
    rows = page.split("<tbody")[1]
    assert ">系统<" in rows                              # nobody acted: the system did
    for raw in ("via_link", "True", "suspended", "enrolled"):
        assert raw not in rows
