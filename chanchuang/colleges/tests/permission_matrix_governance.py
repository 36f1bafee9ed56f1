"""The colleges app's permission-matrix rows for governance: only the college's insiders (staff,
department staff, members of its member organisations) see councils, meetings, decisions and
papers — not mentors, students or observers; school staff run it; a decision's owner marks it
done (``decision_hr`` is hr_li's)."""

ROWS = """
colleges:council_list                     GET   -                   302  200  200  200  200  403  403  403
colleges:council_add                      GET   -                   302  200  200  403  403  403  403  403
colleges:council_add                      POST  -                   302  200  200  403  403  403  403  403
colleges:council_detail                   GET   council             302  200  200  200  200  404  404  404
colleges:council_detail                   GET   council_far         302  200  404  404  404  404  404  404
colleges:council_edit                     GET   council             302  200  200  403  403  404  404  404
colleges:council_edit                     POST  council             302  200  200  403  403  404  404  404
colleges:councilseat_add                  POST  council             302  302  302  403  403  404  404  404
colleges:councilseat_add                  POST  council_far         302  302  404  404  404  404  404  404
colleges:councilseat_list                 GET   -                   302  200  200  200  200  403  403  403
colleges:councilseat_remove               POST  council_seat        302  302  302  403  403  404  404  404
colleges:meeting_list                     GET   -                   302  200  200  200  200  403  403  403
colleges:meeting_add                      GET   -                   302  200  200  403  403  403  403  403
colleges:meeting_add                      POST  -                   302  200  200  403  403  403  403  403
colleges:meeting_detail                   GET   meeting             302  200  200  200  200  404  404  404
colleges:meeting_detail                   GET   meeting_far         302  200  404  404  404  404  404  404
colleges:meeting_edit                     GET   meeting             302  200  200  403  403  404  404  404
colleges:meeting_edit                     POST  meeting             302  200  200  403  403  404  404  404
colleges:decision_add                     POST  meeting             302  302  302  403  403  404  404  404
colleges:meetingpaper_add                 POST  meeting             302  302  302  403  403  404  404  404
colleges:meetingpaper_file                GET   meeting_paper       302  200  200  200  200  404  404  404
colleges:meetingpaper_file                GET   meeting_paper_far   302  200  404  404  404  404  404  404
colleges:meetingpaper_remove              POST  meeting_paper       302  302  302  403  403  404  404  404
colleges:decision_list                    GET   -                   302  200  200  200  200  403  403  403
colleges:decision_complete                POST  decision            302  302  302  403  403  404  404  404
colleges:decision_complete                POST  decision_hr         302  302  302  403  302  404  404  404
colleges:decision_complete                POST  decision_far        302  302  404  404  404  404  404  404
colleges:decision_drop                    POST  decision            302  302  302  403  403  404  404  404
colleges:decision_drop                    POST  decision_hr         302  302  302  403  403  404  404  404
"""

API_ROWS = """
GET  /api/v1/councils                                  -              401  200  200  200  200  403  403  403
GET  /api/v1/councils/{council_id}                     council        401  200  200  200  200  404  404  404
GET  /api/v1/councils/{council_id}                     council_far    401  200  404  404  404  404  404  404
GET  /api/v1/meetings                                  -              401  200  200  200  200  403  403  403
GET  /api/v1/meetings/{meeting_id}                     meeting        401  200  200  200  200  404  404  404
GET  /api/v1/meetings/{meeting_id}                     meeting_far    401  200  404  404  404  404  404  404
GET  /api/v1/decisions                                 -              401  200  200  200  200  403  403  403
POST /api/v1/decisions/{decision_id}/done              decision_hr    401  200  200  403  200  404  404  404
POST /api/v1/decisions/{decision_id}/done              decision_far   401  200  404  404  404  404  404  404
"""
