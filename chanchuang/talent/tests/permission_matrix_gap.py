"""The talent app's permission-matrix rows for gap (see ``cast.py`` for the objects): staff,
department staff and enterprise members see the gap (the enterprise its own demand against the
aggregate supply) and the demands behind it; the students behind a supply figure only staff and
department staff (their department's); the suggestions name partners, so staff and department
staff only. Mentors, students and observers see none of it."""

ROWS = """
talent:gap                 GET   -    302  200  200  200  200  403  403  403
talent:gap_demands         GET   -    302  200  200  200  200  403  403  403
talent:gap_students        GET   -    302  200  200  200  403  403  403  403
"""

API_ROWS = """
GET  /api/v1/talent/gap               -   401  200  200  200  200  403  403  403
GET  /api/v1/talent/gap/suggestions   -   401  200  200  200  403  403  403  403
"""
