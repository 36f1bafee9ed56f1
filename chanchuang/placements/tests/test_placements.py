"""Placements: compliance gates, the selection round's lifecycle, reproducible and explained
results, enterprise isolation, logs and sign-offs, evaluations, exceptions and the report."""

import datetime as dt
import io
import threading
from decimal import Decimal

import pytest
from django.core import signing
from django.core.files.base import ContentFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from chanchuang import matching
from chanchuang.core import services as core_services
from chanchuang.core.models import AuditEntry
from chanchuang.core.services import DomainError
from chanchuang.placements import queries, services
from chanchuang.placements.models import Log, Placement, Position, SelectionRound
from chanchuang.placements.tests import factories as pf


def _ready(world) -> Placement:
    """student_liu's placement with every record in place (it passes every gate)."""
    placement = world.placement_liu
    world.enterprise_a.staff_on_duty = 100
    world.enterprise_a.save()
    services.record_tripartite(actor=world.staff_wang, placement=placement,
                               signed_on=dt.date(2026, 8, 30))
    placement.insurance = world.policy
    placement.save()
    placement.refresh_from_db()
    return placement


def _failed(placement) -> dict[str, str]:
    return {v.rule.code: v.reason for v in queries.check(placement) if not v.passed}


def test_a_placement_with_every_record_passes_and_fills_the_post_commitment(world):
    world.position_a.agreement = world.agreement_a
    world.position_a.save()
    placement = _ready(world)
    assert _failed(placement) == {}
    services.confirm(actor=world.staff_wang, placement=placement)
    placement.refresh_from_db()
    assert placement.status == "confirmed" and placement.confirmed_by == world.staff_wang
    delivery = world.commitment_a.deliveries.get()
    assert delivery.source == "placement" and delivery.quantity == 1


@pytest.mark.parametrize(("change", "rule", "words"), [
    (lambda w, p: _set(p.student, enrolment_year=2026), "first_year", "一年级"),
    (lambda w, p: _set(p.student, date_of_birth=dt.date(2011, 1, 1)), "age", "15 周岁"),
    (lambda w, p: (_set(p.student, date_of_birth=dt.date(2009, 1, 1)),
                   _set(p.position, unsuitable_for_minors=True)), "minors", "未满 18"),
    (lambda w, p: _set(p.position, unsuitable_for_women=True), "women", "女职工"),
    (lambda w, p: _set(p.position, venue="internet_cafe"), "venue", "网吧"),
    (lambda w, p: _set(p.position, via_agency=True), "agency", "中介"),
    (lambda w, p: _set(p.position, labour_intensity="3"), "labour", "III 级"),
    (lambda w, p: _set(p.position, shift="night", overtime=True), "hours", "夜班、加班"),
    (lambda w, p: _set(p, tripartite_agreement=None), "tripartite", "三方协议"),
    (lambda w, p: _set(p.student, date_of_birth=dt.date(2009, 1, 1)), "guardian", "监护人"),
    (lambda w, p: _set(p, insurance=None), "insurance", "实习责任保险"),
    (lambda w, p: _set(w.policy, end_date=dt.date(2026, 12, 31)), "insurance", "2027-01-15"),
    (lambda w, p: _set(p.position.organisation, staff_on_duty=9), "share", "最多 0 人"),
    (lambda w, p: _set(p.position, stipend=Decimal(2000)), "pay", "80%"),
    (lambda w, p: _set(p.position, seats=0), "seats", "名额已满"),
])
def test_each_gate_refuses_with_its_rule_and_reason(world, change, rule, words):
    placement = _ready(world)
    change(world, placement)
    placement = Placement.objects.get(pk=placement.pk)
    failed = _failed(placement)
    assert rule in failed and words in failed[rule], failed
    with pytest.raises(DomainError, match=words):
        services.confirm(actor=world.staff_wang, placement=placement)
    assert Placement.objects.get(pk=placement.pk).status == "matched"


def _set(obj, **values):
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()


@pytest.mark.django_db(transaction=True)
def test_two_confirmations_racing_for_the_last_seat(world):
    if connection.vendor != "postgresql":
        pytest.skip("row locks exist only on PostgreSQL (SQLite serialises writers anyway)")
    first = _ready(world)
    _set(first.position, seats=1)
    second = Placement.objects.create(student=world.student_ma, position=first.position,
                                      start_date=first.start_date, end_date=first.end_date,
                                      tripartite_agreement=first.tripartite_agreement,
                                      insurance=world.policy)
    _set(world.student_ma, date_of_birth=dt.date(2006, 1, 1))
    outcomes = []
    barrier = threading.Barrier(2)

    def confirm(placement):
        barrier.wait()
        try:
            services.confirm(actor=world.staff_wang, placement=placement)
            outcomes.append("confirmed")
        except DomainError as exc:
            outcomes.append(exc.message)
        finally:
            connection.close()

    threads = [threading.Thread(target=confirm, args=(p,)) for p in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes)[0] == "confirmed" and "名额已满" in sorted(outcomes)[1]
    assert Placement.objects.filter(position=first.position, status="confirmed").count() == 1


def test_a_round_from_choices_to_published_placements(world, django_capture_on_commit_callbacks):
    plan = world.plan
    selection = services.open_round(
        actor=world.staff_wang, plan=plan, max_choices=2,
        choices_deadline=timezone.now() + dt.timedelta(days=1),
        rankings_deadline=timezone.now() + dt.timedelta(days=2))
    liu, ma = world.student_liu, world.student_ma
    _set(ma, major=world.major, department=world.department, school_class=world.school_class)
    _set(world.position_a, seats=1)
    services.set_choices(actor=liu.user, selection=selection, student=liu,
                         positions=[world.position_a, world.position_b])
    services.set_choices(actor=ma.user, selection=selection, student=ma,
                         positions=[world.position_a])
    services.set_rankings(actor=world.hr_li, selection=selection, position=world.position_a,
                          ranks={ma.pk: 1, liu.pk: 2})
    services.rank_by_grade(actor=world.staff_wang, selection=selection)
    with django_capture_on_commit_callbacks(execute=True):
        services.start_match(actor=world.staff_wang, selection=selection, early=True)
    selection.refresh_from_db()
    assert selection.status == "matched" and selection.run.seed is not None
    assert selection.run.result["assignment"] == {str(liu.pk): str(world.position_b.pk),
                                                  str(ma.pk): str(world.position_a.pk)}
    assert selection.run.duration_ms is not None and selection.run.reproduced is None
    placements = services.publish_round(actor=world.staff_wang, selection=selection)
    selection.run.refresh_from_db()
    assert selection.run.reproduced is True and selection.run.published_at is not None
    assert {(p.student_id, p.position_id, p.choice_rank) for p in placements} == {
        (liu.pk, world.position_b.pk, 2), (ma.pk, world.position_a.pk, 1)}
    assert placements[0].start_date == pf.ENTERPRISE_BLOCK[0]
    published = AuditEntry.objects.filter(object_id=str(selection.pk),
                                          content_type__model="selectionround").latest("pk")
    assert (published.action, published.data) == ("placements.round.published",
                                                   {"published": 2})
    with pytest.raises(DomainError, match="本轮已发布"):
        services.publish_round(actor=world.staff_wang, selection=selection)
    explained = queries.explanation(selection, liu)
    assert explained["assigned"] == world.position_b.pk
    assert explained["reasons"] == [{"position": world.position_a.pk, "choice": 1,
                                     "reason": "full", "cutoff_rank": 1, "your_rank": 2}]


def test_explanations_agree_with_the_kernels_cutoffs(world):
    selection = world.round
    instance = matching.Instance.from_dict(selection.run.instance)
    result = matching.Result.from_dict(selection.run.result)
    assert matching.verify(instance, result).ok
    for student_id in selection.run.result["assignment"]:
        student = world.student_liu.__class__.objects.get(pk=int(student_id))
        for reason in queries.explanation(selection, student)["reasons"]:
            outcome = selection.run.result["positions"][str(reason["position"])]
            if reason["reason"] == "full":
                assert reason["cutoff_rank"] == outcome["cutoff_rank"]
                assert reason["your_rank"] > reason["cutoff_rank"]


@pytest.mark.parametrize(("positions", "message"), [
    (lambda w: [w.position_a, w.position_a], "填报了两次"),
    (lambda w: [w.position_far], "不是本方案的开放岗位"),
])
def test_bad_choices_are_refused(world, positions, message):
    selection = pf.selection_round(world.plan)
    with pytest.raises(DomainError, match=message):
        services.set_choices(actor=world.student_user, selection=selection,
                             student=world.student_liu, positions=positions(world))
    assert not selection.preferences.exists()


def test_choices_after_the_deadline_are_refused(world):
    selection = pf.selection_round(world.plan)
    SelectionRound.objects.filter(pk=selection.pk).update(
        choices_deadline=timezone.now() - dt.timedelta(minutes=1))
    selection.refresh_from_db()
    with pytest.raises(DomainError, match=r"已于 .* 截止"):
        services.set_choices(actor=world.student_user, selection=selection,
                             student=world.student_liu, positions=[world.position_a])


def test_an_enterprise_sees_and_ranks_only_its_own_positions(client, world):
    selection = world.round_open
    client.force_login(world.hr_li)
    own = client.get(reverse("placements:round_rank", args=[selection.pk, world.position_a.pk]))
    assert own.status_code == 200
    other = client.get(reverse("placements:round_rank", args=[selection.pk, world.position_b.pk]))
    assert other.status_code == 404
    listed = client.get(reverse("placements:position_list"))
    assert [row.record for row in listed.context["table"].page.object_list] == [world.position_a]


def _confirmed(world) -> Placement:
    placement = _ready(world)
    services.confirm(actor=world.staff_wang, placement=placement)
    placement.refresh_from_db()
    return placement


def test_logs_are_signed_off_from_the_emailed_link_without_an_account(client, world, today):
    placement = _confirmed(world)
    log = services.submit_log(actor=world.student_user, placement=placement,
                              period_start=dt.date(2026, 9, 7), period_end=dt.date(2026, 9, 13),
                              content="第一周熟悉了运维流程，跟随导师完成了三次设备巡检并记录。")
    token = services.sign_off_token(placement)
    page = client.get(reverse("placements:public_sign_off", args=[token]))
    assert page.status_code == 200 and "第一周熟悉了运维流程" in page.content.decode()
    client.post(reverse("placements:public_sign_off", args=[token]),
                {"log": [log.pk], "approved": "yes", "signer_name": "李师傅"})
    log.refresh_from_db()
    assert log.status == "signed_off"
    assert log.sign_offs.get().via_link and log.sign_offs.get().signer_name == "李师傅"


def test_a_sign_off_link_cannot_sign_another_students_logs(client, world, today):
    placement = _confirmed(world)
    other = Placement.objects.create(student=world.student_ma, position=world.position_b,
                                     status="confirmed", start_date=placement.start_date,
                                     end_date=placement.end_date)
    foreign = Log.objects.create(placement=other, period_start=dt.date(2026, 9, 7),
                                 period_end=dt.date(2026, 9, 13), content="别人的周志" * 5)
    token = services.sign_off_token(placement)
    response = client.post(reverse("placements:public_sign_off", args=[token]),
                           {"log": [foreign.pk], "approved": "yes"}, follow=True)
    assert "该链接只能签批 刘欣怡 的周志" in response.content.decode()
    foreign.refresh_from_db()
    assert foreign.status == "submitted"


def test_an_expired_sign_off_link_is_refused(client, world, monkeypatch):
    token = services.sign_off_token(world.placement_liu)
    later = timezone.now().timestamp() + (services.SIGN_OFF_DAYS + 1) * 86400
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(reverse("placements:public_sign_off", args=[token]))
    assert response.status_code == 400
    assert "签批链接已过期" in response.content.decode()


def test_logs_must_lie_in_the_placement_and_not_overlap(world, today):
    placement = _confirmed(world)
    with pytest.raises(DomainError, match="必须在实习期内"):
        services.submit_log(actor=world.student_user, placement=placement,
                            period_start=dt.date(2026, 8, 1), period_end=dt.date(2026, 8, 7),
                            content="太早的周志" * 5)
    services.submit_log(actor=world.student_user, placement=placement,
                        period_start=dt.date(2026, 9, 7), period_end=dt.date(2026, 9, 13),
                        content="第一周的工作与收获" * 3)
    with pytest.raises(DomainError, match="已有周志覆盖"):
        services.submit_log(actor=world.student_user, placement=placement,
                            period_start=dt.date(2026, 9, 10), period_end=dt.date(2026, 9, 16),
                            content="重叠的周志" * 5)


def test_the_exceptions_list_shows_who_is_behind(client, world, today):
    placement = _confirmed(world)
    client.force_login(world.dept_zhou)
    page = client.get(reverse("placements:placement_exceptions")).content.decode()
    assert "刘欣怡" in page and "自 2026-09-07 起未提交周志" in page
    del placement


def test_evaluations_follow_the_rubric(world):
    placement = _confirmed(world)
    scores = dict.fromkeys(services.RUBRIC, 85) | {"skills": 95}
    evaluation = services.evaluate_placement(actor=world.hr_li, placement=placement,
                                             side="enterprise", scores=scores)
    assert evaluation.total == Decimal("88.00") and evaluation.grade == "good"
    with pytest.raises(DomainError, match="已评价过"):
        services.evaluate_placement(actor=world.hr_li, placement=placement, side="enterprise",
                                    scores=scores)


def test_the_national_report_lists_the_plans_placements(client, world):
    placement = _ready(world)
    client.force_login(world.staff_wang)
    response = client.get(reverse("placements:trainingplan_export", args=[world.plan.pk]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("学号", "姓名", "入学年份")
    assert {"单位统一社会信用代码", "保单号", "是否签订三方协议"} <= set(header)
    liu = dict(zip(header, rows[1], strict=True))
    assert liu["学号"] == "2025000001" and liu["单位名称"] == world.enterprise_a.name
    assert liu["保单号"] == "PICC-2026-001" and liu["是否签订三方协议"] == "是"
    del placement


def test_a_published_round_shows_the_student_the_reason(client, world):
    selection = world.round
    client.force_login(world.student_user)
    page = client.get(reverse("placements:round_my_result", args=[selection.pk]))
    assert world.position_a.title in page.content.decode()


def test_guardian_consent_unlocks_a_minor(world):
    placement = _ready(world)
    _set(placement.student, date_of_birth=dt.date(2009, 1, 1))
    placement = Placement.objects.get(pk=placement.pk)
    assert "guardian" in _failed(placement)
    placement.guardian_consent.save("consent.pdf", ContentFile(b"%PDF-1.4 consent"), save=True)
    assert "guardian" not in _failed(Placement.objects.get(pk=placement.pk))


def test_position_requires_its_enterprise_to_be_party_to_the_agreement(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("placements:position_add"), {
        "plan": world.plan.pk, "organisation": world.enterprise_b.pk,
        "agreement": world.agreement_a.pk, "title": "岗位", "track": "employment", "seats": 2,
        "shift": "day", "venue": "ordinary", "labour_intensity": "1", "status": "open"})
    assert "所依据协议：该企业不是协议签约方。" in response.content.decode()
    assert not Position.objects.filter(title="岗位").exists()


def test_a_published_result_never_changes(world):
    selection = world.round
    before = (selection.run.result, selection.run.seed)
    core_services.execute_match(selection.run_id)  # a late or repeated task
    selection.refresh_from_db()
    assert selection.status == "published"
    assert (selection.run.result, selection.run.seed) == before
    with pytest.raises(DomainError, match="不能匹配"):
        services.start_match(actor=world.staff_wang, selection=selection, early=True)


def test_a_rounds_result_counts_who_filed_nothing_and_calls_a_full_position_full(
        client, world, django_capture_on_commit_callbacks):
    from chanchuang.core.tests import factories as f

    selection = services.open_round(
        actor=world.staff_wang, plan=world.plan, max_choices=2,
        choices_deadline=timezone.now() + dt.timedelta(days=1),
        rankings_deadline=timezone.now() + dt.timedelta(days=2))
    f.StudentFactory(school_class=world.school_class)  # in the plan, files no choice
    _set(world.position_b, seats=1)
    _set(world.position_a, seats=0)  # every seat taken before this round
    services.set_choices(actor=world.student_user, selection=selection,
                         student=world.student_liu, positions=[world.position_b])
    services.rank_by_grade(actor=world.staff_wang, selection=selection)
    with django_capture_on_commit_callbacks(execute=True):
        services.start_match(actor=world.staff_wang, selection=selection, early=True)
    client.force_login(world.staff_wang)
    page = client.get(reverse("placements:selectionround_detail", args=[selection.pk]))
    text = page.content.decode()
    assert "录取 1 人，未录取 0 人，" in text and "人未填报志愿" in text
    assert "已录满" in text  # position_a: no seat left for this round


def test_choice_and_ranking_pages_show_the_seats_left_not_the_seats_offered(client, world):
    _set(world.position_a, seats=3)
    Placement.objects.create(student=world.student_ma, position=world.position_a,
                             status="confirmed", start_date=pf.ENTERPRISE_BLOCK[0],
                             end_date=pf.ENTERPRISE_BLOCK[1])  # held since an earlier round
    selection = pf.selection_round(world.plan, number=2)
    client.force_login(world.student_user)
    page = client.get(reverse("placements:round_choices", args=[selection.pk])).content.decode()
    assert "剩余 2 个名额" in page and "3 个名额" not in page
    client.force_login(world.hr_li)
    page = client.get(reverse("placements:round_rank", args=[selection.pk, world.position_a.pk])
                      ).content.decode()
    assert "剩余 2 个名额" in page


def test_a_round_runs_before_its_deadlines_only_as_a_confirmed_early_close(
        client, world, django_capture_on_commit_callbacks):
    selection = services.open_round(
        actor=world.staff_wang, plan=world.plan, max_choices=2,
        choices_deadline=timezone.now() + dt.timedelta(days=1),
        rankings_deadline=timezone.now() + dt.timedelta(days=2))
    services.set_choices(actor=world.student_user, selection=selection,
                         student=world.student_liu, positions=[world.position_b])
    with pytest.raises(DomainError, match=r"目前 1 / \d+ 名学生已填报志愿.*提前截止"):
        services.start_match(actor=world.staff_wang, selection=selection)
    selection.refresh_from_db()
    assert selection.status == "open" and selection.run is None  # nothing changed
    client.force_login(world.staff_wang)
    page = client.get(reverse("placements:selectionround_detail", args=[selection.pk]))
    assert 'data-confirm="确定提前截止本轮？' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("placements:round_run", args=[selection.pk]), {"early": "1"})
    selection.refresh_from_db()
    assert selection.status == "matched"
    started = AuditEntry.objects.filter(action="placements.round.match_started").latest("pk")
    assert started.data == {"early_close": True}


def test_a_rounds_students_and_enterprises_are_told_when_it_opens_and_when_it_is_published(
        world, django_capture_on_commit_callbacks):
    from chanchuang.core.models import Notification

    world.position_a, world.position_b  # noqa: B018  (enterprise A and B offer positions)
    selection = services.open_round(
        actor=world.staff_wang, plan=world.plan, max_choices=2,
        choices_deadline=timezone.now() + dt.timedelta(days=1),
        rankings_deadline=timezone.now() + dt.timedelta(days=2))
    told = Notification.objects.get(user=world.student_user)
    assert "已开放：请在" in told.title and "前填报志愿" in told.title
    assert told.url == reverse("placements:round_choices", args=[selection.pk])
    assert "前为报名学生排序" in Notification.objects.get(user=world.hr_li).title
    assert not Notification.objects.filter(user=world.student_far.user).exists()
    services.set_choices(actor=world.student_user, selection=selection,
                         student=world.student_liu, positions=[world.position_b])
    with django_capture_on_commit_callbacks(execute=True):
        services.start_match(actor=world.staff_wang, selection=selection, early=True)
    selection.refresh_from_db()
    services.publish_round(actor=world.staff_wang, selection=selection)
    published = Notification.objects.filter(user=world.student_user).latest("pk")
    assert published.title.endswith("的结果已公布")
    assert published.url == reverse("placements:round_my_result", args=[selection.pk])


def test_enterprises_with_unranked_applicants_are_reminded_once_a_day_before_the_deadline(
        world):
    from chanchuang.core.models import Notification

    world.position_a, world.position_b  # noqa: B018
    selection = services.open_round(
        actor=world.staff_wang, plan=world.plan, max_choices=2,
        choices_deadline=timezone.now() + dt.timedelta(hours=2),
        rankings_deadline=timezone.now() + dt.timedelta(hours=20))
    services.set_choices(actor=world.student_user, selection=selection,
                         student=world.student_liu, positions=[world.position_a,
                                                               world.position_b])
    services.set_rankings(actor=world.hr_zhao, selection=selection, position=world.position_b,
                          ranks={world.student_liu.pk: 1})
    assert services.remind_rankings_due() == 1  # hr_li has not ranked; hr_zhao has
    reminder = Notification.objects.filter(user=world.hr_li).latest("pk")
    assert reminder.title.startswith("请在") and "报名学生排序" in reminder.title
    assert not Notification.objects.filter(user=world.hr_zhao, title=reminder.title).exists()
    assert services.remind_rankings_due() == 0  # run again (hourly): nobody is told twice
