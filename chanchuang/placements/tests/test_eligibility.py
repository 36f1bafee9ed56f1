"""Eligibility before the seat: a gate the student and the position decide alone (first year of
study, age, prohibited work …) keeps a student from choosing the position, on the page and in
the API, and leaves them out of the round's frozen match inputs; confirmation checks again."""

import pytest
from django.urls import reverse

from chanchuang.core.services import DomainError
from chanchuang.placements import compliance, services
from chanchuang.placements.models import PlanBlock, Preference, TrainingPlan
from chanchuang.placements.tests import factories as pf

FIRST_YEAR = "一年级学生不得参加岗位实习（第十六条）"


@pytest.fixture
def cohort(world):
    """A plan for student_liu's class, student_ma moved into it; one position with one seat,
    round 1 open. Both are in their second year when the enterprise block starts."""
    ma = world.student_ma
    ma.school_class, ma.major, ma.department = world.school_class, world.major, world.department
    ma.save()
    plan = TrainingPlan.objects.create(school=world.school, name="电力自动化2501班交替培养",
                                       school_class=world.school_class)
    PlanBlock.objects.create(plan=plan, kind="enterprise", start_date=pf.ENTERPRISE_BLOCK[0],
                             end_date=pf.ENTERPRISE_BLOCK[1])
    position = pf.position(plan=plan, organisation=world.enterprise_a, seats=1)
    return plan, position, pf.selection_round(plan)


def _first_year(student) -> None:
    """The student enrolled a year later: still in year 1 when the enterprise block starts."""
    student.enrolment_year = 2026
    student.save()


def test_the_rule_is_one_function_that_says_so(world):
    student, start = world.student_liu, pf.ENTERPRISE_BLOCK[0]
    assert compliance.year_of_study_allows_placement(student, start).passed
    _first_year(student)
    verdict = compliance.year_of_study_allows_placement(student, start)
    assert not verdict.passed and str(verdict.rule.barred) == FIRST_YEAR
    assert "Students in year 1 cannot be placed" in \
        compliance.year_of_study_allows_placement.__doc__


def test_a_first_year_student_cannot_choose_a_position_on_the_page(client, world, cohort):
    _plan, position, selection = cohort
    _first_year(world.student_liu)
    client.force_login(world.student_user)
    url = reverse("placements:round_choices", args=[selection.pk])
    page = client.get(url).content.decode()
    available, barred = page.split('id="barred"')
    assert f'data-id="{position.pk}"' not in available
    assert position.title in barred and FIRST_YEAR in barred
    response = client.post(url, {"position": [position.pk]}, follow=True)
    assert FIRST_YEAR in response.content.decode()
    assert not Preference.objects.filter(round=selection).exists()


def test_a_first_year_student_cannot_choose_a_position_in_the_api(client, world, cohort):
    _plan, position, selection = cohort
    _first_year(world.student_liu)
    client.force_login(world.student_user)
    response = client.put(f"/api/v1/rounds/{selection.pk}/choices",
                          {"positions": [position.pk]}, content_type="application/json")
    assert response.status_code == 400
    assert FIRST_YEAR in response.json()["detail"]
    assert not Preference.objects.filter(round=selection).exists()


def test_a_second_year_student_may_choose_the_same_position(client, world, cohort):
    _plan, position, selection = cohort
    client.force_login(world.student_ma.user)
    response = client.put(f"/api/v1/rounds/{selection.pk}/choices",
                          {"positions": [position.pk]}, content_type="application/json")
    assert response.status_code == 200 and response.json() == [position.pk]


def test_a_first_year_student_is_left_out_of_the_match_and_a_second_year_takes_the_seat(
        client, world, cohort, django_capture_on_commit_callbacks):
    _plan, position, selection = cohort
    liu, ma = world.student_liu, world.student_ma
    for student in (liu, ma):
        services.set_choices(actor=student.user, selection=selection, student=student,
                             positions=[position])
    services.set_rankings(actor=world.hr_li, selection=selection, position=position,
                          ranks={liu.pk: 1, ma.pk: 2})
    _first_year(liu)  # her enrolment year is corrected after she chose
    with django_capture_on_commit_callbacks(execute=True):
        services.start_match(actor=world.staff_wang, selection=selection, early=True)
    selection.refresh_from_db()
    frozen = selection.run.instance
    assert frozen["students"] == {str(ma.pk): [str(position.pk)]}
    assert frozen["positions"] == {str(position.pk): {"capacity": 1, "ranking": [str(ma.pk)]}}
    assert selection.left_out == [{"student": liu.pk, "position": position.pk,
                                   "rules": ["first_year"]}]
    assert selection.run.result["assignment"] == {str(ma.pk): str(position.pk)}
    client.force_login(world.staff_wang)
    page = client.get(selection.get_absolute_url()).content.decode()
    left_out = page.split('id="left-out"')[1].split("</div>\n</div>")[0]
    assert "1 名学生的志愿未参加匹配" in left_out and FIRST_YEAR in left_out
    [placement] = services.publish_round(actor=world.staff_wang, selection=selection)
    assert placement.student == ma


def test_a_round_whose_every_choice_is_barred_is_not_matched(world, cohort):
    _plan, position, selection = cohort
    services.set_choices(actor=world.student_user, selection=selection,
                         student=world.student_liu, positions=[position])
    _first_year(world.student_liu)
    with pytest.raises(DomainError, match="排除了全部 1 个志愿"):
        services.start_match(actor=world.staff_wang, selection=selection, early=True)
    selection.refresh_from_db()
    assert selection.status == "open" and selection.run is None


def test_a_position_the_law_forbids_is_closed_to_every_student(world, cohort):
    _plan, position, selection = cohort
    position.shift = "night"
    position.save()
    with pytest.raises(DomainError, match="不得安排学生夜班、加班或在法定节假日实习——该岗位有夜班"):
        services.set_choices(actor=world.student_user, selection=selection,
                             student=world.student_liu, positions=[position])
    assert not Preference.objects.filter(round=selection).exists()
