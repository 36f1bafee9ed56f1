"""Fixtures the core app's tests share: the world of core's cast alone."""

import pytest

from chanchuang.core.tests.cast import world_fixture

world = world_fixture()


@pytest.fixture
def staff(client, world, django_capture_on_commit_callbacks):
    """staff_wang logged in; ``staff.run(fn, ...)`` runs the tasks ``fn`` queues at once."""
    client.force_login(world.staff_wang)

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    client.run = run
    return client
