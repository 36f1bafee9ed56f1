"""The bootcamp intake in a real browser: a student applies to an open cohort, two reviewers
score the application, staff publish the selection, the student accepts the place and ranks a
mentor, staff run the mentor match, and the team page shows the mentor."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chanchuang.core.tests.browser import log_in, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_student_applies_is_scored_selected_accepts_and_gets_a_mentor(
        page, browser_world, live_server):
    world = browser_world
    cohort = world.cohort  # open now; reviewers mentor_chen and staff_wang; two per application
    innovation, feasibility = cohort.criteria.all()
    cohort.mentor_offers.create(mentor=world.mentor_a, capacity=2)
    cohort_url = f"{live_server.url}{cohort.get_absolute_url()}"

    log_in(page, live_server, "student_liu")
    page.goto(cohort_url)
    page.get_by_role("link", name="报名", exact=True).click()
    page.get_by_label("队名").fill("光伏先锋")
    page.get_by_label("项目", exact=True).fill("阳台光伏")
    page.get_by_label("项目设想").fill("给学生宿舍阳台装小型光伏板")
    page.get_by_label("你为什么想参加特训营？").fill("想把想法做成产品")
    press(page, "提交报名", "已提交报名。")

    # The application window closes (set-up: the clock is not the point of this test).
    cohort.applications_close_at = timezone.now() - dt.timedelta(minutes=1)
    cohort.save(update_fields=["applications_close_at"])

    log_in(page, live_server, "staff_wang")
    page.goto(cohort_url)
    press(page, "分配评审", "已分配 2 份评审。")

    for reviewer, (first, second) in (("mentor_chen", ("8", "7")), ("staff_wang", ("6", "9"))):
        log_in(page, live_server, reviewer)
        page.goto(f"{live_server.url}/innovation/reviews/")
        page.locator("tr", has_text="光伏先锋").get_by_role("link", name="评分").click()
        expect(page.get_by_text("给学生宿舍阳台装小型光伏板")).to_be_visible()
        page.locator(f"input[name=score_{innovation.pk}]").fill(first)
        page.locator(f"input[name=score_{feasibility.pk}]").fill(second)
        page.get_by_label("意见").fill("想法落地性强")
        press(page, "保存评分", "评分已保存。")

    log_in(page, live_server, "staff_wang")
    page.goto(cohort_url)
    page.get_by_role("link", name="排名与录取").click()
    row = page.locator("tr", has_text="光伏先锋")
    expect(row).to_contain_text("74.00")  # (3·8 + 2·7)/50 = 76 and (3·6 + 2·9)/50 = 72
    asked = []  # publishing asks first, with the count
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    press(page, "发布录取结果", "已发布：1 份录取，0 份候补。")
    assert asked and "将向 1 个申请发出录取通知" in asked[0]

    log_in(page, live_server, "student_liu")
    page.goto(f"{live_server.url}/innovation/applications/mine/")
    page.get_by_role("link", name="光伏先锋").click()
    expect(page.get_by_text("恭喜你被录取！")).to_be_visible()
    press(page, "确认参加", "确认成功，欢迎加入本期！")
    expect(page.get_by_text("你已确认参加，第一次课见！")).to_be_visible()
    page.get_by_role("link", name="团队页面").click()
    expect(page.get_by_text("尚未分配")).to_be_visible()
    page.get_by_label(world.mentor_a.name).check()
    press(page, "保存志愿", "已保存导师志愿。")
    team_url = page.url

    log_in(page, live_server, "staff_wang")
    page.goto(cohort_url)
    page.get_by_role("link", name="导师匹配").click()
    press(page, "运行匹配", "匹配完成：1 个团队中有 1 个已有导师。")
    expect(page.locator("tr", has_text="光伏先锋")).to_contain_text(world.mentor_a.name)

    log_in(page, live_server, "student_liu")
    page.goto(team_url)
    expect(page.get_by_role("heading", name="光伏先锋")).to_be_visible()
    expect(page.get_by_role("link", name=world.mentor_a.name)).to_be_visible()
    expect(page.get_by_text("尚未分配")).not_to_be_visible()
