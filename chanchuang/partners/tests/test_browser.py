"""The partners flow in a real browser: staff drafts a three-party agreement with commitments,
signs it at a ceremony; an enterprise member records a delivery; staff sees it delivered."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chanchuang.core.tests.browser import log_in, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_agreement_from_draft_to_delivery(page, browser_world, live_server):
    world = browser_world
    world.agreement_type  # noqa: B018 — the type staff will pick
    today = timezone.localdate().isoformat()
    log_in(page, live_server, "staff_wang")

    page.goto(f"{live_server.url}/agreements/add/")
    page.locator("select[name=type]").select_option(label=world.agreement_type.name, force=True)
    page.get_by_label("标题").fill("共建碳中和产业学院协议")
    page.get_by_label("开始日期").fill(today)
    page.get_by_label("结束日期").fill("2029-06-23")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("heading", name="共建碳中和产业学院协议")).to_be_visible()

    for organisation in (world.enterprise_a, world.enterprise_b):
        if page.locator("details:has(summary:text('添加签约方'))").get_attribute("open") is None:
            page.get_by_text("添加签约方", exact=True).click()
        # The organisation list is a searchable Tom Select; its <select> carries the value.
        page.locator("form[action$='/parties/'] select[name=organisation]").select_option(
            label=organisation.name, force=True)
        page.get_by_role("button", name="添加", exact=True).first.click()
        expect(page.get_by_role("link", name=organisation.name)).to_be_visible()

    page.get_by_text("添加承诺事项", exact=True).click()
    form = page.locator("form[action$='/commitments/']")
    form.locator("select[name=party]").select_option(label=world.enterprise_a.name, force=True)
    form.locator("select[name=kind]").select_option(label="实习岗位")
    form.locator("input[name=target]").fill("20")
    form.get_by_role("button", name="添加").click()
    expect(page.get_by_text("已添加承诺事项。")).to_be_visible()
    page.get_by_role("button", name="提交审核").click()
    expect(page.get_by_text("审核中").first).to_be_visible()
    agreement_url = page.url

    page.goto(f"{live_server.url}/signing-events/add/")
    page.get_by_label("名称").fill("产创融合协同发展签约仪式")
    page.get_by_label("日期").fill(today)
    page.get_by_role("button", name="保存").click()
    page.get_by_label("共建碳中和产业学院协议").check()
    press(page, "签署所选协议", "已在产创融合协同发展签约仪式")

    page.goto(agreement_url)
    expect(page.get_by_text("履行中").first).to_be_visible()

    log_in(page, live_server, "hr_li")
    page.goto(agreement_url)
    page.get_by_role("link", name="登记履约").click()
    page.get_by_label("数量").fill("6")
    page.get_by_label("说明").fill("首批6名学生到岗")
    press(page, "登记", "已登记履约。")

    log_in(page, live_server, "staff_wang")
    page.goto(agreement_url)
    commitments = page.locator(".card", has_text="承诺事项")  # one table, with the progress
    row = commitments.locator("tr", has_text="实习岗位")
    expect(row).to_contain_text("20 个")
    expect(row).to_contain_text("30%")
