"""The insights app's permission-matrix rows for dashboard (see ``cast.py`` for the objects):
school staff and department staff (their department's figures) and platform admins see the
board, each figure's workbook and the KPI API; enterprise members, mentors, students and
observers (the provincial view is theirs) see none of it. A department or college of another
school answers 404 (``test_dashboard.py``: the matrix sends no query string)."""

ROWS = """
insights:dashboard                GET   -                  302  200  200  200  403  403  403  403
insights:dashboard_figure_xlsx    GET   =partners          302  200  200  200  403  403  403  403
insights:dashboard_figure_xlsx    GET   =rank_obtained     302  200  200  200  403  403  403  403
insights:dashboard_figure_xlsx    GET   =no_such_figure    302  404  404  404  403  403  403  403
"""

API_ROWS = """
GET  /api/v1/insights/kpis   -   401  200  200  200  403  403  403  403
"""
