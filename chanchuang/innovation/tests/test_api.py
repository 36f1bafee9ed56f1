"""The intake through the API, as an integration would drive it: a student applies, staff
assign the reviewers, both score, staff read the ranking and publish, the student accepts,
ranks a mentor and staff run the match; refusals answer in Chinese and change nothing."""

import datetime as dt

from django.utils import timezone

from chanchuang.innovation.models import Application, Review, Team


def _json(response, status=200):
    assert response.status_code == status, response.content.decode()
    return response.json()


def test_the_intake_through_the_api(client, world, django_capture_on_commit_callbacks):
    cohort = world.cohort
    cohort.reviews_per_application = 2
    cohort.save()
    cohort.mentor_offers.create(mentor=world.mentor_a, capacity=2)
    question = cohort.questions.get()

    client.force_login(world.student_user)
    applied = _json(client.post(
        f"/api/v1/cohorts/{cohort.pk}/applications", {
            "team_name": "光伏先锋", "project_title": "阳台光伏",
            "answers": {str(question.pk): "想把想法落地"}},
        content_type="application/json"), 201)
    assert (applied["team_name"], applied["members"], applied["status"]) == (
        "光伏先锋", [world.student_liu.student_no], "submitted")
    assert applied["score"] is None  # students never see scores
    again = client.post(f"/api/v1/cohorts/{cohort.pk}/applications", {
        "answers": {str(question.pk): "再报一次"}}, content_type="application/json")
    assert again.status_code == 400 and "已报名本期" in again.json()["detail"]
    assert Application.objects.filter(cohort=cohort).count() == 1

    cohort.applications_close_at = timezone.now() - dt.timedelta(minutes=1)
    cohort.save()
    client.force_login(world.staff_wang)
    _json(client.post(f"/api/v1/cohorts/{cohort.pk}/steps/assign"))
    assert Review.objects.filter(application__cohort=cohort).count() == 2

    first, second = cohort.criteria.all()
    for user, (a, b) in [(world.mentor_chen, (8, 7)), (world.staff_wang, (6, 9))]:
        client.force_login(user)
        review = {"id": Review.objects.get(reviewer=user).pk}
        assert review["id"] in [r["id"] for r in _json(client.get("/api/v1/reviews"))["items"]]
        too_high = client.post(f"/api/v1/reviews/{review['id']}/scores", {
            "scores": {str(first.pk): 11, str(second.pk): b}},
            content_type="application/json")
        assert too_high.status_code == 400
        assert "超出评分范围（0 到 10）" in too_high.json()["detail"]
        scored = _json(client.post(f"/api/v1/reviews/{review['id']}/scores", {
            "scores": {str(first.pk): a, str(second.pk): b}, "comment": "不错"},
            content_type="application/json"))
        assert scored["status"] == "submitted"

    client.force_login(world.staff_wang)
    [ranked] = _json(client.get(f"/api/v1/cohorts/{cohort.pk}/ranking"))
    assert (ranked["rank"], ranked["raw_score"], ranked["selected"]) == (1, "74.00", True)
    assert _json(client.post(f"/api/v1/cohorts/{cohort.pk}/selection"))["phase"] == "selected"

    client.force_login(world.student_user)
    accepted = _json(client.post(f"/api/v1/applications/{applied['id']}/accept"))
    assert accepted["status"] == "accepted"
    team = Team.objects.get(application_id=applied["id"])
    [mine] = _json(client.get("/api/v1/teams"))["items"]
    assert mine["id"] == team.pk
    _json(client.post(f"/api/v1/teams/{team.pk}/mentor-choices",
                      {"mentor_ids": [world.mentor_a.pk]}, content_type="application/json"))

    client.force_login(world.staff_wang)
    with django_capture_on_commit_callbacks(execute=True):
        started = _json(client.post(f"/api/v1/cohorts/{cohort.pk}/mentor-match"), 202)
    assert started["status"] == "queued" and started["assignment"] is None
    match = _json(client.get(f"/api/v1/cohorts/{cohort.pk}/mentor-match"))
    assert match["status"] == "done" and match["reproduced"] is True
    assert match["assignment"] == {str(team.pk): str(world.mentor_a.pk)}
    team.refresh_from_db()
    assert team.mentor == world.mentor_a


def test_staff_set_a_cohort_up_through_the_api_within_what_its_stage_allows(client, world):
    cohort = world.cohort  # open: quotas may still change, questions may not
    client.force_login(world.staff_wang)
    url = f"/api/v1/cohorts/{cohort.pk}/parts"
    added = _json(client.post(f"{url}/quota", {"department": world.department.pk, "seats": 5},
                              content_type="application/json"), 201)
    assert added["kind"] == "quota" and cohort.quotas.get().seats == 5
    bad = client.post(f"{url}/quota", {"department": world.department.pk},
                      content_type="application/json")
    assert bad.status_code == 400 and "名额" in bad.json()["detail"]
    locked = client.post(f"{url}/question", {"prompt": "你的特长？", "kind": "short"},
                         content_type="application/json")
    assert locked.status_code == 400 and "不能再修改" in locked.json()["detail"]
    assert cohort.questions.count() == 1
    assert client.delete(f"/api/v1/cohort-parts/quota/{added['id']}").status_code == 204
    assert not cohort.quotas.exists()
    client.force_login(world.dept_zhou)
    assert client.post(f"{url}/quota", {"department": world.department.pk, "seats": 5},
                       content_type="application/json").status_code == 403
