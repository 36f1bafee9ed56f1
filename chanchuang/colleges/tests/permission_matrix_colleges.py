"""The colleges app's permission-matrix rows for colleges: everyone on the school's campus, its
member enterprises and the province's observers see the college; programmes are for the
college's people (not observers); school staff set everything up."""

ROWS = """
colleges:industrycollege_list             GET   -                              302  200  200  200  200  200  200  200
colleges:industrycollege_add              GET   -                              302  200  200  403  403  403  403  403
colleges:industrycollege_add              POST  -                              302  200  200  403  403  403  403  403
colleges:industrycollege_detail           GET   college                        302  200  200  200  200  200  200  200
colleges:industrycollege_detail           GET   college_far                    302  200  404  404  404  404  404  200
colleges:industrycollege_edit             GET   college                        302  200  200  403  403  403  403  403
colleges:industrycollege_edit             POST  college                        302  200  200  403  403  403  403  403
colleges:industrycollege_edit             GET   college_far                    302  200  404  404  404  404  404  403
colleges:collegemember_add                POST  college                        302  302  302  403  403  403  403  403
colleges:collegemember_add                POST  college_far                    302  302  404  404  404  404  404  403
colleges:collegemember_remove             POST  college_member_a               302  302  302  403  403  403  403  403
colleges:collegemember_remove             POST  college_member_far             302  302  404  404  404  404  404  403

colleges:collegeprogramme_list            GET   -                              302  200  200  200  200  200  200  200
colleges:collegeprogramme_add             GET   -                              302  200  200  403  403  403  403  403
colleges:collegeprogramme_add             POST  -                              302  200  200  403  403  403  403  403
colleges:collegeprogramme_detail          GET   college_programme              302  200  200  200  200  200  200  404
colleges:collegeprogramme_detail          GET   college_programme_far          302  200  404  404  404  404  404  404
colleges:collegeprogramme_edit            GET   college_programme              302  200  200  403  403  403  403  404
colleges:collegeprogramme_edit            POST  college_programme              302  200  200  403  403  403  403  404
colleges:collegeprogramme_delete          GET   college_programme              302  200  200  403  403  403  403  404
colleges:collegeprogramme_delete          POST  college_programme              302  302  302  403  403  403  403  404
colleges:collegeprogramme_delete          POST  college_programme_far          302  302  404  404  404  404  404  404
colleges:collegeprogramme_students        POST  college_programme              302  302  302  403  403  403  403  404
colleges:collegeprogramme_student_remove  POST  college_programme,student_liu  302  302  302  403  403  403  403  404
"""

API_ROWS = """
GET  /api/v1/colleges                                        -                      401  200  200  200  200  200  200  200
GET  /api/v1/colleges/{college_id}                           college                401  200  200  200  200  200  200  200
GET  /api/v1/colleges/{college_id}                           college_far            401  200  404  404  404  404  404  200
POST /api/v1/colleges                                        -                      401  422  422  422  422  422  422  422
GET  /api/v1/college-programmes                              -                      401  200  200  200  200  200  200  200
GET  /api/v1/college-programmes/{programme_id}               college_programme      401  200  200  200  200  200  200  404
GET  /api/v1/college-programmes/{programme_id}               college_programme_far  401  200  404  404  404  404  404  404
POST /api/v1/college-programmes/{programme_id}/students      college_programme      401  422  422  422  422  422  422  422
"""
