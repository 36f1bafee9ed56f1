"""The colleges app's permission-matrix rows for indicators (columns: anon admin staff dept hr
mentor student observer). The scorecard is read by the college's insiders and the province's
observers (figures only); the records behind a number by the insiders; targets are set by
staff."""

ROWS = """
colleges:targets                    GET   college              302  200  200  403  403  403  403  403
colleges:targets                    GET   college_far          302  200  404  404  404  404  404  403
colleges:targets                    POST  college              302  302  302  403  403  403  403  403
colleges:targets                    POST  college_far          302  302  404  404  404  404  404  403
colleges:scorecard                  GET   college              302  200  200  200  200  403  403  200
colleges:scorecard                  GET   college_far          302  200  404  404  404  404  404  200
colleges:indicator_records          GET   college,=courses     302  200  200  200  200  403  403  403
colleges:indicator_records          GET   college_far,=courses 302  200  404  404  404  404  404  403
"""

API_ROWS = """
GET  /api/v1/colleges/{college_id}/scorecard           college          401  200  200  200  200  403  403  200
GET  /api/v1/colleges/{college_id}/scorecard           college_far      401  200  404  404  404  404  404  200
GET  /api/v1/colleges/{college_id}/targets             college          401  200  200  200  200  403  403  200
GET  /api/v1/colleges/{college_id}/targets             college_far      401  200  404  404  404  404  404  200
PUT  /api/v1/colleges/{college_id}/targets             college          401  422  422  422  422  422  422  422
"""
