"""Fixtures the core app's tests share."""

import pytest


@pytest.fixture
def staff(client, world, django_capture_on_commit_callbacks):
    """staff_wang logged in; ``staff.run(fn, ...)`` runs the tasks ``fn`` queues at once."""
    client.force_login(world.staff_wang)

    def run(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    client.run = run
    return client
