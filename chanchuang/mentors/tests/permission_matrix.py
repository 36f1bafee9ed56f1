"""The mentors app's rows of the permission matrix (columns as in core's). ``mentor_own`` is
mentor_chen's own record; ``mentor_a`` works for enterprise A (hr_li's colleague), ``mentor_b``
for enterprise B; ``*_far`` belong to the other school. The pool is open to everyone on campus;
appointments and activities only to staff, the mentor and the mentor's colleagues. The letter
verification is public."""

ROWS = """
mentors:mentor_list                 GET   -                    302  200  200  200  200  200  200  403
mentors:mentor_add                  GET   -                    302  200  200  403  403  403  403  403
mentors:mentor_add                  POST  -                    302  200  200  403  403  403  403  403
mentors:mentor_detail               GET   mentor_a             302  200  200  200  200  200  200  404
mentors:mentor_detail               GET   mentor_b             302  200  200  200  404  200  200  404
mentors:mentor_detail               GET   mentor_far           302  200  404  404  404  404  404  404
mentors:mentor_photo                GET   mentor_a_photo       302  200  200  200  200  200  200  404
mentors:mentor_photo                GET   mentor_far_photo     302  200  404  404  404  404  404  404
mentors:mentor_edit                 GET   mentor_a             302  200  200  403  403  403  403  404
mentors:mentor_edit                 POST  mentor_a             302  200  200  403  403  403  403  404
mentors:mentor_edit                 GET   mentor_far           302  200  404  404  404  404  404  404
mentors:mentor_delete               GET   mentor_a             302  200  200  403  403  403  403  404
mentors:mentor_delete               POST  mentor_b             302  302  302  403  404  403  403  404
mentors:activity_add                POST  mentor_a             302  302  302  302  403  403  403  404
mentors:activity_add                POST  mentor_own           302  302  302  302  404  302  403  404
mentors:activity_delete             POST  activity_a           302  302  302  302  403  404  404  404
mentors:activity_delete             POST  activity_own         302  302  302  302  404  302  404  404

mentors:appointment_list            GET   -                    302  200  200  200  200  200  200  403
mentors:appointment_add             GET   -                    302  200  200  403  403  403  403  403
mentors:appointment_add             POST  -                    302  200  200  403  403  403  403  403
mentors:appointment_detail          GET   appointment_a        302  200  200  200  200  404  404  404
mentors:appointment_detail          GET   appointment_own      302  200  200  200  404  200  404  404
mentors:appointment_detail          GET   appointment_far      302  200  404  404  404  404  404  404
mentors:appointment_edit            GET   appointment_proposed 302  200  200  403  403  404  404  404
mentors:appointment_edit            POST  appointment_proposed 302  200  200  403  403  404  404  404
mentors:appointment_edit            GET   appointment_a        302  403  403  403  403  404  404  404
mentors:appointment_approve         POST  appointment_proposed 302  302  302  403  403  404  404  404
mentors:appointment_withdraw        POST  appointment_a        302  302  302  403  403  404  404  404
mentors:appointment_withdraw        POST  appointment_far      302  302  404  404  404  404  404  404
mentors:appointment_renew           POST  appointment_a        302  302  302  403  403  404  404  404
mentors:appointment_letter          GET   appointment_a        302  200  200  403  403  404  404  404
mentors:appointment_letter          GET   appointment_own      302  200  200  403  404  200  404  404
mentors:verify                      GET   letter_code          200  200  200  200  200  200  200  200
mentors:verify_form                 GET   -                    200  200  200  200  200  200  200  200

mentors:appointmenttitle_list       GET   -                    302  200  200  403  403  403  403  403
mentors:appointmenttitle_add        GET   -                    302  200  200  403  403  403  403  403
mentors:appointmenttitle_add        POST  -                    302  200  200  403  403  403  403  403
mentors:appointmenttitle_detail     GET   title_own            302  200  200  200  200  200  200  404
mentors:appointmenttitle_detail     GET   title_builtin        302  200  200  200  200  200  200  200
mentors:appointmenttitle_edit       GET   title_own            302  200  200  403  403  403  403  404
mentors:appointmenttitle_edit       GET   title_builtin        302  200  403  403  403  403  403  403
"""

API_ROWS = """
GET  /api/v1/mentors                                   -                401  200  200  200  200  200  200  403
GET  /api/v1/mentors/{mentor_id}                       mentor_a         401  200  200  200  200  200  200  404
GET  /api/v1/mentors/{mentor_id}                       mentor_b         401  200  200  200  404  200  200  404
GET  /api/v1/mentors/{mentor_id}                       mentor_far       401  200  404  404  404  404  404  404
GET  /api/v1/mentors/{mentor_id}/activities            mentor_a         401  200  200  200  200  200  200  404
POST /api/v1/mentors/{mentor_id}/activities            mentor_a         401  422  422  422  422  422  422  422
GET  /api/v1/appointments                              -                401  200  200  200  200  200  200  403
POST /api/v1/appointments                              -                401  422  422  422  422  422  422  422
GET  /api/v1/appointments/{appointment_id}             appointment_a    401  200  200  200  200  404  404  404
GET  /api/v1/appointments/{appointment_id}             appointment_own  401  200  200  200  404  200  404  404
GET  /api/v1/appointments/{appointment_id}             appointment_far  401  200  404  404  404  404  404  404
POST /api/v1/appointments/{appointment_id}/{step}      appointment_proposed,=approve 401 200 200 403 403 404 404 404
POST /api/v1/appointments/{appointment_id}/{step}      appointment_far,=withdraw     401 200 404 404 404 404 404 404
GET  /api/v1/letters/{code}                            letter_code      200  200  200  200  200  200  200  200
"""
