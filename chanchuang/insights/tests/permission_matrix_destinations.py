"""The insights app's permission-matrix rows for destinations (see ``cast.py`` for the
objects): ``destination_liu`` is student_liu's (first department, verified), so staff,
dept_zhou and the graduate see it; ``destination_ma`` is of the second department (dept_zhou
404); ``destination_far`` of the other school (404 to all but the admin). School staff verify
and delete, staff and department staff record and change; a graduate uploads evidence until it
is verified. Enterprise members, mentors and observers never see a record."""

ROWS = """
insights:destination_list              GET   -                302  200  200  200  403  403  403  403
insights:destination_add               GET   -                302  200  200  200  403  403  403  403
insights:destination_add               POST  -                302  200  200  200  403  403  403  403
insights:destination_detail            GET   destination_liu  302  200  200  200  404  404  200  404
insights:destination_detail            GET   destination_ma   302  200  200  404  404  404  404  404
insights:destination_detail            GET   destination_far  302  200  404  404  404  404  404  404
insights:destination_edit              GET   destination_liu  302  200  200  200  404  404  403  404
insights:destination_edit              POST  destination_liu  302  200  200  200  404  404  403  404
insights:destination_edit              GET   destination_ma   302  200  200  404  404  404  404  404
insights:destination_edit              GET   destination_far  302  200  404  404  404  404  404  404
insights:destination_delete            GET   destination_liu  302  200  200  403  404  404  403  404
insights:destination_delete            POST  destination_far  302  302  404  404  404  404  404  404
insights:destination_verify            POST  destination_liu  302  302  302  403  404  404  403  404
insights:destination_verify            POST  destination_far  302  302  404  404  404  404  404  404
insights:destination_evidence          GET   destination_liu  302  404  404  404  404  404  404  404
insights:destination_evidence          GET   destination_far  302  404  404  404  404  404  404  404
insights:destination_evidence_upload   POST  destination_liu  302  302  302  302  404  404  403  404
insights:destination_evidence_upload   POST  destination_ma   302  302  302  404  404  404  404  404
insights:destination_evidence_upload   POST  destination_far  302  302  404  404  404  404  404  404
insights:my_destination                GET   -                302  403  403  403  403  403  200  403
"""

API_ROWS = """
GET    /api/v1/insights/destinations                    -                401  200  200  200  403  403  403  403
GET    /api/v1/insights/destinations/{destination_id}   destination_liu  401  200  200  200  404  404  200  404
GET    /api/v1/insights/destinations/{destination_id}   destination_ma   401  200  200  404  404  404  404  404
GET    /api/v1/insights/destinations/{destination_id}   destination_far  401  200  404  404  404  404  404  404
POST   /api/v1/insights/destinations                    -                401  422  422  422  422  422  422  422
PATCH  /api/v1/insights/destinations/{destination_id}   destination_liu  401  422  422  422  422  422  422  422
"""
