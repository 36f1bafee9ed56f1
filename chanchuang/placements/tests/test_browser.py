"""The whole two-way selection in a real browser: students order their choices, an enterprise
ranks its applicants, staff runs and publishes the match, a student sees the reason."""

import pytest
from playwright.sync_api import expect

from chanchuang.core.tests.browser import log_in, press
from chanchuang.placements.tests import factories as pf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_students_choose_enterprise_ranks_staff_publishes_student_sees_why(
        page, browser_world, live_server):
    world = browser_world
    ma = world.student_ma
    ma.major, ma.department, ma.school_class = world.major, world.department, world.school_class
    ma.save()
    world.position_a.seats = 1
    world.position_a.save()
    world.position_b  # noqa: B018
    selection = pf.selection_round(world.plan)
    url = f"{live_server.url}/rounds/{selection.pk}"

    for student in ("student_liu", "student_ma"):
        log_in(page, live_server, student)
        page.goto(f"{url}/choices/")
        for position in (world.position_a, world.position_b):
            page.locator(f"#available [data-id='{position.pk}'] [data-add]").click()
        press(page, "保存志愿", "已保存你的 2 个志愿")

    log_in(page, live_server, "hr_li")
    page.goto(f"{url}/positions/{world.position_a.pk}/rank/")
    page.locator(f"input[name='rank-{ma.pk}']").fill("1")
    page.locator(f"input[name='rank-{world.student_liu.pk}']").fill("2")
    press(page, "保存排序", "已为 2 位学生排序")

    log_in(page, live_server, "staff_wang")
    page.goto(f"{url}/")
    asked = []  # before the deadlines, running is an early close, confirmed with the counts
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    press(page, "冻结输入并运行匹配", "录取 2 人，未录取 0 人")
    assert asked and "确定提前截止本轮" in asked[0] and "名学生已填报志愿" in asked[0]
    press(page, "发布", "已发布：2 个实习")
    # Reproducibility is verified once, at publication, and the verdict stored.
    expect(page.get_by_text("用保存的输入重新运行，结果完全一致")).to_be_visible()

    log_in(page, live_server, "student_liu")
    page.goto(f"{url}/my-result/")
    expect(page.get_by_text(world.position_b.title)).to_be_visible()
    expect(page.get_by_text("录取线为第 1 名，你排第 2 名")).to_be_visible()
