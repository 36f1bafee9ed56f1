"""factory_boy factories for the core models; other apps' tests build on them."""

from __future__ import annotations

import datetime as dt
import io

import factory
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from chanchuang.core.choices import Gender, OrganisationKind, Role
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

TINY_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]"
            b"/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 9 9]>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


def picture(file_format: str = "PNG", size: tuple[int, int] = (8, 6)) -> bytes:
    """A small real picture in ``file_format`` (PNG, GIF, JPEG…)."""
    out = io.BytesIO()
    Image.new("RGB", size, "#206bc4").save(out, file_format)
    return out.getvalue()


def with_file(obj, field: str, name: str, content: bytes | None = None):
    """``obj`` with a file stored in ``field`` (a small PDF unless ``content`` is given)."""
    getattr(obj, field).save(name, ContentFile(content or TINY_PDF))
    return obj


def api_key(client, user) -> str:
    """A new API key of ``user``'s, created through the profile page (logs ``user`` in)."""
    client.force_login(user)
    client.post(reverse("core:token_create"), {"name": "教务系统"})
    page = client.get(reverse("core:profile")).content.decode()
    key = page.split('id="new-api-key">')[1].split("<")[0]
    assert key.startswith("cc_")
    return key


def credit_code(serial: int, region: str = "420100") -> str:
    """A valid unified social credit code, distinct per serial."""
    body = f"91{region}{serial:09d}"
    return body + credit_code_check_character(body)


def id_number(serial: int, birth: dt.date = dt.date(2006, 3, 15)) -> str:
    """A valid ID card number, distinct per serial."""
    body = f"420111{birth:%Y%m%d}{serial % 1000:03d}"
    return body + id_number_check_character(body)


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"测试职业学院{n}")
    code = factory.Sequence(lambda n: f"41420{n:05d}")
    province = factory.LazyFunction(lambda: Region.objects.get(code="420000"))


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"二级学院{n}")
    code = factory.Sequence(lambda n: f"{n:02d}")


class MajorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Major

    department = factory.SubFactory(DepartmentFactory)
    school = factory.SelfAttribute("department.school")
    code = factory.Sequence(lambda n: f"{610000 + n:06d}")
    name = factory.Sequence(lambda n: f"专业{n}")


class SchoolClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolClass

    major = factory.SubFactory(MajorFactory)
    school = factory.SelfAttribute("major.school")
    name = factory.Sequence(lambda n: f"测试{n}班")
    enrolment_year = 2025


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"测试企业{n}有限公司")
    kind = OrganisationKind.ENTERPRISE
    credit_code = factory.Sequence(credit_code)
    industry = "C"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    real_name = factory.Sequence(lambda n: f"测试{n}")
    password = factory.PostGenerationMethodCall("set_password", "pw-for-tests-1")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.SCHOOL_STAFF


class StudentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Student
        skip_postgeneration_save = True

    school_class = factory.SubFactory(SchoolClassFactory)
    major = factory.SelfAttribute("school_class.major")
    department = factory.SelfAttribute("major.department")
    school = factory.SelfAttribute("major.school")
    user = factory.SubFactory(UserFactory)
    student_no = factory.Sequence(lambda n: f"2025{n:06d}")
    enrolment_year = 2025
    gender = Gender.FEMALE
    date_of_birth = dt.date(2006, 3, 15)

    @factory.post_generation
    def membership(obj, create, extracted, **kwargs):
        if create:
            Membership.objects.get_or_create(user=obj.user, role=Role.STUDENT, school=obj.school)
