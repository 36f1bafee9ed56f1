"""Core's named test people and places (the habit of healthchecks' alice, bob and charlie).

江城 college (``school``) has two departments; ``staff_wang`` runs it, ``dept_zhou`` staffs the
first department, ``hr_li`` works for enterprise A and ``hr_zhao`` for enterprise B,
``mentor_chen`` mentors there, ``student_liu`` studies in the first department and
``student_ma`` in the second; ``observer_hubei`` watches the province. A second college
(``other_school``) with ``staff_far`` and ``student_far`` is foreign to all of them.

Each app above core adds its own objects in its ``tests/cast.py``: a mixin named
``<App>Cast`` (``PartnersCast``…) whose ``cached_property``s build them on first use from the
people here. An app's ``tests/conftest.py`` declares its ``world`` with :func:`world_fixture`
from its own cast and the casts of the apps below it, never above.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import import_module
from types import ModuleType
from typing import TypeVar

import pytest
from django.apps import apps

from chanchuang.core.choices import Role
from chanchuang.core.models import Region, User
from chanchuang.core.regions import load_regions
from chanchuang.core.tests import factories as f

# Permission-matrix columns → the person who plays that role.
ROLE_PEOPLE = {
    "admin": "admin",
    "staff": "staff_wang",
    "dept": "dept_zhou",
    "hr": "hr_li",
    "mentor": "mentor_chen",
    "student": "student_user",
    "observer": "observer_hubei",
}


@dataclass
class Cast:
    """Core's named people and places (see the module docstring)."""

    school: object
    other_school: object
    department: object
    department_2: object
    major: object
    school_class: object
    enterprise_a: object
    enterprise_b: object
    org_far: object
    student_liu: object
    student_ma: object
    student_far: object
    admin: User
    staff_wang: User
    dept_zhou: User
    hr_li: User
    hr_zhao: User
    mentor_chen: User
    observer_hubei: User
    staff_far: User
    department_far: object
    major_far: object
    class_2: object
    class_far: object

    # What an app's cast loads before the people are made (its built-in rows), as functions.
    REFERENCE_DATA: tuple = ()

    @classmethod
    def load_reference_data(cls) -> None:
        """Load the regions and every cast's ``REFERENCE_DATA`` (all gone after a
        transactional test's flush)."""
        load_regions(Region)
        for cast in cls.__mro__:
            for load in vars(cast).get("REFERENCE_DATA", ()):
                load()

    @property
    def student_user(self) -> User:
        """student_liu's login."""
        return self.student_liu.user

    @property
    def hr_membership(self):
        """hr_li's role in enterprise A."""
        return self.hr_li.memberships.get()

    @property
    def staff_token(self):
        """An API token of staff_wang's."""
        from chanchuang.core.models import ApiToken

        token, _ = ApiToken.objects.get_or_create(
            user=self.staff_wang, name="教务系统", defaults={"prefix": "abcdefgh",
                                                         "digest": "0" * 64})
        return token

    @property
    def import_job(self):
        """A roster import of the school, still being checked."""
        return self._job(self.school, self.staff_wang)

    @property
    def import_job_far(self):
        """A roster import of the other school."""
        return self._job(self.other_school, self.staff_far)

    def _job(self, school, user):
        from chanchuang.core.models import ImportJob

        job, _ = ImportJob.objects.get_or_create(
            school=school, kind="roster", defaults={"created_by": user,
                                                    "original_name": "名册.xlsx"})
        return job

    @cached_property
    def notification(self):
        """An unread notification of staff_wang's."""
        from chanchuang.core.models import Notification

        return Notification.objects.create(user=self.staff_wang, title="协议即将到期")

    @staticmethod
    def tiny_png(size=(8, 6)) -> bytes:
        """A small real PNG picture."""
        return f.picture("PNG", size)

    def person(self, role_key: str) -> User | None:
        """The user acting in a given column of the permission matrix (None: anonymous)."""
        return None if role_key == "anon" else getattr(self, ROLE_PEOPLE[role_key])


CastT = TypeVar("CastT", bound=Cast)


def _member(username: str, real_name: str, role: Role, **scope) -> User:
    user = f.UserFactory(username=username, real_name=real_name)
    f.MembershipFactory(user=user, role=role, **scope)
    return user


def build(cast_class: type[CastT] = Cast) -> CastT:
    """Create core's people and places (and the reference data of every cast in
    ``cast_class``); the apps' objects follow lazily."""
    cast_class.load_reference_data()
    school = f.SchoolFactory(name="江城职业技术学院", code="4142099001")
    other_school = f.SchoolFactory(name="楚天工程职业学院", code="4142099002")
    department = f.DepartmentFactory(school=school, name="新能源与电力学院")
    department_2 = f.DepartmentFactory(school=school, name="餐饮与酒店管理学院")
    major = f.MajorFactory(department=department, code="430105", name="电力系统自动化技术")
    major_2 = f.MajorFactory(department=department_2, code="540202", name="烹饪工艺与营养")
    school_class = f.SchoolClassFactory(major=major, name="电力自动化2501班")
    class_2 = f.SchoolClassFactory(major=major_2, name="烹饪2501班")
    enterprise_a = f.OrganisationFactory(school=school, name="华电建设集团赣江电力建设有限公司")
    enterprise_b = f.OrganisationFactory(school=school, name="百味餐饮集团有限公司")
    org_far = f.OrganisationFactory(school=other_school, name="汉水建工集团有限公司")
    department_far = f.DepartmentFactory(school=other_school, name="建筑工程学院")
    major_far = f.MajorFactory(department=department_far, code="440301", name="建筑工程技术")
    far_class = f.SchoolClassFactory(major=major_far, name="建工2501班")
    student_liu = f.StudentFactory(
        school_class=school_class, student_no="2025000001",
        user=f.UserFactory(username="student_liu", real_name="刘欣怡", phone="13812345678",
                           id_number=f.id_number(1)))
    student_ma = f.StudentFactory(
        school_class=class_2, student_no="2025000002",
        user=f.UserFactory(username="student_ma", real_name="马超", phone="13912345678"))
    student_far = f.StudentFactory(
        school_class=far_class, student_no="2025000003",
        user=f.UserFactory(username="student_far", real_name="张三", phone="13712345678"))
    return cast_class(
        school=school, other_school=other_school, department=department,
        department_2=department_2, major=major, school_class=school_class,
        enterprise_a=enterprise_a, enterprise_b=enterprise_b, org_far=org_far,
        student_liu=student_liu, student_ma=student_ma, student_far=student_far,
        admin=_member("admin", "平台管理员", Role.PLATFORM_ADMIN),
        staff_wang=_member("staff_wang", "王凯", Role.SCHOOL_STAFF, school=school),
        dept_zhou=_member("dept_zhou", "周敏", Role.DEPARTMENT_STAFF, school=school,
                          department=department),
        hr_li=_member("hr_li", "李建华", Role.ENTERPRISE_MEMBER, school=school,
                      organisation=enterprise_a),
        hr_zhao=_member("hr_zhao", "赵成", Role.ENTERPRISE_MEMBER, school=school,
                        organisation=enterprise_b),
        mentor_chen=_member("mentor_chen", "陈朋", Role.MENTOR, school=school),
        observer_hubei=_member("observer_hubei", "尹观察", Role.OBSERVER,
                               province=Region.objects.get(code="420000")),
        staff_far=_member("staff_far", "许晴", Role.SCHOOL_STAFF, school=other_school),
        department_far=department_far, major_far=major_far, class_2=class_2,
        class_far=far_class,
    )


def world_fixture(*app_casts: type):
    """A ``world`` fixture: core's cast extended by ``app_casts`` (the app's own first, then
    the apps below it, as in the app order of ARCHITECTURE.md)."""
    world_class = type("World", (*app_casts, Cast), {
        "__doc__": "Core's cast with " + (", ".join(c.__name__ for c in app_casts) or "nothing")})

    @pytest.fixture
    def world(db):
        """Build the world of named test people and places."""
        return build(world_class)

    return world


def app_test_modules(name: str) -> Iterator[tuple[str, ModuleType]]:
    """(app label, module) of every app of ours that has ``tests/<name>.py``, in the order of
    INSTALLED_APPS (the app order): found by name, so core imports no app above it."""
    for app in apps.get_app_configs():
        if app.name.startswith("chanchuang."):
            try:
                yield app.label, import_module(f"{app.name}.tests.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app.name}.tests.{name}":
                    raise


def every_app_cast() -> list[type]:
    """The cast mixin (``<App>Cast``) of every app above core, the uppermost first: for the
    tests that walk every route of every app (the permission matrix, every export, every
    role's pages)."""
    return [getattr(module, f"{label.capitalize()}Cast")
            for label, module in reversed(list(app_test_modules("cast"))) if label != "core"]
