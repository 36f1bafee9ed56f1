"""Governance: meetings dated within the college's life, decisions owned by an insider that
wait on the owner's home page (overdue flagged) until done, meeting papers checked by content
and served to insiders only."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chanchuang.colleges.models import Decision, Meeting, MeetingPaper
from chanchuang.core.tests.factories import TINY_PDF
from chanchuang.core.todos import todos_for


def test_a_meeting_before_the_college_was_founded_is_refused_and_nothing_written(client,
                                                                                  world):
    client.force_login(world.staff_wang)
    page = client.post(reverse("colleges:meeting_add"), {
        "council": world.council.pk, "title": "筹备会", "held_on": "2025-08-01"})
    assert "不在产业学院的存续期内（2025-09-01成立）" in page.content.decode()
    assert not Meeting.objects.exists()
    response = client.post(reverse("colleges:meeting_add"), {
        "council": world.council.pk, "title": "第二次理事会", "held_on": "2026-03-01",
        "agenda": "审议年度计划"})
    assert response["Location"] == Meeting.objects.get().get_absolute_url()


def test_a_decision_owner_is_an_insider_and_finds_it_on_their_home_until_done(client, world):
    meeting = world.meeting
    client.force_login(world.staff_wang)
    url = reverse("colleges:decision_add", args=[meeting.pk])
    client.post(url, {"text": "提供实训岗位清单", "owner": world.hr_zhao.pk,
                      "due_on": "2026-12-01"})
    assert not Decision.objects.exists()  # enterprise B is no member
    client.post(url, {"text": "提供实训岗位清单", "owner": world.hr_li.pk,
                      "due_on": "2025-10-01"})
    assert not Decision.objects.exists()  # due before the meeting
    client.post(url, {"text": "提供实训岗位清单", "owner": world.hr_li.pk,
                      "due_on": "2026-01-15"})
    decision = Decision.objects.get()
    [todo] = todos_for(world.hr_li)
    assert todo.what == "落实决议：提供实训岗位清单" and todo.due == dt.date(2026, 1, 15)
    assert todo.overdue and todo.url == meeting.get_absolute_url()
    assert todos_for(world.hr_zhao) == []
    client.force_login(world.hr_li)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "已逾期" in page and "标记为已落实" in page
    client.post(reverse("colleges:decision_complete", args=[decision.pk]),
                {"outcome": "清单已提交"})
    decision.refresh_from_db()
    assert (decision.status, decision.outcome) == ("done", "清单已提交")
    assert todos_for(world.hr_li) == []


def test_only_staff_or_the_owner_close_a_decision(client, world):
    decision = world.decision  # staff_wang's
    client.force_login(world.hr_li)
    response = client.post(reverse("colleges:decision_complete", args=[decision.pk]))
    assert response.status_code == 403
    client.force_login(world.staff_wang)
    response = client.post(reverse("colleges:decision_drop", args=[decision.pk]), follow=True)
    assert "请写明撤销决议的原因" in response.content.decode()
    decision.refresh_from_db()
    assert decision.status == "open"


def test_meeting_papers_are_checked_by_content_and_served_to_insiders(client, world):
    meeting = world.meeting
    client.force_login(world.staff_wang)
    url = reverse("colleges:meetingpaper_add", args=[meeting.pk])
    client.post(url, {"file": SimpleUploadedFile("纪要.pdf", b"MZ not a pdf")})
    assert not MeetingPaper.objects.exists()
    client.post(url, {"file": SimpleUploadedFile("纪要.pdf", TINY_PDF), "description": "签字版"})
    paper = MeetingPaper.objects.get()
    client.force_login(world.hr_li)
    assert client.get(reverse("colleges:meetingpaper_file", args=[paper.pk])).status_code == 200
    for person in (world.student_liu.user, world.mentor_chen, world.observer_hubei):
        client.force_login(person)
        assert client.get(reverse("colleges:meetingpaper_file",
                                  args=[paper.pk])).status_code == 404


def test_the_api_shows_governance_to_insiders_only(client, world):
    world.decision_hr  # noqa: B018
    client.force_login(world.hr_li)
    body = client.get(f"/api/v1/meetings/{world.meeting.pk}").json()
    assert [d["text"] for d in body["decisions"]] == ["提供企业讲师名单"]
    client.force_login(world.student_liu.user)
    assert client.get("/api/v1/meetings").status_code == 403
    assert client.get(f"/api/v1/meetings/{world.meeting.pk}").status_code == 404
