"""The page shell: its icon and the language switch."""


def test_every_page_has_an_icon_and_names_each_language_in_its_own_name(client, world):
    for page in (client.get("/accounts/login/"), _logged_in_home(client, world)):
        html = page.content.decode()
        assert 'rel="icon"' in html and "core/favicon" in html
        assert "简体中文" in html and "English" in html and "英语" not in html


def _logged_in_home(client, world):
    client.force_login(world.staff_wang)
    return client.get("/")
