"""The carbon app's permission-matrix rows for the scenario library (see ``cast.py``):
instructors (school staff, department staff) use their school's library; a platform admin
reads it; everyone else is refused the list (403) and finds no scenario (404); the other
school's scenario is not there for the school's people (404). A POST sends no data: the add,
edit and run forms answer 200 with their errors, copy and delete go back (302).

Not yet listed in a ``permission_matrix.py`` (carbon has none while its URLs are not in the
project's): the lead adds ``permission_matrix_scenarios`` to it with the other modules."""

ROWS = """
carbon:scenario_list              GET   -             302  200  200  200  403  403  403  403
carbon:scenario_add               GET   -             302  403  200  200  403  403  403  403
carbon:scenario_add               POST  -             302  403  200  200  403  403  403  403
carbon:scenario_detail            GET   scenario      302  200  200  200  404  404  404  404
carbon:scenario_detail            GET   scenario_far  302  200  404  404  404  404  404  404
carbon:scenario_edit              GET   scenario      302  403  200  200  404  404  404  404
carbon:scenario_edit              POST  scenario      302  403  200  200  404  404  404  404
carbon:scenario_edit              GET   scenario_far  302  403  404  404  404  404  404  404
carbon:scenario_delete            GET   scenario      302  403  200  200  404  404  404  404
carbon:scenario_delete            POST  scenario      302  403  302  302  404  404  404  404
carbon:scenario_delete            POST  scenario_far  302  403  404  404  404  404  404  404
carbon:scenario_copy              POST  scenario      302  403  302  302  404  404  404  404
carbon:scenario_copy              POST  scenario_far  302  403  404  404  404  404  404  404
carbon:simulation_add             GET   scenario      302  403  200  200  404  404  404  404
carbon:simulation_add             POST  scenario      302  403  200  200  404  404  404  404
carbon:simulation_add             GET   scenario_far  302  403  404  404  404  404  404  404
"""

API_ROWS = """
"""
