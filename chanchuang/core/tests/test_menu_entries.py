"""Every menu entry a role is shown opens: no 500, 403 or 404 behind a link of the navigation."""

import pytest
from django.urls import reverse

from chanchuang.core.navigation import menu_for
from chanchuang.core.tests import factories as f

PEOPLE = ["admin", "superuser", "staff_wang", "dept_zhou", "hr_li", "mentor_chen", "student_user",
          "observer_hubei"]


@pytest.mark.parametrize("person", PEOPLE)
def test_every_menu_entry_opens(client, world, person):
    # The demo's platform admin is also a Django superuser (every has_perm is true), which
    # once put an 添加 button on lists that have no add page.
    user = f.UserFactory(username="root", is_superuser=True, is_staff=True) \
        if person == "superuser" else getattr(world, person)
    client.force_login(user)
    entries = [item for group in menu_for(user) for item in group["items"]]
    assert entries, f"{person} sees no menu at all"
    broken = {}
    for item in entries:
        status = client.get(item["url"], follow=True).status_code
        if status != 200:
            broken[str(item["label"])] = (item["url"], status)
    assert not broken, f"{person}: menu entries that do not open: {broken}"


def test_admin_is_not_offered_a_students_own_pages(world):
    urls = {item["url"] for group in menu_for(world.admin) for item in group["items"]}
    assert "/innovation/my/applications/" not in urls
    assert not any(url.startswith("/innovation/my/") for url in urls)


def test_a_list_spanning_schools_says_which_school_each_row_belongs_to(client, world):
    client.force_login(world.observer_hubei)  # sees both colleges of the province
    page = client.get(reverse("core:department_list")).content.decode()
    assert "江城职业技术学院" in page and "楚天工程职业学院" in page and "sort=school" in page
    client.force_login(world.staff_wang)  # one school: the column would only repeat it
    page = client.get(reverse("core:department_list")).content.decode()
    assert "新能源与电力学院" in page and "sort=school" not in page


def test_competitions_and_exhibitions_have_a_place_in_the_menu(world):
    labels = {str(item["label"]) for group in menu_for(world.staff_wang)
              for item in group["items"]}
    assert {"竞赛", "展览"} <= labels
