"""Carbon's part of the test cast: the school's standard scenario and a session of it for
student_liu's class, which student_liu has joined (``participant_liu``, the first company)
beside a compliance bot; and the other school's scenario and session (``*_far``), joined by
student_far. Built on first use from core's people."""

from __future__ import annotations

from functools import cached_property

from chanchuang.carbon.choices import Strategy
from chanchuang.carbon.services import scenarios, sessions


class CarbonCast:
    """Mixin of core's ``Cast``: the carbon objects of the world."""

    @cached_property
    def scenario(self):
        return scenarios.create_standard_scenario(actor=self.staff_wang, school=self.school,
                                                  name="全国碳市场·发电行业两年")

    @cached_property
    def scenario_far(self):
        return scenarios.create_standard_scenario(actor=self.staff_far,
                                                  school=self.other_school, name="湖北试点")

    @cached_property
    def simulation(self):
        return sessions.create_simulation(
            actor=self.staff_wang, template=self.scenario, name="碳交易实训第1讲",
            school_class=self.school_class)

    @cached_property
    def participant_liu(self):
        return sessions.join(user=self.student_liu.user, code=self.simulation.join_code)

    @cached_property
    def session_liu(self):
        """The session once student_liu has joined it (not started)."""
        return self.participant_liu.simulation

    @cached_property
    def company_liu(self):
        return self.participant_liu.company

    @cached_property
    def bot_company(self):
        """A compliance-driven simulated trader, added after student_liu joined."""
        self.participant_liu  # noqa: B018  (student_liu takes the first company)
        return sessions.add_bots(actor=self.staff_wang, simulation=self.simulation,
                                 strategies={Strategy.COMPLIANCE: 1})[0]

    @cached_property
    def simulation_far(self):
        return sessions.create_simulation(actor=self.staff_far, template=self.scenario_far,
                                          name="远方实训", school_class=self.class_far)

    @cached_property
    def participant_far(self):
        return sessions.join(user=self.student_far.user, code=self.simulation_far.join_code)
