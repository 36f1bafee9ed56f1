"""Declaring demand in a real browser: hr_li pastes a job description into the demand form,
asks for the suggested skills (htmx), unticks a wrong one, saves, and the demand's page shows
the skills kept; and staff see the gap page's demand for a kept skill move by the head count."""

import pytest
from playwright.sync_api import expect

from chanchuang.core.tests.browser import log_in
from chanchuang.talent.models import Demand

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

JOB_DESCRIPTION = ("岗位职责：负责变电站设备巡检，维护可编程控制器，严格执行安全用电规范。"
                   "任职要求：电力相关专业，吃苦耐劳。")


def declare_in_browser(page, live_server, *, username="hr_li", post="变电运维技术员",
                       headcount=4, description=JOB_DESCRIPTION, untick=()) -> str:
    """Log in as ``username``, declare a demand from ``description`` through the form,
    untick the suggested skills named in ``untick``, save; return the demand page's URL."""
    log_in(page, live_server, username)
    page.goto(f"{live_server.url}/demand/add/")
    page.locator("input[name=post]").fill(post)
    page.locator("input[name=headcount]").fill(str(headcount))
    page.locator("textarea[name=description]").fill(description)
    page.get_by_role("button", name="建议技能").click()
    suggestions = page.locator("#suggested-skills")
    expect(suggestions.get_by_text("在描述中出现：")).not_to_have_count(0)
    for name in untick:
        suggestions.locator("label.form-check", has_text=name).locator("input").uncheck()
    page.get_by_role("button", name="保存").click()
    expect(page.locator("#demand-skills")).to_be_visible()
    return page.url


def test_hr_li_confirms_the_suggested_skills_of_a_pasted_job_description(
        page, browser_world, live_server):
    world = browser_world
    plc, safety = world.skill, world.skill_safety  # PLC编程 (可编程控制器), 电气安全操作 (安全用电)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    log_in(page, live_server, "hr_li")
    page.goto(f"{live_server.url}/demand/add/")
    page.locator("textarea[name=description]").fill(JOB_DESCRIPTION)
    page.get_by_role("button", name="建议技能").click()
    suggestions = page.locator("#suggested-skills")
    expect(suggestions.get_by_text("在描述中出现：可编程控制器")).to_be_visible()
    expect(suggestions.get_by_text("在描述中出现：安全用电")).to_be_visible()
    assert page.url.endswith("/demand/add/")  # htmx swapped the skills in: no page load

    url = declare_in_browser(page, live_server, untick=[safety.name])
    skills = page.locator("#demand-skills")
    expect(skills).to_contain_text(plc.name)
    expect(skills).not_to_contain_text(safety.name)
    demand = Demand.objects.get(post="变电运维技术员")
    assert url.endswith(demand.get_absolute_url())
    assert demand.organisation == world.enterprise_a
    assert [(r.skill, r.suggested) for r in demand.demand_skills.all()] == [(plc, True)]
    assert not errors, errors


def _demand_on_gap_page(page, live_server, skill: str) -> int:
    """The head count wanting ``skill`` on the gap page within three years, as staff_wang
    reads it (0 when no demand names it)."""
    log_in(page, live_server, "staff_wang")
    page.goto(f"{live_server.url}/gap/?horizon=three_years")
    expect(page.locator("#skill-gap")).to_be_visible()
    cell = page.locator(f'#skill-gap tr[data-skill="{skill}"] td[data-demand]')
    return int(cell.inner_text()) if cell.count() else 0


def test_staff_see_the_gap_move_when_an_enterprise_declares_demand(
        page, browser_world, live_server):
    world = browser_world
    plc = world.skill.name
    before = _demand_on_gap_page(page, live_server, plc)

    declare_in_browser(page, live_server, headcount=4, untick=[world.skill_safety.name])

    assert _demand_on_gap_page(page, live_server, plc) == before + 4
