"""The section registry: a page shows the sections registered for it in their order, for the
object and the user at hand, and leaves out one whose context is None."""

from collections import defaultdict

import pytest

from chanchuang.core import sections
from chanchuang.core.sections import PageSection, register, sections_for


@pytest.fixture
def registry(monkeypatch):
    """An empty registry for the test (the apps' sections are left alone)."""
    monkeypatch.setattr(sections, "_SECTIONS", defaultdict(list))


def _count(organisation, user):
    return {"n": 2}


def test_a_page_shows_its_sections_in_order_and_hides_those_without_context(registry, world):
    def hidden_from_students(organisation, user):
        return None if user == world.student_user else {"name": organisation.name}

    second = PageSection("partner", 20, "second.html", _count)
    register(second, PageSection("partner", 10, "first.html", hidden_from_students),
             PageSection("student_record", 10, "elsewhere.html", _count))
    register(second)  # registering again changes nothing
    assert sections_for("partner", world.enterprise_a, world.staff_wang) == [
        ("first.html", {"name": world.enterprise_a.name}), ("second.html", {"n": 2})]
    assert sections_for("partner", world.enterprise_a, world.student_user) == [
        ("second.html", {"n": 2})]
    assert sections_for("college", world.enterprise_a, world.staff_wang) == []
