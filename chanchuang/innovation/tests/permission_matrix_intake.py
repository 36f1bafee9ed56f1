"""Permission-matrix rows of programmes, cohorts, intake and the running cohort (columns as in
core's). Cohort 4 (``cohort``) is open: student_liu applied alone (``application_liu``),
student_ma with a team (``application_ma``; ``application_reviewed`` once mentor_chen has it to
review, ``review_chen``). Cohort 3 (``cohort_running``) runs: ``team_liu`` is mentored by
mentor_chen (``mentor_own``), ``team_ma`` by enterprise A's mentor; mentor_chen teaches
``session``. ``*_far`` belong to the other school."""

ROWS = """
innovation:programme_list        GET   -                        302  200  200  200  200  200  200  403
innovation:programme_add         GET   -                        302  200  200  403  403  403  403  403
innovation:programme_add         POST  -                        302  200  200  403  403  403  403  403
innovation:programme_detail      GET   programme                302  200  200  200  200  200  200  404
innovation:programme_detail      GET   programme_far            302  200  404  404  404  404  404  404
innovation:programme_edit        GET   programme                302  200  200  403  403  403  403  404
innovation:cohort_list           GET   -                        302  200  200  200  200  200  200  403
innovation:cohort_add            GET   -                        302  200  200  403  403  403  403  403
innovation:cohort_add            POST  -                        302  200  200  403  403  403  403  403
innovation:cohort_detail         GET   cohort                   302  200  200  200  200  200  200  404
innovation:cohort_detail         GET   cohort_far               302  200  404  404  404  404  404  404
innovation:cohort_edit           GET   cohort                   302  200  200  403  403  403  403  404
innovation:cohort_edit           POST  cohort                   302  200  200  403  403  403  403  404
innovation:cohort_step           POST  cohort,=open             302  302  302  403  403  403  403  404
innovation:cohort_step           POST  cohort_far,=open         302  302  404  404  404  404  404  404
innovation:cohort_part_add       POST  cohort,=quota            302  302  302  403  403  403  403  404
innovation:cohort_part_delete    POST  =criterion,criterion     302  302  302  403  403  403  403  404
innovation:cohort_selection      GET   cohort                   302  200  200  403  403  403  403  404
innovation:cohort_selection      POST  cohort                   302  302  302  403  403  403  403  404
innovation:cohort_acceptances    POST  cohort                   302  302  302  403  403  403  403  404
innovation:cohort_acceptances    POST  cohort_far               302  302  404  404  404  404  404  404
innovation:cohort_match          GET   cohort_running           302  200  200  403  403  403  403  404
innovation:cohort_match          POST  cohort_running           302  302  302  403  403  403  403  404
innovation:cohort_match_status   GET   cohort_running           302  200  200  403  403  403  403  404
innovation:cohortmentor_capacity POST  offer_chen               302  302  302  403  403  302  403  404
innovation:cohortmentor_capacity POST  offer_far                302  302  404  404  404  404  404  404

innovation:application_add       GET   cohort                   302  403  403  403  403  403  200  404
innovation:application_add       POST  cohort                   302  403  403  403  403  403  200  404
innovation:application_add       GET   cohort_far               302  403  404  404  404  404  404  404
innovation:application_list      GET   -                        302  200  200  200  403  403  403  403
innovation:my_applications       GET   -                        302  404  404  404  404  404  200  404
innovation:application_detail    GET   application_liu          302  200  200  200  404  404  200  404
innovation:application_detail    GET   application_reviewed     302  200  200  404  404  200  404  404
innovation:application_detail    GET   application_far          302  200  404  404  404  404  404  404
innovation:application_step      POST  application_liu,=withdraw 302 302  302  403  404  404  302  404
innovation:application_step      POST  application_liu,=accept  302  403  403  403  404  404  302  404
innovation:application_step      POST  application_liu,=offer   302  302  302  403  404  404  403  404
innovation:application_step      POST  application_far,=offer   302  302  404  404  404  404  404  404
innovation:my_reviews            GET   -                        302  200  200  200  200  200  200  200
innovation:review_detail         GET   review_chen              302  200  200  404  404  200  404  404
innovation:review_detail         POST  review_chen              302  403  403  404  404  200  404  404
innovation:review_conflict       POST  review_chen              302  403  403  404  404  302  404  404

innovation:team_list             GET   -                        302  200  200  200  200  200  200  200
innovation:team_detail           GET   team_liu                 302  200  200  200  404  200  200  404
innovation:team_detail           GET   team_ma                  302  200  200  404  404  404  404  404
innovation:team_choices          POST  team_liu                 302  403  403  403  404  403  302  404
innovation:team_mentor           POST  team_liu                 302  302  302  403  404  403  403  404
innovation:team_submit           POST  team_liu,milestone       302  403  403  403  404  403  302  404
innovation:team_pitch            POST  team_liu                 302  403  403  403  404  403  403  404
innovation:submission_feedback   POST  submission_liu           302  302  302  403  404  302  403  404
innovation:session_detail        GET   session                  302  200  200  200  200  200  200  404
innovation:session_attendance    POST  session                  302  302  302  403  403  302  403  404
innovation:session_check_in      POST  session                  302  302  302  302  302  302  302  404
innovation:member_completion     POST  member_liu               302  302  302  403  403  403  403  404
"""

API_ROWS = """
GET  /api/v1/cohorts                                             -                 401  200  200  200  200  200  200  403
GET  /api/v1/cohorts/{cohort_id}                                 cohort            401  200  200  200  200  200  200  404
GET  /api/v1/cohorts/{cohort_id}                                 cohort_far        401  200  404  404  404  404  404  404
POST /api/v1/cohorts/{cohort_id}/applications                    cohort            401  422  422  422  422  422  422  422
POST /api/v1/cohorts/{cohort_id}/parts/{kind}                    cohort,=quota     401  422  422  422  422  422  422  422
DELETE /api/v1/cohort-parts/{kind}/{part_id}                     =criterion,criterion 401 204 204 403 403 403 403 404
DELETE /api/v1/cohort-parts/{kind}/{part_id}                     =criterion,criterion_far 401 204 404 404 404 404 404 404
GET  /api/v1/applications                                        -                 401  200  200  200  200  200  200  200
GET  /api/v1/applications/{application_id}                       application_liu   401  200  200  200  404  404  200  404
GET  /api/v1/applications/{application_id}                       application_far   401  200  404  404  404  404  404  404
POST /api/v1/applications/{application_id}/{step}                application_liu,=withdraw 401 200 200 403 404 404 200 404
GET  /api/v1/reviews                                             -                 401  200  200  200  200  200  200  200
POST /api/v1/reviews/{review_id}/scores                          review_chen       401  422  422  422  422  422  422  422
POST /api/v1/reviews/{review_id}/conflict                        review_chen       401  422  422  422  422  422  422  422
POST /api/v1/cohorts/{cohort_id}/steps/{step}                    cohort,=open      401  400  400  403  403  403  403  404
GET  /api/v1/cohorts/{cohort_id}/ranking                         cohort            401  200  200  403  403  403  403  404
POST /api/v1/cohorts/{cohort_id}/selection                       cohort            401  400  400  403  403  403  403  404
GET  /api/v1/teams                                               -                 401  200  200  200  200  200  200  200
GET  /api/v1/teams/{team_id}                                     team_liu          401  200  200  200  404  200  200  404
GET  /api/v1/teams/{team_id}                                     team_ma           401  200  200  404  404  404  404  404
POST /api/v1/teams/{team_id}/mentor-choices                      team_liu          401  422  422  422  422  422  422  422
POST /api/v1/cohorts/{cohort_id}/mentor-match                    cohort_running    401  400  400  403  403  403  403  404
GET  /api/v1/cohorts/{cohort_id}/mentor-match                    cohort_running    401  400  400  403  403  403  403  404
POST /api/v1/sessions/{session_id}/check-in                      session           401  422  422  422  422  422  422  422
POST /api/v1/teams/{team_id}/submissions                         team_liu          401  422  422  422  422  422  422  422
POST /api/v1/teams/{team_id}/pitch-scores                        team_liu          401  422  422  422  422  422  422  422
"""
