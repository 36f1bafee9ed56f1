"""The colleges app's permission-matrix rows for co-developed work: the college's insiders see
it; staff record any, enterprise A's hr_li records and changes enterprise A's until it is
confirmed (``contribution_a``); only staff confirm or return; ``contribution_school`` is the
school's, already confirmed (so confirming it again is refused with a message)."""

ROWS = """
colleges:contribution_list                GET   -                     302  200  200  200  200  403  403  403
colleges:contribution_add                 GET   -                     302  200  200  403  200  403  403  403
colleges:contribution_add                 POST  -                     302  200  200  403  200  403  403  403
colleges:contribution_detail              GET   contribution_a        302  200  200  200  200  404  404  404
colleges:contribution_detail              GET   contribution_far      302  200  404  404  404  404  404  404
colleges:contribution_edit                GET   contribution_a        302  200  200  403  200  404  404  404
colleges:contribution_edit                POST  contribution_a        302  200  200  403  200  404  404  404
colleges:contribution_edit                GET   contribution_school   302  200  200  403  403  404  404  404
colleges:contribution_delete              GET   contribution_a        302  200  200  403  200  404  404  404
colleges:contribution_delete              POST  contribution_a        302  302  302  403  302  404  404  404
colleges:contribution_delete              GET   contribution_school   302  403  403  403  403  404  404  404
colleges:contribution_confirm             POST  contribution_school   302  302  302  403  403  404  404  404
colleges:contribution_confirm             POST  contribution_far      302  302  404  404  404  404  404  404
colleges:contribution_return              POST  contribution_a        302  302  302  403  403  404  404  404
colleges:contribution_evidence            GET   contribution_a        302  200  200  200  200  404  404  404
colleges:contribution_evidence            GET   contribution_far      302  200  404  404  404  404  404  404
"""

API_ROWS = """
GET  /api/v1/contributions                               -                    401  200  200  200  200  403  403  403
GET  /api/v1/contributions/{contribution_id}             contribution_a       401  200  200  200  200  404  404  404
GET  /api/v1/contributions/{contribution_id}             contribution_far     401  200  404  404  404  404  404  404
POST /api/v1/contributions                               -                    401  422  422  422  422  422  422  422
POST /api/v1/contributions/{contribution_id}/confirm     contribution_school  401  400  400  403  403  404  404  404
POST /api/v1/contributions/{contribution_id}/return      contribution_a       401  422  422  422  422  422  422  422
"""
