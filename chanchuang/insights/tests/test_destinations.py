"""Graduate destinations: what a recorded destination derives (the registered employer, partner,
placement host, in province), what is refused with its Chinese message and nothing written,
the staff's verification (school staff only), the evidence a graduate uploads, the list's
filters the dashboard drills down with, the export's log, the staff's to-do and a graduate's
own page."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from chanchuang.core.choices import StudentStatus
from chanchuang.core.models import AuditEntry
from chanchuang.core.services import DomainError
from chanchuang.core.tests import factories as f
from chanchuang.insights.choices import DestinationCode, EvidenceKind, Verification
from chanchuang.insights.models import GraduateDestination
from chanchuang.insights.services import destinations as services
from chanchuang.insights.tests import factories as inf
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Placement

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def chinese():
    with translation.override("zh-hans"):
        yield


def graduate(world, klass=None, **fields):
    """A graduated student (of the first department unless told)."""
    return f.StudentFactory(school_class=klass or world.school_class, enrolment_year=2023,
                            status=StudentStatus.GRADUATED, **fields)


def _new(student, **fields) -> GraduateDestination:
    values = {"graduation_year": 2026, "code": DestinationCode.LABOUR_CONTRACT,
              "employer_name": "某用人单位有限公司"}
    values.update(fields)
    return GraduateDestination(student=student, **values)


# --- derivations ----------------------------------------------------------------------------


def test_an_employer_with_an_agreement_that_hosted_the_internship_is_partner_and_host(world):
    world.agreement_a  # noqa: B018 — in force with enterprise A
    student = graduate(world)
    Placement.objects.create(student=student, position=world.position_a,
                             status=PlacementStatus.COMPLETED, start_date=dt.date(2026, 1, 5),
                             end_date=dt.date(2026, 5, 30))
    destination = services.record(actor=world.staff_wang, destination=_new(
        student, employer_name="华电建设（简称）",
        employer_credit_code=world.enterprise_a.credit_code, employer_region_id="420100"))
    destination.refresh_from_db()
    assert destination.employer == world.enterprise_a  # by credit code, whatever the name
    assert (destination.is_partner, destination.is_placement_host,
            destination.in_province) == (True, True, True)
    assert destination.group == "contract"
    assert destination.department == world.department
    assert AuditEntry.objects.filter(action="insights.destination.recorded").count() == 1


def test_a_registered_employer_found_by_name_without_agreement_nor_internship(world):
    world.enterprise_b.region_id = "440300"
    world.enterprise_b.save()
    destination = services.record(actor=world.staff_wang, destination=_new(
        graduate(world), employer_name=world.enterprise_b.name))
    assert destination.employer == world.enterprise_b
    assert (destination.is_partner, destination.is_placement_host,
            destination.in_province) == (False, False, False)


def test_in_province_falls_back_to_the_registered_organisations_region(world):
    world.enterprise_b.region_id = "420500"
    world.enterprise_b.save()
    by_org = services.record(actor=world.staff_wang, destination=_new(
        graduate(world), employer_name=world.enterprise_b.name))
    assert by_org.in_province is True
    own_region = services.record(actor=world.staff_wang, destination=_new(
        graduate(world), employer_name=world.enterprise_b.name, employer_region_id="330100"))
    assert own_region.in_province is False  # the destination's own region comes first
    unknown = services.record(actor=world.staff_wang, destination=_new(
        graduate(world), employer_name="未登记的公司"))
    assert (unknown.employer, unknown.in_province) == (None, False)


def test_a_cancelled_placement_does_not_make_a_host(world):
    student = graduate(world)
    Placement.objects.create(student=student, position=world.position_a,
                             status=PlacementStatus.CANCELLED, start_date=dt.date(2026, 1, 5),
                             end_date=dt.date(2026, 5, 30))
    destination = services.record(actor=world.staff_wang, destination=_new(
        student, employer_name=world.enterprise_a.name))
    assert destination.is_placement_host is False


# --- refusals -------------------------------------------------------------------------------


def test_a_bad_credit_code_is_refused_on_the_page_in_chinese_and_nothing_is_written(
        client, world):
    student = graduate(world)
    client.force_login(world.staff_wang)
    response = client.post(reverse("insights:destination_add"), {
        "student": student.pk, "graduation_year": 2026, "code": "11",
        "employer_name": "某公司", "employer_credit_code": "91420100MA4K0000XA"})
    assert response.status_code == 200
    assert "统一社会信用代码：校验码不正确" in response.content.decode()
    assert not GraduateDestination.objects.exists()
    with pytest.raises(DomainError, match="校验码不正确"):
        services.record(actor=world.staff_wang, destination=_new(
            student, employer_credit_code="91420100MA4K0000XA"))
    assert not GraduateDestination.objects.exists()


def test_a_code_that_names_an_employer_needs_its_name(world):
    with pytest.raises(DomainError, match="须填写用人单位"):
        services.record(actor=world.staff_wang, destination=_new(graduate(world),
                                                                 employer_name=" "))
    services.record(actor=world.staff_wang, destination=_new(
        graduate(world), code=DestinationCode.SEEKING, employer_name=""))
    assert GraduateDestination.objects.count() == 1


def test_only_graduates_or_final_year_students_and_one_each(world):
    first_year = f.StudentFactory(school_class=world.school_class, enrolment_year=2026)
    with pytest.raises(DomainError, match="只有毕业生或毕业年级学生"):
        services.record(actor=world.staff_wang, destination=_new(first_year))
    final_year = f.StudentFactory(school_class=world.school_class, enrolment_year=2024)
    services.record(actor=world.staff_wang, destination=_new(final_year, graduation_year=2027))
    with pytest.raises(DomainError, match="已有毕业去向"):
        services.record(actor=world.staff_wang, destination=_new(final_year,
                                                                 graduation_year=2027))
    assert GraduateDestination.objects.count() == 1


# --- verification and evidence --------------------------------------------------------------


def test_only_school_staff_verify_and_it_is_audited(client, world):
    destination = inf.destination(student=world.student_liu,
                                  verification=Verification.SELF_REPORTED)
    url = reverse("insights:destination_verify", args=[destination.pk])
    client.force_login(world.dept_zhou)
    assert client.post(url, {"verification": "verified"}).status_code == 403
    page = client.get(destination.get_absolute_url()).content.decode()
    assert url not in page  # the button only for who may use it
    client.force_login(world.staff_wang)
    assert url in client.get(destination.get_absolute_url()).content.decode()
    assert client.post(url, {"verification": "verified"}).status_code == 302
    destination.refresh_from_db()
    assert (destination.verification, destination.verified_by) == ("verified", world.staff_wang)
    assert AuditEntry.objects.filter(action="insights.destination.verified").count() == 1
    client.post(url, {"verification": "missing"})
    destination.refresh_from_db()
    assert (destination.verification, destination.verified_by) == ("missing", None)


def test_a_startup_without_a_business_licence_is_recorded_but_stays_unverified(world):
    destination = services.record(actor=world.staff_wang, destination=_new(
        graduate(world), code=DestinationCode.STARTUP, employer_name="某某工作室",
        evidence_kind=EvidenceKind.OTHER))
    assert destination.verification == Verification.SELF_REPORTED
    with pytest.raises(DomainError, match="营业执照"):
        services.verify(actor=world.staff_wang, destination=destination)
    destination.refresh_from_db()
    assert destination.verification == Verification.SELF_REPORTED


def test_the_graduate_uploads_evidence_and_it_is_self_reported(client, world):
    destination = inf.destination(student=world.student_liu, verification=Verification.MISSING)
    client.force_login(world.student_liu.user)
    page = client.get(reverse("insights:my_destination")).content.decode()
    assert destination.employer_name in page
    upload = reverse("insights:destination_evidence_upload", args=[destination.pk])
    assert upload in page
    response = client.post(upload, {"evidence_kind": "contract",
                                    "evidence": SimpleUploadedFile("合同.pdf", PDF)})
    assert response.status_code == 302
    destination.refresh_from_db()
    assert destination.verification == Verification.SELF_REPORTED and destination.evidence
    download = client.get(reverse("insights:destination_evidence", args=[destination.pk]))
    assert download.status_code == 200
    client.force_login(world.student_ma.user)
    assert client.get(reverse("insights:destination_evidence",
                              args=[destination.pk])).status_code == 404
    # Once verified, the graduate can no longer replace it.
    services.verify(actor=world.staff_wang, destination=destination)
    client.force_login(world.student_liu.user)
    assert client.post(upload, {"evidence_kind": "contract",
                                "evidence": SimpleUploadedFile("合同.pdf", PDF)}
                       ).status_code == 403


def test_changing_the_employer_of_a_verified_destination_asks_for_a_new_verification(world):
    destination = world.destination_liu
    destination.employer_name = "另一家公司"
    services.change(actor=world.staff_wang, destination=destination)
    destination.refresh_from_db()
    assert destination.verification == Verification.SELF_REPORTED
    assert destination.employer is None


# --- the list, its drill-down, export and the to-do -----------------------------------------


def _listed(client, **query) -> set[str]:
    response = client.get(reverse("insights:destination_list"), query)
    assert response.status_code == 200
    return {row.student.student_no for row in response.context["table"].data}


def test_the_dashboards_drill_down_parameters_filter_the_list(client, world):
    liu = world.destination_liu
    GraduateDestination.objects.filter(pk=liu.pk).update(in_province=True)
    world.destination_ma  # noqa: B018 — second department, awaiting employment, missing
    other_year = inf.destination(student=graduate(world), year=2025)
    client.force_login(world.staff_wang)
    assert _listed(client) == {liu.student.student_no, world.student_ma.student_no,
                               other_year.student.student_no}
    assert _listed(client, graduation_year=2026, department=world.department.pk, group="contract",
                   verification="verified", in_province="true") == {liu.student.student_no}
    assert _listed(client, in_province="false", graduation_year=2026) == {
        world.student_ma.student_no}
    assert _listed(client, verification="missing") == {world.student_ma.student_no}
    assert _listed(client, q="刘欣") == {liu.student.student_no}
    assert _listed(client, q=liu.employer_name[:4]) >= {liu.student.student_no}
    client.force_login(world.dept_zhou)  # their department only
    assert world.student_ma.student_no not in _listed(client)


def test_the_export_names_the_graduates_and_is_logged(client, world):
    world.destination_liu  # noqa: B018
    client.force_login(world.staff_wang)
    response = client.get(reverse("insights:destination_list"), {"export": "xlsx"})
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action="exported")
    assert entry.data["rows"] == 1 and entry.data["personal_fields"]


def test_staff_see_a_to_do_for_destinations_awaiting_verification(client, world):
    inf.destination(student=world.student_liu, verification=Verification.SELF_REPORTED)
    client.force_login(world.staff_wang)
    assert "待核验" in client.get(reverse("core:home")).content.decode()
    client.force_login(world.staff_far)
    assert "待核验" not in client.get(reverse("core:home")).content.decode()
    client.force_login(world.dept_zhou)
    assert "待核验" not in client.get(reverse("core:home")).content.decode()
