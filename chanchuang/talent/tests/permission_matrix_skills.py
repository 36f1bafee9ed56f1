"""The talent app's permission-matrix rows for skills (see ``cast.py`` for the objects): the
dictionary and courses are read by whoever plans or declares against them (staff, department
staff, enterprise members) and kept by school staff; ``skill_far`` and ``course_far`` are the
other school's; ``programme`` is innovation's bootcamp programme."""

ROWS = """
talent:skill_list                  GET   -              302  200  200  200  200  403  403  403
talent:skill_add                   GET   -              302  200  200  403  403  403  403  403
talent:skill_add                   POST  -              302  200  200  403  403  403  403  403
talent:skill_detail                GET   skill          302  200  200  200  200  403  403  403
talent:skill_detail                GET   skill_far      302  200  404  404  404  403  403  403
talent:skill_edit                  GET   skill          302  200  200  403  403  403  403  404
talent:skill_edit                  POST  skill          302  200  200  403  403  403  403  404
talent:skill_edit                  GET   skill_far      302  200  404  404  404  404  404  404
talent:skill_delete                GET   skill          302  200  200  403  403  403  403  404
talent:skill_delete                POST  skill_safety   302  302  302  403  403  403  403  404
talent:skill_delete                POST  skill_far      302  302  404  404  404  404  404  404
talent:course_list                 GET   -              302  200  200  200  200  403  403  403
talent:course_add                  GET   -              302  200  200  403  403  403  403  403
talent:course_add                  POST  -              302  200  200  403  403  403  403  403
talent:course_detail               GET   course         302  200  200  200  200  403  403  403
talent:course_detail               GET   course_far     302  200  404  404  404  403  403  403
talent:course_edit                 GET   course         302  200  200  403  403  403  403  404
talent:course_edit                 POST  course         302  200  200  403  403  403  403  404
talent:course_delete               GET   course         302  200  200  403  403  403  403  404
talent:course_delete               POST  course_far     302  302  404  404  404  404  404  404
talent:major_skills                GET   -              302  200  200  200  200  403  403  403
talent:programme_skills            GET   -              302  200  200  200  200  403  403  403
talent:programme_skills_edit       GET   programme      302  200  200  403  403  403  403  404
talent:programme_skills_edit       POST  programme      302  302  302  403  403  403  403  404
talent:programme_skills_edit       GET   programme_far  302  200  404  404  404  404  404  404
"""

API_ROWS = """
GET   /api/v1/skills                     -          401  200  200  200  200  403  403  403
GET   /api/v1/skills/{skill_id}          skill      401  200  200  200  200  403  403  403
GET   /api/v1/skills/{skill_id}          skill_far  401  200  404  404  404  403  403  403
POST  /api/v1/skills                     -          401  422  422  422  422  422  422  422
PATCH /api/v1/skills/{skill_id}          skill      401  422  422  422  422  422  422  422
GET   /api/v1/courses                    -          401  200  200  200  200  403  403  403
GET   /api/v1/courses/{course_id}        course     401  200  200  200  200  403  403  403
GET   /api/v1/courses/{course_id}        course_far 401  200  404  404  404  403  403  403
"""
