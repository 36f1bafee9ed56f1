"""The scenario library: instructors (school staff, department staff of the school) list,
create, read, edit, copy, delete and run library scenarios; everyone else is refused (403) and
the other school's scenarios are not there (404); bad input saves nothing and says why; a
session's own copy is never edited; the list runs a pinned number of queries and exports."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from openpyxl import load_workbook

from chanchuang.carbon.forms.scenarios import ScenarioForm, scenario_formsets
from chanchuang.carbon.models import (
    AbatementOption,
    Benchmark,
    CompanyProfile,
    Scenario,
    Simulation,
)
from chanchuang.carbon.queries import scenarios as queries
from chanchuang.carbon.services import scenarios as services
from chanchuang.core.models import AuditEntry
from chanchuang.core.tests.querycounts import assert_list_queries

INSTRUCTORS = ("staff_wang", "dept_zhou")


def url(name, *args):
    return reverse(f"carbon:{name}", args=args)


def chinese(msgid: str) -> str:
    """A message as the (Chinese) page shows it, HTML-escaped."""
    with translation.override("zh-hans"):
        return escape(gettext(msgid))


def as_user(client, world, who):
    client.force_login(getattr(world, who))
    return client


def edit_data(world, scenario, **changes) -> dict:
    """The edit page's form as a browser would post it unchanged, then ``changes`` (keys as
    posted, e.g. ``penalty_multiple`` or ``profiles-0-intensity``)."""
    data = {}
    form = ScenarioForm(instance=scenario, user=world.staff_wang)
    bound = [form, *(form for formset in scenario_formsets(scenario).values()
                     for form in [formset.management_form, *formset.forms])]
    for one in bound:
        for field in one:
            value = field.value()
            if isinstance(value, bool) or field.widget_type == "checkbox":
                if value:
                    data[field.html_name] = "on"
            else:
                data[field.html_name] = "" if value is None else str(value)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = str(value)
    return data


def tables_of(scenario) -> tuple:
    """Everything an edit could change, to compare before and after."""
    return (
        tuple(Scenario.objects.filter(pk=scenario.pk).values_list(
            "name", "years", "days_per_year", "compliance_days", "penalty_multiple",
            "opening_price")),
        tuple(Benchmark.objects.filter(scenario=scenario).order_by("pk").values_list(
            "category", "supply", "heat", "source")),
        tuple(CompanyProfile.objects.filter(scenario=scenario).order_by("pk").values_list(
            "name", "intensity", "capacity_mw", "load_rate")),
        tuple(AbatementOption.objects.filter(scenario=scenario).order_by("pk").values_list(
            "name", "cost", "reduction")),
    )


# --- The list and its export -------------------------------------------------------------------


@pytest.mark.parametrize("who", INSTRUCTORS)
def test_instructors_list_their_school_library_without_sessions_copies(client, world, who):
    world.scenario, world.scenario_far, world.simulation  # noqa: B018
    response = as_user(client, world, who).get(url("scenario_list"))
    assert response.status_code == 200
    rows = [row.record for row in response.context["table"].page.object_list]
    assert rows == [world.scenario]
    assert rows[0].profile_count == 6
    content = response.content.decode()
    assert "2 × 6" in content and reverse("carbon:scenario_add") in content


@pytest.mark.parametrize("who", ["student_user", "hr_li", "observer_hubei", "mentor_chen"])
def test_students_enterprise_members_observers_and_mentors_may_not_list(client, world, who):
    world.scenario  # noqa: B018
    assert as_user(client, world, who).get(url("scenario_list")).status_code == 403
    assert client.get(url("scenario_add")).status_code == 403
    assert client.post(url("scenario_add"), {"name": "偷偷建的"}).status_code == 403
    assert not Scenario.objects.filter(name="偷偷建的").exists()


def test_the_list_exports_to_excel(client, world):
    world.scenario, world.scenario_far  # noqa: B018
    response = as_user(client, world, "staff_wang").get(url("scenario_list"),
                                                        {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert len(rows) == 2  # the header and the school's one scenario
    rules = str(world.scenario.get_market_rules_display())
    assert rows[1][:4] == ("全国碳市场·发电行业两年", rules, 2, 6)
    assert AuditEntry.objects.filter(action="exported").count() == 1


def test_the_list_runs_a_pinned_number_of_queries(client, world):
    world.scenario  # noqa: B018
    as_user(client, world, "staff_wang")

    def grow(n):
        for i in range(n):
            services.create_standard_scenario(actor=world.dept_zhou, school=world.school,
                                              name=f"方案{n}-{i}")

    # session, user, memberships (the scope), count, unread notifications, the rows with their
    # creator and number of profiles = 6
    assert_list_queries(client, url("scenario_list"), 6, grow=grow)


# --- New scenario ------------------------------------------------------------------------------


@pytest.mark.parametrize("who", INSTRUCTORS)
def test_a_new_scenario_is_the_standard_one_and_lands_on_its_page(client, world, who):
    as_user(client, world, who)
    assert client.get(url("scenario_add")).status_code == 200
    assert not Scenario.objects.exists()  # the form wrote nothing
    response = client.post(url("scenario_add"), {"name": "  两年压缩履约  "})
    scenario = Scenario.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("scenario_detail", scenario.pk)
    assert (scenario.name, scenario.school, scenario.is_template, scenario.created_by) == (
        "两年压缩履约", world.school, True, getattr(world, who))
    assert (scenario.benchmarks.count(), scenario.profiles.count(),
            scenario.abatements.count()) == (4, 6, 4)


def test_a_new_scenario_needs_a_name(client, world):
    response = as_user(client, world, "staff_wang").post(url("scenario_add"), {"name": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert not Scenario.objects.exists()


# --- The scenario page -------------------------------------------------------------------------


@pytest.mark.parametrize("who", INSTRUCTORS)
def test_the_page_explains_parameters_benchmarks_profiles_and_abatements(client, world, who):
    response = as_user(client, world, who).get(url("scenario_detail", world.scenario.pk))
    assert response.status_code == 200
    content = response.content.decode()
    # Every parameter with what it means.
    assert chinese("5–10 × the previous month's average price for each tonne short "
                   "(Interim Regulations art. 24).") in content
    assert chinese("A listed order must be below this size, a block trade at least this size "
                   "(national market: 100,000 t).") in content
    assert "100,000 t" in content and "10 %" in content and "70 %" in content
    # The benchmarks, each with its source, and the data file's citation.
    assert "国环规气候〔2020〕3号 附件1（各类别机组碳排放基准值）" in content
    assert ("生态环境部《2019—2020年全国碳排放权交易配额总量设定与分配实施方案（发电行业）》"
            in content)
    # The profiles: short and long ones, so the class has buyers and sellers.
    positions = {row.profile.name: row.position for row in response.context["outlooks"]}
    assert positions["滨江发电"] == "short"
    assert "long" in positions.values()
    # Buttons for who may use them.
    for name in ("simulation_add", "scenario_copy", "scenario_edit", "scenario_delete"):
        assert url(name, world.scenario.pk) in content


def test_a_profile_outlook_is_what_the_session_will_allocate_and_emit(world):
    rows = {row.profile.name: row for row in queries.outlooks(world.scenario)}
    # 滨江发电: 600 MW × 5,000 h × 85 % = 2,550,000 MWh at 0.9 t/MWh = 2,295,000 t emitted;
    # 0.877 t/MWh × 2,550,000 MWh (load 85 %: no load correction) = 2,236,350 t allocated.
    coal = rows["滨江发电"]
    assert (coal.output_mwh, coal.emissions, coal.allocated) == (
        Decimal("2550000"), 2_295_000, 2_236_350)
    assert (coal.obligation, coal.balance, coal.position) == (2_295_000, -58_650, "short")
    # The gas unit never owes more than it was allocated (the gas cap): it cannot be short.
    gas = rows["湾区燃机"]
    assert gas.obligation == min(gas.emissions, gas.allocated)
    assert gas.position != "short"


def test_cost_per_tonne_abated_is_over_one_year_of_the_profile(world):
    profiles = [row.profile for row in queries.outlooks(world.scenario)]
    fits = dict(queries.abatements(world.scenario, profiles))
    by_name = {option.name: option for option in fits}
    # 锅炉燃烧优化: 600,000 yuan, 0.006 t/MWh; on 滨江发电’s 2,550,000 MWh: 15,300 t, 39.22/t.
    coal = next(fit for fit in fits[by_name["锅炉燃烧优化"]] if fit.profile.name == "滨江发电")
    assert (coal.tonnes, coal.cost_per_tonne) == (15_300, Decimal("39.22"))
    assert coal.cheaper_than(world.scenario.opening_price)
    # The gas unit's option fits the gas unit only.
    assert [fit.profile.name for fit in fits[by_name["燃机余热深度回收"]]] == ["湾区燃机"]


@pytest.mark.parametrize("who", ["student_user", "hr_li", "observer_hubei"])
def test_others_may_not_read_a_scenario(client, world, who):
    assert as_user(client, world, who).get(
        url("scenario_detail", world.scenario.pk)).status_code in (403, 404)


def test_the_other_school_scenarios_are_not_there(client, world):
    as_user(client, world, "staff_far")
    for name in ("scenario_detail", "scenario_edit", "scenario_delete", "simulation_add"):
        assert client.get(url(name, world.scenario.pk)).status_code == 404
    for name in ("scenario_edit", "scenario_delete", "scenario_copy", "simulation_add"):
        assert client.post(url(name, world.scenario.pk), {"name": "x"}).status_code == 404
    assert Scenario.objects.filter(pk=world.scenario.pk, name="全国碳市场·发电行业两年").exists()
    assert Scenario.objects.filter(school=world.school).count() == 1


def test_a_platform_admin_reads_but_gets_no_instructor_buttons(client, world):
    response = as_user(client, world, "admin").get(url("scenario_detail", world.scenario.pk))
    assert response.status_code == 200
    content = response.content.decode()
    for name in ("simulation_add", "scenario_copy", "scenario_edit", "scenario_delete"):
        assert url(name, world.scenario.pk) not in content
    assert client.get(url("scenario_edit", world.scenario.pk)).status_code == 403


# --- Editing -----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", INSTRUCTORS)
def test_an_edit_saves_parameters_and_all_three_tables_together(client, world, who):
    scenario = world.scenario
    as_user(client, world, who)
    assert client.get(url("scenario_edit", scenario.pk)).status_code == 200
    first_profile = scenario.profiles.order_by("pk").first()
    data = edit_data(world, scenario, name="三年方案", years=3, penalty_multiple=8,
                     **{"benchmarks-0-supply": "0.8500",
                        "benchmarks-0-source": "课堂假设：基准值收紧",
                        "profiles-0-DELETE": "on",
                        "abatements-4-name": "碳捕集示范", "abatements-4-cost": "20000000",
                        "abatements-4-reduction": "0.0500", "abatements-4-lead_days": "4"})
    response = client.post(url("scenario_edit", scenario.pk), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert response["Location"] == url("scenario_detail", scenario.pk)
    scenario.refresh_from_db()
    assert (scenario.name, scenario.years, scenario.penalty_multiple) == ("三年方案", 3, 8)
    benchmark = scenario.benchmarks.order_by("category").first()
    assert (benchmark.supply, benchmark.source) == (Decimal("0.8500"), "课堂假设：基准值收紧")
    assert not CompanyProfile.objects.filter(pk=first_profile.pk).exists()
    assert scenario.profiles.count() == 5
    assert scenario.abatements.filter(name="碳捕集示范", lead_days=4).exists()
    entry = AuditEntry.objects.get(action="carbon.scenario.changed")
    assert entry.changes["penalty_multiple"] == [5, 8]
    assert entry.data["profiles"] == {"added": 0, "changed": 0, "deleted": 1}
    assert entry.data["abatements"]["added"] == 1


@pytest.mark.parametrize(("changes", "message"), [
    ({"compliance_days": 7},
     "Compliance window: it cannot be longer than a year's trading days."),
    ({"penalty_multiple": 11}, "确保该值小于或等于10。"),
    ({"profiles-2-intensity": "-0.1"}, "确保该值大于或等于0。"),
    ({"profiles-1-load_rate": "0.2"}, "Planned load: between 40 % and 100 %."),
    ({"benchmarks-3-heat": "-1"}, "确保该值大于或等于0。"),
    ({"abatements-0-cost": "-5"}, "确保该值大于或等于0。"),
    ({"listed_band": "0"}, "Price band: it must be above 0, or nothing could trade."),
], ids=["window-longer-than-year", "penalty-11", "negative-intensity", "load-20%",
        "negative-heat-benchmark", "negative-cost", "zero-band"])
def test_a_bad_value_saves_nothing_and_says_why(client, world, changes, message):
    scenario = world.scenario
    before = tables_of(scenario)
    # Good changes elsewhere in the same post are not saved either.
    data = edit_data(world, scenario, name="不该保存", **{"profiles-0-name": "不该保存",
                                                          **changes})
    response = as_user(client, world, "staff_wang").post(url("scenario_edit", scenario.pk),
                                                         data)
    assert response.status_code == 200
    content = response.content.decode()
    assert chinese(message) in content
    assert 'class="invalid-feedback d-block">' + chinese(message) in content  # on the field
    assert tables_of(scenario) == before
    assert not AuditEntry.objects.filter(action="carbon.scenario.changed").exists()


def test_the_last_profile_cannot_be_deleted(client, world):
    scenario = world.scenario
    before = tables_of(scenario)
    deletes = {f"profiles-{i}-DELETE": "on" for i in range(6)}
    response = as_user(client, world, "staff_wang").post(
        url("scenario_edit", scenario.pk), edit_data(world, scenario, **deletes))
    assert response.status_code == 200
    assert chinese("Company profiles: at least one must remain.") in response.content.decode()
    assert tables_of(scenario) == before


def test_the_benchmark_table_takes_no_new_rows(client, world):
    scenario = world.scenario
    data = edit_data(world, scenario, **{"benchmarks-TOTAL_FORMS": 5,
                                         "benchmarks-4-supply": "0.5",
                                         "benchmarks-4-heat": "0.1"})
    as_user(client, world, "staff_wang").post(url("scenario_edit", scenario.pk), data)
    assert scenario.benchmarks.count() == 4


def test_a_session_copy_cannot_be_edited_run_or_deleted(client, world):
    copy = world.simulation.scenario
    assert not copy.is_template
    before = tables_of(copy)
    as_user(client, world, "staff_wang")
    assert client.get(url("scenario_detail", copy.pk)).status_code == 200
    assert client.get(url("scenario_edit", copy.pk)).status_code == 403
    assert client.post(url("scenario_edit", copy.pk),
                       edit_data(world, copy, penalty_multiple=9)).status_code == 403
    assert client.post(url("scenario_delete", copy.pk)).status_code == 403
    assert client.get(url("simulation_add", copy.pk)).status_code == 404
    assert tables_of(copy) == before
    with pytest.raises(services.DomainError):
        services.delete_scenario(actor=world.staff_wang, scenario=copy)


@pytest.mark.parametrize("who", ["student_user", "hr_li", "observer_hubei"])
def test_others_may_not_edit_copy_delete_or_run(client, world, who):
    scenario = world.scenario
    before = tables_of(scenario)
    as_user(client, world, who)
    for name in ("scenario_edit", "scenario_delete", "simulation_add"):
        assert client.get(url(name, scenario.pk)).status_code in (403, 404)
    for name in ("scenario_edit", "scenario_delete", "scenario_copy", "simulation_add"):
        assert client.post(url(name, scenario.pk),
                           edit_data(world, scenario, name="x")).status_code in (403, 404)
    assert tables_of(scenario) == before
    assert Scenario.objects.count() == 1 and not Simulation.objects.exists()


# --- Copy and delete ---------------------------------------------------------------------------


@pytest.mark.parametrize("who", INSTRUCTORS)
def test_a_copy_is_a_new_library_scenario_with_the_same_tables(client, world, who):
    scenario = world.scenario
    as_user(client, world, who)
    assert client.get(url("scenario_copy", scenario.pk)).status_code == 405
    response = client.post(url("scenario_copy", scenario.pk))
    copy = Scenario.objects.exclude(pk=scenario.pk).get()
    assert response["Location"] == url("scenario_detail", copy.pk)
    assert (copy.is_template, copy.copied_from, copy.created_by) == (
        True, scenario, getattr(world, who))
    assert scenario.name in copy.name and copy.name != scenario.name
    assert tables_of(copy)[1:] == tables_of(scenario)[1:]


@pytest.mark.parametrize("who", INSTRUCTORS)
def test_deleting_a_template_leaves_its_sessions_untouched(client, world, who):
    session_copy = world.simulation.scenario
    before = tables_of(session_copy)
    as_user(client, world, who)
    assert client.get(url("scenario_delete", world.scenario.pk)).status_code == 200
    response = client.post(url("scenario_delete", world.scenario.pk))
    assert response["Location"] == url("scenario_list")
    assert not Scenario.objects.filter(pk=world.scenario.pk).exists()
    assert tables_of(session_copy) == before
    assert Simulation.objects.get().scenario == session_copy
    assert AuditEntry.objects.filter(action="carbon.scenario.deleted").count() == 1


# --- Run this scenario -------------------------------------------------------------------------


@pytest.mark.parametrize("who", INSTRUCTORS)
def test_running_a_scenario_creates_a_session_on_its_own_copy(client, world, who):
    scenario = world.scenario
    as_user(client, world, who)
    response = client.get(url("simulation_add", scenario.pk))
    assert response.status_code == 200
    classes = list(response.context["form"].fields["school_class"].queryset)
    assert world.school_class in classes and world.class_far not in classes
    assert not Simulation.objects.exists()  # the form wrote nothing
    response = client.post(url("simulation_add", scenario.pk), {
        "name": "周三第3节", "school_class": world.school_class.pk, "team_size": 2})
    simulation = Simulation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("console", simulation.pk)
    assert (simulation.name, simulation.school_class, simulation.team_size,
            simulation.instructor) == ("周三第3节", world.school_class, 2, getattr(world, who))
    assert simulation.scenario.copied_from == scenario and not simulation.scenario.is_template


@pytest.mark.parametrize(("post", "field"), [
    ({"name": "外校班", "team_size": 1, "school_class": "far"}, "school_class"),
    ({"name": "六人一组", "team_size": 6}, "team_size"),
    ({"name": "", "team_size": 1}, "name"),
], ids=["foreign-class", "team-of-6", "no-name"])
def test_running_with_bad_input_creates_nothing(client, world, post, field):
    if post.get("school_class") == "far":
        post = {**post, "school_class": world.class_far.pk}
    response = as_user(client, world, "staff_wang").post(
        url("simulation_add", world.scenario.pk), post)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Simulation.objects.exists()
    assert Scenario.objects.count() == 1
