"""The core of the demo scenario: a fictional vocational college modelled on a real signing
ceremony (see ../shared/context), its departments, majors, classes, about 2,000 students over
three enrolment years, twelve partner organisations, a small second school, and a login for
every role. Every name, number and code here is made up; identifiers carry valid check digits.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import connection

from chanchuang.core.choices import Gender, Industry, MajorLevel, OrganisationKind, Role
from chanchuang.core.identifiers import credit_code_check_character, id_number_check_character
from chanchuang.core.models import (
    Department,
    Major,
    Membership,
    Organisation,
    Region,
    School,
    SchoolClass,
    Student,
    User,
)
from chanchuang.core.pinyin import pinyin_keys

DEMO_PASSWORD = "chanchuang-demo"
ENROLMENT_YEARS = (2024, 2025, 2026)
STUDENTS_PER_CLASS = range(26, 49)  # class sizes vary, about 37 on average

MAIN_SCHOOL = {"name": "江城职业技术学院", "short_name": "江城职院", "code": "4142099001",
               "province_id": "420000", "website": "https://www.jcvtc.example.cn"}
SECOND_SCHOOL = {"name": "楚天工程职业学院", "short_name": "楚天工院", "code": "4142099002",
                 "province_id": "420000", "website": ""}

# (department, code, [(major code, major name)])
MAIN_DEPARTMENTS = [
    ("新能源与电力学院", "01", [("430105", "电力系统自动化技术"), ("430301", "光伏工程技术"),
                               ("430302", "风力发电工程技术")]),
    ("环境工程学院", "02", [("420801", "环境监测技术"), ("420802", "环境工程技术"),
                           ("420807", "碳排放管理与核算")]),
    ("餐饮与酒店管理学院", "03", [("540111", "酒店管理与数字化运营"), ("540202", "烹饪工艺与营养"),
                                 ("540203", "餐饮智能管理")]),
    ("电子商务学院", "04", [("530701", "电子商务"), ("530702", "跨境电子商务"),
                           ("530802", "现代物流管理")]),
    ("艺术设计学院", "05", [("550101", "艺术设计"), ("550102", "视觉传达设计"),
                           ("550105", "环境艺术设计")]),
    ("电子信息工程学院", "06", [("510101", "电子信息工程技术"), ("510103", "集成电路技术"),
                               ("510201", "计算机应用技术")]),
]
SECOND_DEPARTMENTS = [
    ("智能制造学院", "01", [("460104", "机械制造及自动化"), ("460301", "机电一体化技术")]),
    ("建筑工程学院", "02", [("440301", "建筑工程技术")]),
]

# (name, kind, industry, region code, credit-code prefix)
MAIN_ORGANISATIONS = [
    ("华电建设集团赣江电力建设有限公司", OrganisationKind.ENTERPRISE, Industry.E, "360100"),
    ("江城新能源研究院有限公司", OrganisationKind.RESEARCH_INSTITUTE, Industry.M, "420100"),
    ("百味餐饮集团（中国）有限公司", OrganisationKind.ENTERPRISE, Industry.H, "310100"),
    ("云链智慧商业集团有限公司", OrganisationKind.ENTERPRISE, Industry.F, "420100"),
    ("芯测半导体检测科技有限公司", OrganisationKind.ENTERPRISE, Industry.M, "330100"),
    ("湖北省大学生就业创业指导中心", OrganisationKind.GOVERNMENT, Industry.S, "420100"),
    ("安居家居实业（湖北）有限公司", OrganisationKind.ENTERPRISE, Industry.C, "420100"),
    ("兴味餐饮管理有限公司", OrganisationKind.ENTERPRISE, Industry.H, "420100"),
    ("千帆网络科技有限公司", OrganisationKind.ENTERPRISE, Industry.I, "420100"),
    ("素白造物文化创意有限公司", OrganisationKind.ENTERPRISE, Industry.R, "420100"),
    ("星桥创客孵化器有限公司", OrganisationKind.ENTERPRISE, Industry.M, "440300"),
    ("湖北省职业教育创新创业协会", OrganisationKind.ASSOCIATION, Industry.S, "420100"),
]
SECOND_ORGANISATIONS = [
    ("楚材智能装备有限公司", OrganisationKind.ENTERPRISE, Industry.C, "420500"),
    ("汉水建工集团有限公司", OrganisationKind.ENTERPRISE, Industry.E, "420600"),
]

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = list(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊"
    "帆帅旭宁婷雪琳晨欣怡佳悦思雨轩梓涵子墨浩然一诺宇航若曦诗琪嘉豪文博天佑"
)

# Demo logins: (username, role, real name, where) — the scenario's named people.
DEMO_PEOPLE = [
    ("admin", Role.PLATFORM_ADMIN, "平台管理员", None),
    ("staff_wang", Role.SCHOOL_STAFF, "王凯", "school"),
    ("dept_zhou", Role.DEPARTMENT_STAFF, "周敏", "新能源与电力学院"),
    ("hr_li", Role.ENTERPRISE_MEMBER, "李建华", "华电建设集团赣江电力建设有限公司"),
    ("hr_zhao", Role.ENTERPRISE_MEMBER, "赵成", "百味餐饮集团（中国）有限公司"),
    ("mentor_chen", Role.MENTOR, "陈朋", "school"),
    ("student_liu", Role.STUDENT, "刘欣怡", "school"),
    ("observer_hubei", Role.OBSERVER, "尹观察", "420000"),
    ("staff_xu", Role.SCHOOL_STAFF, "许晴", "second"),
]


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, role label, real name) of every demo login, for ``make run`` to print."""
    return [(username, str(Role(role).label), name) for username, role, name, _ in DEMO_PEOPLE]


def _credit_code(rng: random.Random, region_code: str) -> str:
    body = "91" + region_code + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY")
                                        for _ in range(9))
    return body + credit_code_check_character(body)


def _id_number(rng: random.Random, birth: dt.date, female: bool) -> str:
    sequence = rng.randrange(0, 50) * 2 + (0 if female else 1)
    body = f"420{rng.randrange(100, 118):03d}{birth:%Y%m%d}{rng.randrange(10):d}{sequence:02d}"
    return body + id_number_check_character(body)


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def departments_and_majors(school: School, departments) -> list[Major]:
    """The school's departments and majors as the demo lists them (made where missing); the
    majors in order."""
    majors = []
    for dept_name, dept_code, major_rows in departments:
        department, _ = Department.objects.get_or_create(school=school, name=dept_name,
                                                         defaults={"code": dept_code})
        for code, name in major_rows:
            major, _ = Major.objects.get_or_create(
                school=school, code=code,
                defaults={"department": department, "name": name, "level": MajorLevel.HIGHER},
            )
            majors.append(major)
    return majors


def _organisations(school: School, rows) -> None:
    for name, kind, industry, region_code in rows:
        if not Organisation.objects.filter(school=school, name=name).exists():
            rng = random.Random(name)
            Organisation.objects.create(
                school=school, name=name, kind=kind, industry=industry, region_id=region_code,
                credit_code=_credit_code(rng, region_code), staff_on_duty=rng.randrange(300, 5000),
            )


# The cohort of the alternating-training demo is larger: three classes per major.
LARGE_COHORT = ("电子商务学院", 2024, 3)


def _students(school: School, majors: list[Major], sizes: range) -> int:
    """Classes and students of every major and enrolment year; only missing ones are added.

    Each class draws from its own seeded generator, so a second run draws the same people.
    """
    existing = set(Student.objects.filter(school=school).values_list("student_no", flat=True))
    users: list[User] = []
    students: list[Student] = []
    for serial, major in enumerate(majors, start=1):
        for year in ENROLMENT_YEARS:
            large = (major.department.name, year) == LARGE_COHORT[:2]
            for klass in range(1, (LARGE_COHORT[2] if large else 1) + 1):
                add_class(school, major, serial, year, klass, sizes, existing, users, students)
    User.objects.bulk_create(users, batch_size=500)
    for student in students:
        student.user_id = student.user.pk
    Student.objects.bulk_create(students, batch_size=500)
    Membership.objects.bulk_create(
        [Membership(user_id=s.user_id, role=Role.STUDENT, school=school) for s in students],
        batch_size=500,
    )
    return len(students)


def add_class(school: School, major: Major, serial: int, year: int, klass: int, sizes: range,
              existing: set[str], users: list[User], students: list[Student]) -> None:
    """One class and its missing students (appended to ``users`` and ``students``)."""
    suffix = f"-{klass}" if klass > 1 else ""
    rng = random.Random(f"{school.code}-{major.code}-{year}{suffix}")
    school_class, _ = SchoolClass.objects.get_or_create(
        school=school, name=f"{major.name}{str(year)[2:]}0{klass}班",
        defaults={"major": major, "enrolment_year": year},
    )
    for seat in range(1, rng.choice(sizes) + 1):
        student_no = f"{year}{school.code[-2:]}{serial:02d}{(klass - 1) * 100 + seat:03d}"
        female = rng.random() < 0.45
        birth = dt.date(year - 18, 1, 1) + dt.timedelta(days=rng.randrange(0, 540))
        real_name = _name(rng)
        phone = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
        id_number = _id_number(rng, birth, female)
        grade_point = Decimal(rng.randrange(200, 400)) / 100
        if student_no in existing:
            continue
        user = User(username=student_no, real_name=real_name, phone=phone,
                    id_number=id_number, password=make_password(None))
        user.name_pinyin, user.name_initials = pinyin_keys(real_name)
        users.append(user)
        students.append(Student(
            school=school, user=user, student_no=student_no, department_id=major.department_id,
            major=major, school_class=school_class, enrolment_year=year,
            gender=Gender.FEMALE if female else Gender.MALE, date_of_birth=birth,
            grade_point=grade_point,
        ))


def _people(main: School, second: School) -> None:
    """The named demo logins, each with their role; the demo student gets a real record."""
    password = make_password(DEMO_PASSWORD)
    for username, role, real_name, where in DEMO_PEOPLE:
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"real_name": real_name, "password": password,
                      "is_superuser": role == Role.PLATFORM_ADMIN,
                      "is_staff": role == Role.PLATFORM_ADMIN},
        )
        scope: dict = {}
        if role in (Role.SCHOOL_STAFF, Role.MENTOR, Role.STUDENT):
            scope["school"] = second if where == "second" else main
        elif role == Role.DEPARTMENT_STAFF:
            scope["department"] = Department.objects.get(school=main, name=where)
            scope["school"] = main
        elif role == Role.ENTERPRISE_MEMBER:
            scope["organisation"] = Organisation.objects.get(school=main, name=where)
            scope["school"] = main
        elif role == Role.OBSERVER:
            scope["province"] = Region.objects.get(code=where)
        Membership.objects.get_or_create(user=user, role=role, **scope)
        if role == Role.STUDENT and not hasattr(user, "student"):
            # In the alternating-training cohort of the placements demo.
            major = Major.objects.get(school=main, code="530701")
            Student.objects.create(
                school=main, user=user, student_no="2024990001", department=major.department,
                major=major, school_class=major.classes.get(name="电子商务2401班"),
                enrolment_year=2024, gender=Gender.FEMALE, date_of_birth=dt.date(2006, 5, 12),
                grade_point=Decimal("3.62"),
            )


def seed() -> str:
    """Create whatever of the core scenario is missing; return a one-line summary."""
    main, _ = School.objects.get_or_create(code=MAIN_SCHOOL["code"], defaults=MAIN_SCHOOL)
    second, _ = School.objects.get_or_create(code=SECOND_SCHOOL["code"], defaults=SECOND_SCHOOL)
    main_majors = departments_and_majors(main, MAIN_DEPARTMENTS)
    second_majors = departments_and_majors(second, SECOND_DEPARTMENTS)
    _organisations(main, MAIN_ORGANISATIONS)
    _organisations(second, SECOND_ORGANISATIONS)
    added = _students(main, main_majors, STUDENTS_PER_CLASS)
    added += _students(second, second_majors, range(25, 36))
    _people(main, second)
    return (f"{School.objects.count()} schools, {Student.objects.count()} students "
            f"({added} added), {Organisation.objects.count()} organisations")


def refresh_statistics() -> None:
    """On PostgreSQL, gather planner statistics for what a seed just wrote in its transaction
    (ANALYZE counts the transaction's own rows); without them joins are planned for empty
    tables, and later queries of the seed take seconds each."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
