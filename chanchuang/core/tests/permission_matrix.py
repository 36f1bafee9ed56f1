"""The core app's rows of the permission matrix: role × route × method × object → status.

Columns are the roles of ARCHITECTURE.md played by the named test people (see conftest.py):
anon (not logged in), admin, staff (staff_wang), dept (dept_zhou, first department), hr (hr_li,
enterprise A), mentor (mentor_chen), student (student_liu), observer (observer_hubei, Hubei).
The object is a ``World`` attribute or ``=value`` for a literal URL argument (several separated
by commas): ``student_liu``
is own to staff, dept and the student; ``student_ma`` sits in another department of the same
school; ``*_far`` objects belong to another school of the same province. POSTs send an empty
form: they prove the gate, and change nothing unless the gate is open (then 200 = form shown
again with errors, 302 = done or refused with a message).
"""

ROLES = ("anon", "admin", "staff", "dept", "hr", "mentor", "student", "observer")

ROWS = """
login                       GET   -               200  302  302  302  302  302  302  302
logout                      POST  -               302  302  302  302  302  302  302  302
set_language                POST  -               302  302  302  302  302  302  302  302
core:home                   GET   -               302  200  200  200  200  200  200  302
core:profile                GET   -               302  200  200  200  200  200  200  200
core:password_change        GET   -               302  200  200  200  200  200  200  200
core:token_create           POST  -               302  302  302  302  302  302  302  302
core:token_revoke           POST  staff_token     302  404  302  404  404  404  404  404

core:department_list        GET   -               302  200  200  200  200  200  200  200
core:department_add         GET   -               302  200  200  403  403  403  403  403
core:department_add         POST  -               302  200  200  403  403  403  403  403
core:department_detail      GET   department      302  200  200  200  200  200  200  200
core:department_detail      GET   department_2    302  200  200  404  200  200  200  200
core:department_detail      GET   department_far  302  200  404  404  404  404  404  200
core:department_edit        GET   department      302  200  200  403  403  403  403  403
core:department_edit        POST  department      302  200  200  403  403  403  403  403
core:department_edit        GET   department_far  302  200  404  404  404  404  404  403
core:department_delete      GET   department      302  200  200  403  403  403  403  403
core:department_delete      POST  department      302  302  302  403  403  403  403  403
core:department_delete      POST  department_far  302  302  404  404  404  404  404  403

core:major_list             GET   -               302  200  200  200  200  200  200  200
core:major_add              GET   -               302  200  200  403  403  403  403  403
core:major_add              POST  -               302  200  200  403  403  403  403  403
core:major_detail           GET   major           302  200  200  200  200  200  200  200
core:major_detail           GET   major_far       302  200  404  404  404  404  404  200
core:major_edit             GET   major           302  200  200  403  403  403  403  403
core:major_edit             POST  major           302  200  200  403  403  403  403  403
core:major_edit             GET   major_far       302  200  404  404  404  404  404  403
core:major_delete           GET   major           302  200  200  403  403  403  403  403
core:major_delete           POST  major           302  302  302  403  403  403  403  403

core:schoolclass_list       GET   -               302  200  200  200  403  403  403  403
core:schoolclass_add        GET   -               302  200  200  200  403  403  403  403
core:schoolclass_add        POST  -               302  200  200  200  403  403  403  403
core:schoolclass_detail     GET   school_class    302  200  200  200  404  404  200  404
core:schoolclass_detail     GET   class_2         302  200  200  404  404  404  404  404
core:schoolclass_detail     GET   class_far       302  200  404  404  404  404  404  404
core:schoolclass_edit       GET   school_class    302  200  200  200  404  404  403  404
core:schoolclass_edit       POST  school_class    302  200  200  200  404  404  403  404
core:schoolclass_edit       GET   class_2         302  200  200  404  404  404  404  404
core:schoolclass_delete     GET   school_class    302  200  200  200  404  404  403  404
core:schoolclass_delete     POST  school_class    302  302  302  302  404  404  403  404
core:schoolclass_delete     POST  class_far       302  302  404  404  404  404  404  404


core:student_list           GET   -               302  200  200  200  403  403  403  403
core:student_add            GET   -               302  200  200  200  403  403  403  403
core:student_add            POST  -               302  200  200  200  403  403  403  403
core:student_detail         GET   student_liu     302  200  200  200  404  404  200  404
core:student_detail         GET   student_ma      302  200  200  404  404  404  404  404
core:student_detail         GET   student_far     302  200  404  404  404  404  404  404
core:student_edit           GET   student_liu     302  200  200  200  404  404  403  404
core:student_edit           POST  student_liu     302  200  200  200  404  404  403  404
core:student_edit           GET   student_ma      302  200  200  404  404  404  404  404
core:student_edit           GET   student_far     302  200  404  404  404  404  404  404
core:student_delete         GET   student_liu     302  200  200  403  404  404  403  404
core:student_delete         POST  student_far     302  302  404  404  404  404  404  404

core:user_list              GET   -               302  200  200  403  403  403  403  403
core:user_detail            GET   hr_li           302  200  200  404  200  404  404  404
core:user_detail            GET   staff_far       302  200  404  404  404  404  404  404
core:membership_add         POST  hr_li           302  302  302  404  403  404  404  404
core:membership_add         POST  staff_far       302  302  404  404  404  404  404  404
core:membership_delete      POST  hr_membership   302  302  302  404  403  404  404  404

core:auditentry_list        GET   -               302  200  200  403  403  403  403  403

core:importjob_list         GET   -               302  200  200  403  403  403  403  403
core:import_start           GET   =roster         302  200  200  403  403  403  403  403
core:import_start           POST  =roster         302  200  200  403  403  403  403  403
core:import_template        GET   =roster         302  200  200  403  403  403  403  403
core:importjob_detail       GET   import_job      302  200  200  404  404  404  404  404
core:importjob_detail       GET   import_job_far  302  200  404  404  404  404  404  404
core:importjob_confirm      POST  import_job      302  302  302  404  404  404  404  404
core:importjob_confirm      POST  import_job_far  302  302  404  404  404  404  404  404

core:notification_list      GET   -               302  200  200  200  200  200  200  200
core:notification_open      POST  notification    302  404  302  404  404  404  404  404
core:notification_read_all  POST  -               302  302  302  302  302  302  302  302
"""

API_ROWS = """
GET  /api/v1/me                               -               401  200  200  200  200  200  200  200
GET  /api/v1/schools                          -               401  200  200  200  200  200  200  200
GET  /api/v1/schools/{school_id}              school          401  200  200  200  200  200  200  200
GET  /api/v1/schools/{school_id}              other_school    401  200  404  404  404  404  404  200
GET  /api/v1/departments                      -               401  200  200  200  200  200  200  200
GET  /api/v1/departments/{department_id}      department      401  200  200  200  200  200  200  200
GET  /api/v1/departments/{department_id}      department_2    401  200  200  404  200  200  200  200
GET  /api/v1/departments/{department_id}      department_far  401  200  404  404  404  404  404  200
GET  /api/v1/majors                           -               401  200  200  200  200  200  200  200
GET  /api/v1/majors/{major_id}                major           401  200  200  200  200  200  200  200
GET  /api/v1/majors/{major_id}                major_far       401  200  404  404  404  404  404  200
GET  /api/v1/organisations                    -               401  200  200  200  200  200  200  200
GET  /api/v1/organisations/{organisation_id}  enterprise_a    401  200  200  200  200  200  200  404
GET  /api/v1/organisations/{organisation_id}  enterprise_b    401  200  200  200  404  200  200  404
GET  /api/v1/organisations/{organisation_id}  org_far         401  200  404  404  404  404  404  404
GET  /api/v1/students                         -               401  200  200  200  200  200  200  200
GET  /api/v1/students/{student_id}            student_liu     401  200  200  200  404  404  200  404
GET  /api/v1/students/{student_id}            student_ma      401  200  200  404  404  404  404  404
GET  /api/v1/students/{student_id}            student_far     401  200  404  404  404  404  404  404
POST /api/v1/imports                          -               401  422  422  422  422  422  422  422
GET  /api/v1/imports/templates/{kind}         =roster         401  400  200  403  403  403  403  403
GET  /api/v1/imports/{job_id}                 import_job      401  200  200  404  404  404  404  404
GET  /api/v1/imports/{job_id}                 import_job_far  401  200  404  404  404  404  404  404
GET  /api/v1/imports/{job_id}/errors          import_job      401  200  200  404  404  404  404  404
GET  /api/v1/imports/{job_id}/errors          import_job_far  401  200  404  404  404  404  404  404
POST /api/v1/imports/{job_id}/confirm         import_job      401  400  400  404  404  404  404  404
POST /api/v1/imports/{job_id}/confirm         import_job_far  401  400  404  404  404  404  404  404
"""
