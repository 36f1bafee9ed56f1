"""The insights app's permission-matrix rows for chain (see ``cast.py`` for the objects): the
outcome chain is read by school staff (the school), department staff (their department) and
platform admins; nobody else. A cohort of the other school is 404 to those who may read a
chain, 403 to the rest (the permission is checked first)."""

ROWS = """
insights:chain           GET   -                302  200  200  200  403  403  403  403
insights:chain_cohort    GET   cohort_running   302  200  200  200  403  403  403  403
insights:chain_cohort    GET   cohort_far       302  200  404  404  403  403  403  403
"""

API_ROWS = """
GET  /api/v1/insights/chain                       -               401  200  200  200  403  403  403  403
GET  /api/v1/insights/chain/flags                 -               401  200  200  200  403  403  403  403
GET  /api/v1/insights/chain?cohort={id}           cohort_running  401  200  200  200  403  403  403  403
GET  /api/v1/insights/chain?cohort={id}           cohort_far      401  200  404  404  403  403  403  403
GET  /api/v1/insights/chain/flags?cohort={id}     cohort_far      401  200  404  404  403  403  403  403
"""
