"""Main flows in a real browser (Debian's Chromium through Playwright)."""

import pytest
from playwright.sync_api import expect

from chanchuang.core.tests import factories as f
from chanchuang.core.tests.browser import log_in, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_finds_a_student_by_pinyin(page, browser_world, live_server):
    world = browser_world
    f.StudentFactory(school_class=world.school_class, student_no="2025100777",
                     user=f.UserFactory(username="zs", real_name="张三"))
    log_in(page, live_server, "staff_wang")
    expect(page.get_by_role("heading", name="王凯，您好")).to_be_visible()

    page.get_by_role("link", name="学生", exact=True).click()
    expect(page.get_by_role("heading", name="学生")).to_be_visible()
    page.get_by_label("搜索").fill("zs")  # htmx filters as you type
    table = page.locator("#object-table")
    expect(table.get_by_role("link", name="张三")).to_be_visible()
    expect(table.get_by_text("刘欣怡")).to_have_count(0)
    assert "q=zs" in page.url  # the filter is in the address, so it survives a reload

    table.get_by_role("link", name="张三").click()
    expect(page.get_by_role("heading", name="张三")).to_be_visible()
    expect(page.get_by_text("2025100777").first).to_be_visible()


def test_the_layout_works_on_a_phone(page, browser_world, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, "staff_wang")
    sidebar_link = page.get_by_role("link", name="学生", exact=True)
    expect(sidebar_link).to_be_hidden()  # folded away behind the menu button
    page.get_by_role("button", name="菜单").click()
    sidebar_link.click()
    expect(page.get_by_role("heading", name="学生")).to_be_visible()


def test_staff_imports_students_from_the_template(page, browser_world, live_server, tmp_path):

    from openpyxl import load_workbook

    world = browser_world
    log_in(page, live_server, "staff_wang")
    page.goto(f"{live_server.url}/students/")
    page.get_by_role("link", name="从 Excel 导入").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="下载模板").click()
    downloaded = tmp_path / "模板.xlsx"
    download.value.save_as(downloaded)
    workbook = load_workbook(downloaded)
    sheet = workbook["学生"]
    for n in range(1, 4):
        sheet.append([f"20260000{n:02d}", f"浏览器{n}", "女", "", "430105",
                      world.school_class.name, 2026, "2008-01-0" + str(n), "在读", "", ""])
    path = tmp_path / "名册.xlsx"
    workbook.save(path)

    page.set_input_files("input[type=file]", str(path))
    press(page, "上传并检查", "尚未写入任何数据")
    expect(page.locator(".figure-value.text-green").last).to_have_text("3")  # 3 to create
    press(page, "确认导入", "导入完成")

    page.goto(f"{live_server.url}/students/?q=liulanqi")
    expect(page.locator("#object-table").get_by_role("link", name="浏览器2")).to_be_visible()
