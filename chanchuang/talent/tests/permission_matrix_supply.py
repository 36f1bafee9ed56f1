"""The talent app's permission-matrix rows for supply (see ``cast.py`` for the objects): counts
for staff, department staff and enterprise members; the students behind them, grades and
certificates for staff and department staff (dept_zhou: the first department, student_liu's);
a student's own certificates and skills for the student (student_user is student_liu);
``certificate_liu`` awaits a check, ``certificate_verified`` is checked, ``*_far`` are the
other school's."""

ROWS = """
talent:supply                      GET   -                     302  200  200  200  200  403  403  403
talent:supply_students             GET   -                     302  200  200  200  403  403  403  403
talent:my_skills                   GET   -                     302  403  403  403  403  403  200  403
talent:coursegrade_list            GET   -                     302  200  200  200  403  403  403  403
talent:certificate_list            GET   -                     302  200  200  200  403  403  200  403
talent:certificate_add             GET   -                     302  200  200  200  403  403  200  403
talent:certificate_add             POST  -                     302  200  200  200  403  403  200  403
talent:certificate_detail          GET   certificate_liu       302  200  200  200  404  404  200  404
talent:certificate_detail          GET   certificate_far       302  200  404  404  404  404  404  404
talent:certificate_edit            GET   certificate_liu       302  200  200  200  404  404  200  404
talent:certificate_edit            POST  certificate_liu       302  200  200  200  404  404  200  404
talent:certificate_edit            GET   certificate_verified  302  403  403  403  404  404  403  404
talent:certificate_delete          GET   certificate_liu       302  200  200  200  404  404  200  404
talent:certificate_delete          POST  certificate_far       302  302  404  404  404  404  404  404
talent:certificate_verify          POST  certificate_liu       302  302  302  302  404  404  403  404
talent:certificate_verify          POST  certificate_far       302  302  404  404  404  404  404  404
talent:certificate_reject          POST  certificate_liu       302  302  302  302  404  404  403  404
talent:certificate_scan            GET   certificate_liu       302  404  404  404  404  404  404  404
"""

API_ROWS = """
GET   /api/v1/grades                                     -                    401  200  200  200  403  403  403  403
GET   /api/v1/certificates                               -                    401  200  200  200  403  403  200  403
GET   /api/v1/certificates/{certificate_id}              certificate_liu      401  200  200  200  404  404  200  404
GET   /api/v1/certificates/{certificate_id}              certificate_far      401  200  404  404  404  404  404  404
POST  /api/v1/certificates                               -                    401  422  422  422  422  422  422  422
POST  /api/v1/certificates/{certificate_id}/check        certificate_verified 401  422  422  422  422  422  422  422
POST  /api/v1/certificates/{certificate_id}/check        certificate_far      401  422  422  422  422  422  422  422
GET   /api/v1/supply/by-major                            -                    401  200  200  200  200  403  403  403
GET   /api/v1/supply/by-skill                            -                    401  200  200  200  200  403  403  403
"""
