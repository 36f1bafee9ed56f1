"""Test people and places shared by every app's tests (the habit of healthchecks' BaseTestCase).

The world: 江城 college (``school``) with two departments; ``staff_wang`` runs it, ``dept_zhou``
staffs the first department, ``hr_li`` works for enterprise A and ``hr_zhao`` for enterprise B,
``mentor_chen`` mentors there, ``student_liu`` studies in the first department and
``student_ma`` in the second; ``observer_hubei`` watches the province. A second college
(``other_school``) with ``staff_far`` and ``student_far`` is foreign to all of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import pytest

from chanchuang.core.choices import Role
from chanchuang.core.models import Region, User
from chanchuang.core.regions import load_regions
from chanchuang.core.tests import factories as f
from chanchuang.innovation.tests import factories as innovation_factories
from chanchuang.mentors.builtin import ensure_builtin_titles
from chanchuang.mentors.models import AppointmentTitle
from chanchuang.mentors.tests import factories as mentor_factories
from chanchuang.partners.builtin import ensure_builtin_types
from chanchuang.partners.models import AgreementType
from chanchuang.partners.tests import factories as partner_factories
from chanchuang.placements.tests import factories as placement_factories


@dataclass
class World:
    """Every named test person and place (see the module docstring)."""

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

    # Partners: agreements of the school with enterprise A and B, one of the other school, a
    # draft with enterprise A; their commitments, a contact, an attachment, signing events.

    @cached_property
    def agreement_type(self):
        return partner_factories.agreement_type(self.school)

    @cached_property
    def builtin_type(self):
        return partner_factories.agreement_type(None, name="内置协议类型（测试）")

    @cached_property
    def agreement_a(self):
        return partner_factories.agreement(school=self.school, organisation=self.enterprise_a,
                                           type=self.agreement_type, number="T-A")

    @cached_property
    def agreement_b(self):
        return partner_factories.agreement(school=self.school, organisation=self.enterprise_b,
                                           type=self.agreement_type, number="T-B")

    @cached_property
    def agreement_far(self):
        return partner_factories.agreement(school=self.other_school, organisation=self.org_far,
                                           type=self.agreement_type, number="T-F")

    @cached_property
    def agreement_draft(self):
        return partner_factories.agreement(school=self.school, organisation=self.enterprise_a,
                                           type=self.agreement_type, number="T-D",
                                           status="draft")

    @property
    def commitment_a(self):
        """Enterprise A's internship posts under agreement A."""
        return self.agreement_a.commitments.get(party__organisation=self.enterprise_a)

    @property
    def commitment_a_school(self):
        """The school's own commitment under agreement A."""
        return self.agreement_a.commitments.get(party__organisation__isnull=True)

    @property
    def commitment_b(self):
        return self.agreement_b.commitments.get(party__organisation=self.enterprise_b)

    @property
    def commitment_draft(self):
        return self.agreement_draft.commitments.get(party__organisation=self.enterprise_a)

    @property
    def party_draft(self):
        return self.agreement_draft.parties.get(organisation=self.enterprise_a)

    @cached_property
    def contact_a(self):
        from chanchuang.partners.models import Contact

        return Contact.objects.create(organisation=self.enterprise_a, name="李建华",
                                      title="人力资源部经理", phone="13907110001")

    @cached_property
    def attachment_a(self):
        return partner_factories.attachment(self.agreement_a)

    @cached_property
    def signing_event(self):
        from chanchuang.partners.models import SigningEvent

        return SigningEvent.objects.create(school=self.school, name="签约仪式",
                                           held_on=dt.date(2026, 6, 24))

    @cached_property
    def signing_event_far(self):
        from chanchuang.partners.models import SigningEvent

        return SigningEvent.objects.create(school=self.other_school, name="远方签约仪式",
                                           held_on=dt.date(2026, 6, 24))

    @cached_property
    def notification(self):
        from chanchuang.core.models import Notification

        return Notification.objects.create(user=self.staff_wang, title="协议即将到期")

    # Placements: a plan for the first department's 2025 major, positions at enterprises A and
    # B, round 1 published (student_liu placed at A), round 2 open; the other school's plan.

    @cached_property
    def plan(self):
        return placement_factories.plan(school=self.school, major=self.major)

    @cached_property
    def plan_far(self):
        return placement_factories.plan(school=self.other_school, major=self.major_far)

    @cached_property
    def position_a(self):
        return placement_factories.position(plan=self.plan, organisation=self.enterprise_a)

    @cached_property
    def position_b(self):
        return placement_factories.position(plan=self.plan, organisation=self.enterprise_b,
                                            title="储备店长")

    @cached_property
    def position_far(self):
        return placement_factories.position(plan=self.plan_far, organisation=self.org_far)

    @cached_property
    def block(self):
        return self.plan.blocks.first()

    @cached_property
    def round(self):
        """Round 1, published: student_liu chose A then B and is placed at A."""
        return placement_factories.published_round(
            self.plan, {self.student_liu: [self.position_a, self.position_b]})

    @cached_property
    def round_open(self):
        self.round  # noqa: B018 — round 2 follows round 1
        return placement_factories.selection_round(self.plan, number=2)

    @property
    def placement_liu(self):
        self.round  # noqa: B018
        return self.student_liu.placements.get()

    @cached_property
    def placement_far(self):
        from chanchuang.placements.models import Placement

        return Placement.objects.create(
            student=self.student_far, position=self.position_far,
            start_date=placement_factories.ENTERPRISE_BLOCK[0],
            end_date=placement_factories.ENTERPRISE_BLOCK[1])

    @cached_property
    def policy(self):
        return placement_factories.policy(self.school)

    @property
    def placement_liu_plan(self):
        """The plan, once student_liu is placed in it (its deletion is refused)."""
        self.round  # noqa: B018
        return self.plan

    @property
    def sign_off_link(self):
        """student_liu's placement's sign-off token, where the matrix expects a pk."""
        from types import SimpleNamespace

        from chanchuang.placements.services import sign_off_token

        return SimpleNamespace(pk=sign_off_token(self.placement_liu))

    # Mentors: mentor_chen's own record (of the college), a mentor of enterprise A (hr_li's
    # colleague) and one of B, one of the other school; their appointments and activities.

    @cached_property
    def mentor_own(self):
        return mentor_factories.mentor(school=self.school, name="陈朋", user=self.mentor_chen)

    @cached_property
    def mentor_a(self):
        return mentor_factories.mentor(school=self.school, name="向晓斌",
                                       organisation=self.enterprise_a)

    @cached_property
    def mentor_b(self):
        return mentor_factories.mentor(school=self.school, name="汪悦然",
                                       organisation=self.enterprise_b)

    @cached_property
    def mentor_far(self):
        return mentor_factories.mentor(school=self.other_school, name="远方导师",
                                       organisation=self.org_far)

    @cached_property
    def appointment_own(self):
        return mentor_factories.appointment(mentor=self.mentor_own)

    @cached_property
    def appointment_a(self):
        return mentor_factories.appointment(mentor=self.mentor_a)

    @cached_property
    def appointment_b(self):
        return mentor_factories.appointment(mentor=self.mentor_b)

    @cached_property
    def appointment_proposed(self):
        return mentor_factories.appointment(mentor=self.mentor_a, status="proposed")

    @cached_property
    def appointment_far(self):
        return mentor_factories.appointment(mentor=self.mentor_far)

    @cached_property
    def activity_a(self):
        return mentor_factories.activity(mentor=self.mentor_a)

    @cached_property
    def activity_own(self):
        return mentor_factories.activity(mentor=self.mentor_own)

    @cached_property
    def title_own(self):
        return AppointmentTitle.objects.create(school=self.school, name="产业教授",
                                               letter_template="{{ letter.name }}")

    @cached_property
    def title_builtin(self):
        return mentor_factories.builtin_title()

    @property
    def letter_code(self):
        """appointment_a's verification code, where the matrix expects a pk."""
        from types import SimpleNamespace

        return SimpleNamespace(pk=self.appointment_a.verification_code)

    # Innovation: cohort 4 of the school is open (student_liu applied alone, student_ma with a
    # team project; mentor_chen reviews ma's); cohort 3 runs (student_liu's team, mentored by
    # mentor_chen, and student_ma's, mentored by mentor_a); the other school has its own cohort.

    @cached_property
    def cohort(self):
        made = innovation_factories.cohort(self.school)
        made.reviewers.create(user=self.mentor_chen)
        made.reviewers.create(user=self.staff_wang)
        return made

    @cached_property
    def offer_chen(self):
        """mentor_chen offered to cohort 4."""
        return self.cohort.mentor_offers.create(mentor=self.mentor_own, capacity=2)

    @cached_property
    def offer_far(self):
        return self.cohort_far.mentor_offers.create(mentor=mentor_factories.mentor(
            school=self.other_school, name="远方导师"), capacity=2)

    @cached_property
    def cohort_far(self):
        return innovation_factories.cohort(self.other_school)

    @cached_property
    def programme(self):
        return self.cohort.programme

    @cached_property
    def programme_far(self):
        return self.cohort_far.programme

    @cached_property
    def criterion(self):
        return self.cohort.criteria.first()

    @cached_property
    def criterion_far(self):
        return self.cohort_far.criteria.first()

    @property
    def application_reviewed(self):
        """student_ma's application, once mentor_chen has it to review."""
        return self.review_chen.application

    @cached_property
    def member_liu(self):
        return self.team_liu.application.members.get()

    @cached_property
    def application_liu(self):
        return innovation_factories.application(self.cohort, self.student_liu)

    @cached_property
    def application_ma(self):
        return innovation_factories.application(self.cohort, self.student_ma,
                                                team_name="零碳小队", project="校园碳足迹小程序")

    @cached_property
    def application_far(self):
        return innovation_factories.application(self.cohort_far, self.student_far)

    @cached_property
    def review_chen(self):
        return self.application_ma.reviews.create(reviewer=self.mentor_chen)

    @cached_property
    def cohort_running(self):
        from chanchuang.innovation.choices import CohortPhase

        return innovation_factories.cohort(self.school, number=3, phase=CohortPhase.RUNNING)

    @cached_property
    def team_liu(self):
        return innovation_factories.team(innovation_factories.application(
            self.cohort_running, self.student_liu, team_name="光伏先锋", project="阳台光伏"),
            mentor=self.mentor_own)

    @cached_property
    def team_ma(self):
        return innovation_factories.team(innovation_factories.application(
            self.cohort_running, self.student_ma, team_name="味道实验室", project="预制菜"),
            mentor=self.mentor_a)

    @cached_property
    def session(self):
        return innovation_factories.session(self.cohort_running, mentor=self.mentor_own)

    @cached_property
    def milestone(self):
        return self.cohort_running.milestones.create(title="商业计划书",
                                                     due_on=dt.date(2026, 12, 20))

    @cached_property
    def submission_liu(self):
        from chanchuang.innovation.models import Submission

        return Submission.objects.create(milestone=self.milestone, team=self.team_liu,
                                         content="完成了用户访谈", submitted_by=self.student_user)

    # Records and showcase: a competition and a line of the conversion table; credits of
    # student_liu and student_ma; a start-up founded by student_ma; an exhibition with ma's
    # project proposed (not yet consented); the other school's credit.

    @cached_property
    def competition(self):
        from chanchuang.innovation.models import Competition

        return Competition.objects.create(school=self.school, name="“互联网+”大学生创新创业大赛",
                                          level="provincial", year=2026)

    @cached_property
    def credit_rule(self):
        from chanchuang.innovation.models import CreditRule

        return CreditRule.objects.create(school=self.school, category="competition",
                                          level="provincial", award="一等奖", credits=4)

    def _credit(self, student, title):
        from chanchuang.innovation.models import Credit

        return Credit.objects.create(student=student, category="competition", title=title,
                                     earned_on=dt.date(2026, 10, 20), credits=4, award="一等奖")

    @cached_property
    def credit_liu(self):
        return self._credit(self.student_liu, "省赛一等奖")

    @cached_property
    def credit_ma(self):
        return self._credit(self.student_ma, "省赛一等奖")

    @cached_property
    def credit_far(self):
        return self._credit(self.student_far, "远方的奖")

    @cached_property
    def startup(self):
        from chanchuang.innovation.models import Startup

        made = Startup.objects.create(school=self.school, name="江城零碳科技有限公司",
                                      credit_code="91420100MA4K0001XK",
                                      registered_on=dt.date(2026, 9, 1))
        made.founders.set([self.student_ma])
        return made

    @cached_property
    def exhibition(self):
        from chanchuang.innovation.models import Exhibition

        return Exhibition.objects.create(school=self.school, name="2026届毕业设计展",
                                         held_on=dt.date(2026, 6, 10))

    @cached_property
    def showcase_item(self):
        from chanchuang.innovation.models import ShowcaseItem

        return ShowcaseItem.objects.create(school=self.school, project=self.application_ma.project,
                                           exhibition=self.exhibition, title="校园碳足迹小程序",
                                           summary="记录每个人的碳足迹。")

    # records & showcase helper: the other school's competition, conversion-table line,
    # start-up, exhibition and item; an item of student_liu's own project (liu and ma share
    # it); an item of ma's project that the team consented to and staff published.

    @cached_property
    def competition_far(self):
        from chanchuang.innovation.models import Competition

        return Competition.objects.create(school=self.other_school, name="远方创业大赛",
                                          level="school", year=2026)

    @cached_property
    def credit_rule_far(self):
        from chanchuang.innovation.models import CreditRule

        return CreditRule.objects.create(school=self.other_school, category="certificate",
                                         credits=1)

    @cached_property
    def startup_far(self):
        from chanchuang.core.tests.factories import credit_code
        from chanchuang.innovation.models import Startup

        made = Startup.objects.create(school=self.other_school, name="汉水建工科技有限公司",
                                      credit_code=credit_code(901),
                                      registered_on=dt.date(2026, 5, 1))
        made.founders.set([self.student_far])
        return made

    @cached_property
    def exhibition_far(self):
        from chanchuang.innovation.models import Exhibition

        return Exhibition.objects.create(school=self.other_school, name="远方作品展",
                                         held_on=dt.date(2026, 6, 1))

    @cached_property
    def showcase_item_far(self):
        from chanchuang.innovation.models import Project, ShowcaseItem

        project = Project.objects.create(school=self.other_school, title="智慧工地")
        project.students.set([self.student_far])
        return ShowcaseItem.objects.create(school=self.other_school, project=project,
                                           exhibition=self.exhibition_far, title="智慧工地",
                                           summary="远方的项目。")

    @cached_property
    def project_liu(self):
        from chanchuang.innovation.models import Project

        made = Project.objects.create(school=self.school, title="阳台光伏")
        made.students.set([self.student_liu, self.student_ma])
        return made

    @cached_property
    def showcase_item_liu(self):
        from chanchuang.innovation.models import ShowcaseItem

        return ShowcaseItem.objects.create(school=self.school, project=self.project_liu,
                                           exhibition=self.exhibition, title="阳台光伏",
                                           summary="把阳台变成小电站。")

    @cached_property
    def showcase_item_published(self):
        from django.core.files.base import ContentFile
        from django.utils import timezone

        from chanchuang.innovation.models import Project, ShowcaseItem

        project = Project.objects.create(school=self.school, title="智能点餐")
        project.students.set([self.student_ma])
        made = ShowcaseItem.objects.create(
            school=self.school, project=project, exhibition=self.exhibition, title="智能点餐",
            summary="扫码点餐，少排队。", display_names="马超", consent_by=self.student_ma,
            consent_at=timezone.now(), published_at=timezone.now())
        made.image.save("showcase.png", ContentFile(self.tiny_png()), save=True)
        return made

    # Stored files, each served by its own view: a delivery's evidence, a log's attachment, a
    # guardian's consent, a mentor's photo (of the school, and of the other school).

    @cached_property
    def delivery_a(self):
        return _delivery(self.agreement_a)

    @cached_property
    def delivery_far(self):
        return _delivery(self.agreement_far)

    @cached_property
    def log_liu(self):
        return _log(self.placement_liu)

    @cached_property
    def log_far(self):
        return _log(self.placement_far)

    @property
    def placement_liu_consent(self):
        return _with_file(self.placement_liu, "guardian_consent", "监护人同意书.pdf")

    @property
    def placement_far_consent(self):
        return _with_file(self.placement_far, "guardian_consent", "监护人同意书.pdf")

    @property
    def mentor_a_photo(self):
        return _with_file(self.mentor_a, "photo", "照片.png", self.tiny_png())

    @property
    def mentor_far_photo(self):
        return _with_file(self.mentor_far, "photo", "照片.png", self.tiny_png())

    @staticmethod
    def tiny_png(size=(8, 6)) -> bytes:
        """A small real PNG picture."""
        import io

        from PIL import Image

        out = io.BytesIO()
        Image.new("RGB", size, "#206bc4").save(out, "PNG")
        return out.getvalue()

    def person(self, role_key: str) -> User | None:
        """The user acting in a given column of the permission matrix (None: anonymous)."""
        return None if role_key == "anon" else getattr(self, ROLE_PEOPLE[role_key])


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


def _with_file(obj, field: str, name: str, content: bytes | None = None):
    """``obj`` with a file stored in ``field`` (a small PDF unless ``content`` is given)."""
    from django.core.files.base import ContentFile

    getattr(obj, field).save(name, ContentFile(content or partner_factories.TINY_PDF))
    return obj


def _delivery(agreement):
    """A delivery against the agreement's first commitment, with a PDF as evidence."""
    from decimal import Decimal

    from django.core.files.base import ContentFile

    from chanchuang.partners.models import Delivery

    return Delivery.objects.create(
        commitment=agreement.commitments.first(), quantity=Decimal(1),
        delivered_on=agreement.start_date,
        evidence=ContentFile(partner_factories.TINY_PDF, name="验收单.pdf"))


def _log(placement):
    """A milestone log of the placement's first week, with a PDF attached."""
    from django.core.files.base import ContentFile

    from chanchuang.placements.models import Log

    return Log.objects.create(
        placement=placement, period_start=placement.start_date,
        period_end=placement.start_date + dt.timedelta(days=6),
        content="第一周：熟悉岗位与安全规程。",
        attachment=ContentFile(partner_factories.TINY_PDF, name="周志.pdf"))


def _member(username: str, real_name: str, role: Role, **scope) -> User:
    user = f.UserFactory(username=username, real_name=real_name)
    f.MembershipFactory(user=user, role=role, **scope)
    return user


@pytest.fixture
def world(db) -> World:
    """Build the world of named test people and places."""
    load_regions(Region)  # reference data, gone after a transactional test's flush
    ensure_builtin_types(AgreementType)
    ensure_builtin_titles(AppointmentTitle)
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
    world = World(
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
    return world


TODAY = dt.date(2026, 11, 29)


@pytest.fixture
def today(monkeypatch) -> dt.date:
    """Freeze the platform's idea of today at ``TODAY``."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    return TODAY


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Tests render pages without collectstatic, hash test passwords fast, keep uploads in a
    temporary folder, and run background tasks at once (when their transaction commits)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "media"}}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.cache import cache

    cache.clear()  # throttles count in the cache: each test starts with none
    from django.utils import translation

    # A request leaves its language active in the thread (the language-switch test leaves
    # English); services called directly in the next test speak the default, Chinese.
    translation.activate(settings.LANGUAGE_CODE)


CHROMIUM = "/usr/bin/chromium"


def _has_cjk_font() -> bool:
    import subprocess

    try:
        listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True)
    except FileNotFoundError:
        return False
    return bool(listed.stdout.strip())


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's Chromium, PDF text tests a CJK font: skipped without them,
    unless CI makes them mandatory."""
    import os
    from pathlib import Path

    if not _has_cjk_font():
        if os.environ.get("CI", "").lower() == "true":
            raise pytest.UsageError("CI=true but no CJK font is installed: fonts-noto-cjk.")
        for item in items:
            if "cjk_fonts" in item.keywords:
                item.add_marker(pytest.mark.skip(reason="no CJK font (apt-get install "
                                                        "fonts-noto-cjk)"))
    if Path(CHROMIUM).exists():
        if any("browser" in item.keywords for item in items):
            # Playwright's sync API keeps an event loop running for the whole session.
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        return
    if os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(f"CI=true but {CHROMIUM} is missing: install chromium.")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium (Playwright's own download does not work here)."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


@pytest.fixture
def browser_world(world, live_server):
    """The world behind a live server (mark the test ``django_db(transaction=True)``)."""
    return world


def queries_of_get(client, url: str) -> int:
    """How many queries a GET of ``url`` runs (it must answer 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def log_in(page, live_server, username: str, password: str = "pw-for-tests-1") -> None:
    """Log in through the real login form."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
