"""The carbon app's permission-matrix rows for what a session leaves behind (columns: anon
admin staff dept hr mentor student observer): the ranking and the replay for the session's
instructors and participants, the workbook and the zip of reports for its instructors, a
student's graded report for the student and their instructors."""

ROWS = """
carbon:results     GET   session_liu                   302  200  200  200  404  404  200  404
carbon:results     GET   simulation_far                302  200  404  404  404  404  404  404
carbon:replay      GET   session_liu                   302  200  200  200  404  404  200  404
carbon:export      GET   session_liu                   302  200  200  200  404  404  403  404
carbon:export      GET   simulation_far                302  200  404  404  404  404  404  404
carbon:report      GET   session_liu,participant_liu   302  200  200  200  404  404  200  404
carbon:report      GET   simulation_far,participant_far  302  200  404  404  404  404  404  404
carbon:report_zip  GET   session_liu                   302  200  200  200  404  404  403  404
"""

API_ROWS = """
GET  /api/v1/carbon/simulations/{simulation_id}/results   session_liu      401  200  200  200  404  404  200  404
GET  /api/v1/carbon/simulations/{simulation_id}/results   simulation_far   401  200  404  404  404  404  404  404
"""
