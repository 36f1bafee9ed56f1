"""Logging in and out, throttled failures, and the language switch."""

import re

import pytest
from django.urls import reverse


def test_login_reaches_the_home_page_in_chinese(client, world):
    response = client.post(reverse("login"), {"username": "staff_wang",
                                              "password": "pw-for-tests-1"}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("core:home")
    assert "王凯，您好" in page and "江城职业技术学院" in page


def test_repeated_wrong_passwords_lock_the_account(client, world, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "staff_wang", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "staff_wang",
                                              "password": "pw-for-tests-1"})
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()


def test_language_switch_turns_the_interface_english(client, world):
    client.force_login(world.staff_wang)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("core:home")).content.decode()
    assert "Welcome, 王凯" in page and "Enrolled students" in page


def test_browser_language_does_not_override_chinese_first(client, world):
    client.force_login(world.staff_wang)
    page = client.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="en-US,en").content.decode()
    assert "王凯，您好" in page


def test_foreign_object_shows_the_chinese_404_page(client, world):
    client.force_login(world.staff_wang)
    response = client.get(world.student_far.get_absolute_url())
    assert response.status_code == 404
    assert "该页面不存在，或您无权查看" in response.content.decode()


def test_forbidden_action_shows_the_chinese_403_page(client, world):
    client.force_login(world.student_user)
    response = client.get(reverse("core:student_list"))
    assert response.status_code == 403
    assert "您没有执行此操作的权限" in response.content.decode()


def test_navigation_follows_the_role(client, world):
    client.force_login(world.student_user)
    page = client.get(reverse("core:home")).content.decode()
    def links(page):
        return set(re.findall(r'<a class="nav-link[^"]*" href="([^"]+)"', page))

    assert reverse("core:department_list") in links(page)
    assert reverse("core:student_list") not in links(page)
    assert reverse("core:auditentry_list") not in links(page)
    client.force_login(world.staff_wang)
    page = client.get(reverse("core:home")).content.decode()
    assert {reverse("core:student_list"), reverse("core:auditentry_list")} <= links(page)


# --- Lockout per address across usernames (issue 11, finding 5d) ------------------------------


def test_one_guess_at_each_of_many_usernames_locks_the_address(client, world, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_ADDRESS_FAILURE_LIMIT = 6
    for n in range(5):  # never three at one username
        response = client.post(reverse("login"), {"username": f"guess{n}", "password": "x"})
        assert response.status_code == 200, n
    client.post(reverse("login"), {"username": "guess5", "password": "x"})  # the sixth
    response = client.post(reverse("login"), {"username": "staff_wang",
                                              "password": "pw-for-tests-1"})
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
    # Another address is not affected.
    other = client.post(reverse("login"), {"username": "staff_wang",
                                           "password": "pw-for-tests-1"}, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 302


@pytest.fixture
def five_guesses(client, settings):
    """Limits of 3 failures per username and 6 per address; one wrong guess at each of five
    usernames from the test client's address."""
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_ADDRESS_FAILURE_LIMIT = 6
    for n in range(5):
        client.post(reverse("login"), {"username": f"guess{n}", "password": "x"})


def test_fewer_guesses_across_usernames_than_the_address_limit_lock_nobody(client, world,
                                                                           five_guesses):
    response = client.post(reverse("login"), {"username": "staff_wang",
                                              "password": "pw-for-tests-1"})
    assert response.status_code == 302


def test_logging_into_ones_own_account_does_not_clear_the_address_count(client, world,
                                                                        five_guesses):
    client.post(reverse("login"), {"username": "staff_wang", "password": "pw-for-tests-1"})
    client.logout()
    client.post(reverse("login"), {"username": "guess9", "password": "x"})
    response = client.post(reverse("login"), {"username": "dept_zhou", "password": "x"})
    assert response.status_code == 429
