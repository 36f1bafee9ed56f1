"""Lists run a constant number of queries, whatever the number of rows (pinned per list)."""

from functools import partial

import pytest

from chanchuang.core.models import AuditEntry, ImportJob
from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import assert_list_queries, pinned_lists

# (list, user, pinned number of queries). Every page: session, user, the user's memberships
# (read once into the scope), unread notifications, the row count and the rows = 6; plus one
# per choice list in the filter form (department; major; school class; the student list's
# three; the user list's roles need none but prefetch the memberships; the audit log's object
# types).
PAGES = [
    ("core:department_list", "staff_wang", 6),
    ("core:major_list", "staff_wang", 7),
    ("core:schoolclass_list", "staff_wang", 7),
    ("core:student_list", "staff_wang", 9),
    ("core:student_list", "dept_zhou", 9),
    ("core:user_list", "staff_wang", 7),
    ("core:auditentry_list", "staff_wang", 7),
    ("core:importjob_list", "staff_wang", 6),
]
# API lists: session, user, memberships, count, rows (students: masks need no query).
API_LISTS = [
    ("/api/v1/schools", 5),
    ("/api/v1/departments", 5),
    ("/api/v1/majors", 5),
    ("/api/v1/organisations", 5),
    ("/api/v1/students", 5),
]


def _grow(world, n: int) -> None:
    """Add n more rows to every list."""
    for i in range(n):
        department = f.DepartmentFactory(school=world.school)
        major = f.MajorFactory(department=department)
        school_class = f.SchoolClassFactory(major=major)
        f.OrganisationFactory(school=world.school, region_id="420100")
        student = f.StudentFactory(school_class=school_class)
        f.MembershipFactory(user=student.user, role="mentor", school=world.school)
        AuditEntry.objects.create(school=world.school, actor=world.staff_wang, action="changed",
                                  object_repr=f"对象{i}", changes={"name": ["甲", "乙"]})
        ImportJob.objects.create(school=world.school, kind="roster", created_by=student.user,
                                 original_name=f"名册{i}.xlsx", errors=[{"row": 1}])


@pytest.mark.parametrize(("url", "who", "pinned"), pinned_lists(PAGES, API_LISTS))
def test_list_query_count_is_constant(client, world, url, who, pinned):
    client.force_login(getattr(world, who))
    assert_list_queries(client, url, pinned, grow=partial(_grow, world))
