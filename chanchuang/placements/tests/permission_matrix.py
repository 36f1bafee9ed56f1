"""The placements app's rows of the permission matrix (columns as in core's). The plan is for
the first department's 2025 major; position A is enterprise A's (hr_li), B enterprise B's;
round 1 is published with student_liu placed at A; round 2 is open."""

ROWS = """
placements:trainingplan_list      GET   -                      302  200  200  200  200  403  200  403
placements:trainingplan_add       GET   -                      302  200  200  403  403  403  403  403
placements:trainingplan_add       POST  -                      302  200  200  403  403  403  403  403
placements:trainingplan_detail    GET   plan                   302  200  200  200  200  404  200  404
placements:trainingplan_detail    GET   plan_far               302  200  404  404  404  404  404  404
placements:trainingplan_edit      GET   plan                   302  200  200  403  403  404  403  404
placements:trainingplan_delete    GET   plan                   302  200  200  403  403  404  403  404
placements:trainingplan_delete    POST  placement_liu_plan     302  302  302  403  403  404  403  404
placements:block_add              POST  plan                   302  302  302  403  403  404  403  404
placements:block_delete           POST  block                  302  302  302  403  403  404  403  404
placements:round_add              POST  plan                   302  302  302  403  403  404  403  404
placements:trainingplan_export    GET   plan                   302  200  200  403  403  404  403  404
placements:trainingplan_export    GET   plan_far               302  200  404  404  404  404  404  404

placements:position_list          GET   -                      302  200  200  200  200  403  200  403
placements:position_add           GET   -                      302  200  200  403  200  403  403  403
placements:position_add           POST  -                      302  200  200  403  200  403  403  403
placements:position_detail        GET   position_a             302  200  200  200  200  404  200  404
placements:position_detail        GET   position_b             302  200  200  200  404  404  200  404
placements:position_detail        GET   position_far           302  200  404  404  404  404  404  404
placements:position_edit          GET   position_a             302  200  200  403  200  404  403  404
placements:position_edit          GET   position_b             302  200  200  403  404  404  403  404
placements:position_delete        GET   position_a             302  200  200  403  200  404  403  404
placements:position_delete        POST  position_b             302  302  302  403  404  404  403  404

placements:selectionround_detail  GET   round                  302  200  200  200  200  404  200  404
placements:round_status           GET   round                  302  200  200  200  200  404  200  404
placements:round_choices          GET   round_open             302  403  403  403  403  404  200  404
placements:round_choices          POST  round_open             302  403  403  403  403  404  302  404
placements:round_rank             GET   round_open,position_a  302  200  200  403  200  404  403  404
placements:round_rank             GET   round_open,position_b  302  200  200  403  404  404  403  404
placements:round_rank             POST  round_open,position_a  302  302  302  403  302  404  403  404
placements:round_rank_by_grade    POST  round_open             302  302  302  403  403  404  403  404
placements:round_run              POST  round_open             302  302  302  403  403  404  403  404
placements:round_publish          POST  round_open             302  302  302  403  403  404  403  404
placements:round_verify           POST  round                  302  302  302  403  403  404  403  404
placements:round_verify           POST  round_open             302  302  302  403  403  404  403  404
placements:round_my_result        GET   round                  302  403  403  403  403  404  200  404
placements:round_my_result        GET   round_open             302  403  403  403  403  404  404  404

placements:placement_list         GET   -                      302  200  200  200  200  403  200  403
placements:placement_exceptions   GET   -                      302  200  200  200  403  403  403  403
placements:placement_detail       GET   placement_liu          302  200  200  200  200  404  200  404
placements:placement_detail       GET   placement_far          302  200  404  404  404  404  404  404
placements:placement_records      POST  placement_liu          302  302  302  403  403  404  403  404
placements:placement_tripartite   POST  placement_liu          302  302  302  403  403  404  403  404
placements:placement_confirm      POST  placement_liu          302  302  302  403  403  404  403  404
placements:placement_confirm      POST  placement_far          302  302  404  404  404  404  404  404
placements:placement_mail_mentor  POST  placement_liu          302  302  302  403  403  404  403  404
placements:log_add                POST  placement_liu          302  403  403  403  403  404  302  404
placements:log_attachment         GET   log_liu                302  200  200  200  200  404  200  404
placements:log_attachment         GET   log_far                302  200  404  404  404  404  404  404
placements:placement_consent      GET   placement_liu_consent  302  200  200  200  403  404  200  404
placements:placement_consent      GET   placement_far_consent  302  200  404  404  404  404  404  404
placements:placement_consent      GET   placement_liu          302  404  404  404  403  404  404  404
placements:logs_sign_off          POST  placement_liu          302  302  302  403  302  404  403  404
placements:placement_evaluate     POST  placement_liu,=enterprise 302 403 403 403 302  404  403  404
placements:placement_evaluate     POST  placement_liu,=school  302  302  302  302  403  404  403  404
placements:public_sign_off        GET   sign_off_link          200  200  200  200  200  200  200  200
placements:public_sign_off        GET   =forged-token          400  400  400  400  400  400  400  400

placements:insurancepolicy_list   GET   -                      302  200  200  403  403  403  403  403
placements:insurancepolicy_add    GET   -                      302  200  200  403  403  403  403  403
placements:insurancepolicy_add    POST  -                      302  200  200  403  403  403  403  403
placements:insurancepolicy_detail GET   policy                 302  200  200  200  404  404  404  404
placements:insurancepolicy_edit   GET   policy                 302  200  200  403  404  404  404  404
"""

API_ROWS = """
GET  /api/v1/positions                                          -                    401  200  200  200  200  403  200  403
GET  /api/v1/positions/{position_id}                            position_a           401  200  200  200  200  404  200  404
GET  /api/v1/positions/{position_id}                            position_b           401  200  200  200  404  404  200  404
GET  /api/v1/positions/{position_id}                            position_far         401  200  404  404  404  404  404  404
POST /api/v1/plans/{plan_id}/rounds                             plan                 401  422  422  422  422  422  422  422
GET  /api/v1/rounds/{round_id}                                  round                401  200  200  200  200  404  200  404
PUT  /api/v1/rounds/{round_id}/choices                          round_open           401  422  422  422  422  422  422  422
PUT  /api/v1/rounds/{round_id}/positions/{position_id}/rankings round_open,position_a 401  422  422  422  422  422  422  422
POST /api/v1/rounds/{round_id}/run                              round_open           401  400  400  403  403  404  403  404
POST /api/v1/rounds/{round_id}/publish                          round_open           401  400  400  403  403  404  403  404
GET  /api/v1/rounds/{round_id}/result                           round                401  200  200  200  200  404  200  404
GET  /api/v1/placements                                         -                    401  200  200  200  200  403  200  403
GET  /api/v1/placements/{placement_id}                          placement_liu        401  200  200  200  200  404  200  404
GET  /api/v1/placements/{placement_id}                          placement_far        401  200  404  404  404  404  404  404
POST /api/v1/placements/{placement_id}/confirm                  placement_liu        401  400  400  403  403  404  403  404
GET  /api/v1/placements/{placement_id}/logs                     placement_liu        401  200  200  200  200  404  200  404
POST /api/v1/placements/{placement_id}/logs                     placement_liu        401  422  422  422  422  422  422  422
POST /api/v1/placements/{placement_id}/sign-offs                placement_liu        401  422  422  422  422  422  422  422
POST /api/v1/placements/{placement_id}/evaluations              placement_liu        401  422  422  422  422  422  422  422
"""
