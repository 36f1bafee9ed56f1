"""Per-object permissions of the carbon app. Instructors are school staff and department
staff (of the session's school: department staff the sessions they run and their department's
classes'); participants are the students who joined a session."""

import rules

from chanchuang.carbon.choices import SessionState
from chanchuang.core.choices import Role
from chanchuang.core.rules import holds_role, is_platform_admin, works_at_school
from chanchuang.core.visibility import scope_of


@rules.predicate
def instructs(user, simulation=None) -> bool:
    """The user may run the session (see ``models.sessions.instructing``); with no session,
    whether they may run any."""
    scope = scope_of(user)
    if simulation is None:
        return bool(scope.staff_schools or scope.department_schools)
    if simulation.school_id in scope.staff_schools:
        return True
    if simulation.school_id in scope.department_schools and simulation.instructor_id == user.pk:
        return True
    school_class = simulation.school_class
    return school_class is not None and school_class.major.department_id in scope.department_ids


@rules.predicate
def runs_a_company(user, simulation=None) -> bool:
    """The user joined the session and runs (alone or in a team) one of its companies."""
    if simulation is None:
        return False
    return simulation.participants.filter(user_id=user.pk, company__isnull=False).exists()


@rules.predicate
def is_open(user, simulation=None) -> bool:
    """The session has not finished."""
    return simulation is None or simulation.state != SessionState.FINISHED


@rules.predicate
def is_finished(user, simulation=None) -> bool:
    return simulation is not None and simulation.state == SessionState.FINISHED


@rules.predicate
def is_library_scenario(user, scenario=None) -> bool:
    """The scenario is a template of the library (a session's own copy is never edited)."""
    return scenario is None or scenario.is_template


@rules.predicate
def is_own_participation(user, participant=None) -> bool:
    return participant is not None and participant.user_id == user.pk


@rules.predicate
def instructs_participant(user, participant=None) -> bool:
    return participant is not None and instructs(user, participant.simulation)


rules.add_perm("carbon.list_scenarios", is_platform_admin | works_at_school)
rules.add_perm("carbon.add_scenario", works_at_school)
rules.add_perm("carbon.view_scenario", is_platform_admin | works_at_school)
rules.add_perm("carbon.change_scenario", works_at_school & is_library_scenario)
rules.add_perm("carbon.delete_scenario", works_at_school & is_library_scenario)
rules.add_perm("carbon.list_simulations", is_platform_admin | works_at_school
               | holds_role(Role.STUDENT))
rules.add_perm("carbon.add_simulation", works_at_school)
rules.add_perm("carbon.join_simulation", holds_role(Role.STUDENT))
rules.add_perm("carbon.view_simulation", is_platform_admin | instructs | runs_a_company)
rules.add_perm("carbon.run_simulation", instructs & is_open)
rules.add_perm("carbon.trade", runs_a_company & is_open)
rules.add_perm("carbon.view_results", is_platform_admin | instructs | runs_a_company)
rules.add_perm("carbon.export_simulation", is_platform_admin | instructs)
rules.add_perm("carbon.view_report", is_platform_admin | instructs_participant
               | is_own_participation)
