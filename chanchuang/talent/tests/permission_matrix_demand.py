"""The talent app's permission-matrix rows for demand (see ``cast.py`` for the objects): staff
and department staff read the school's demand, an enterprise member its own organisation's
(hr_li sees ``demand_a``, not ``demand_b``: 404); staff declare for any partner, hr_li for
enterprise A; ``demand_mirrored`` mirrors a position and is read-only here; the suggestion
endpoint writes nothing."""

ROWS = """
talent:demand_list                GET   -                302  200  200  200  200  403  403  403
talent:demand_add                 GET   -                302  200  200  403  200  403  403  403
talent:demand_add                 POST  -                302  200  200  403  200  403  403  403
talent:demand_detail              GET   demand_a         302  200  200  200  200  404  404  404
talent:demand_detail              GET   demand_b         302  200  200  200  404  404  404  404
talent:demand_detail              GET   demand_far       302  200  404  404  404  404  404  404
talent:demand_edit                GET   demand_a         302  200  200  403  200  404  404  404
talent:demand_edit                POST  demand_a         302  200  200  403  200  404  404  404
talent:demand_edit                GET   demand_b         302  200  200  403  404  404  404  404
talent:demand_edit                GET   demand_mirrored  302  403  403  403  403  404  404  404
talent:demand_delete              GET   demand_a         302  200  200  403  200  404  404  404
talent:demand_delete              POST  demand_a         302  302  302  403  302  404  404  404
talent:demand_delete              GET   demand_mirrored  302  403  403  403  403  404  404  404
talent:demand_close               POST  demand_a         302  302  302  403  302  404  404  404
talent:demand_close               POST  demand_b         302  302  302  403  404  404  404  404
talent:demand_suggest             POST  -                302  200  200  200  200  403  403  403
"""

API_ROWS = """
GET   /api/v1/demands                         -           401  200  200  200  200  403  403  403
GET   /api/v1/demands/{demand_id}             demand_a    401  200  200  200  200  404  404  404
GET   /api/v1/demands/{demand_id}             demand_b    401  200  200  200  404  404  404  404
GET   /api/v1/demands/{demand_id}             demand_far  401  200  404  404  404  404  404  404
POST  /api/v1/demands                         -           401  422  422  422  422  422  422  422
PATCH /api/v1/demands/{demand_id}             demand_a    401  422  422  422  422  422  422  422
POST  /api/v1/demands/{demand_id}/close       demand_a    401  422  422  422  422  422  422  422
POST  /api/v1/skill-suggestions              -           401  422  422  422  422  422  422  422
"""
