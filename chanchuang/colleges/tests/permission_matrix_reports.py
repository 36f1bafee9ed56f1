"""The colleges app's permission-matrix rows for annual reports (columns: anon admin staff dept
hr mentor student observer). The college's insiders see its reports; the province's observers
the submitted ones, and only they acknowledge receipt; staff write, build and submit."""

ROWS = """
colleges:annualreport_list          GET   -                    302  200  200  200  200  403  403  200
colleges:annualreport_add           GET   -                    302  200  200  403  403  403  403  403
colleges:annualreport_add           POST  -                    302  200  200  403  403  403  403  403
colleges:annualreport_detail        GET   report               302  200  200  200  200  404  404  404
colleges:annualreport_detail        GET   report_submitted     302  200  200  200  200  404  404  200
colleges:annualreport_detail        GET   report_far           302  200  404  404  404  404  404  200
colleges:annualreport_edit          GET   report               302  200  200  403  403  404  404  404
colleges:annualreport_edit          POST  report               302  302  302  403  403  404  404  404
colleges:annualreport_edit          GET   report_submitted     302  403  403  403  403  404  404  403
colleges:annualreport_edit          GET   report_far           302  403  404  404  404  404  404  403
colleges:annualreport_status        GET   report               302  200  200  200  200  404  404  404
colleges:annualreport_status        GET   report_far           302  200  404  404  404  404  404  200
colleges:annualreport_build         POST  report               302  302  302  403  403  404  404  404
colleges:annualreport_build         POST  report_far           302  302  404  404  404  404  404  403
colleges:annualreport_submit        POST  report               302  302  302  403  403  404  404  404
colleges:annualreport_submit        POST  report_far           302  403  404  404  404  404  404  403
colleges:annualreport_receive       POST  report_submitted     302  403  403  403  403  404  404  302
colleges:annualreport_receive       POST  report_far           302  403  404  404  404  404  404  302
colleges:annualreport_pdf           GET   report_with_files    302  200  200  200  200  404  404  200
colleges:annualreport_pdf           GET   report               302  404  404  404  404  404  404  404
colleges:annualreport_docx          GET   report_with_files    302  200  200  200  200  404  404  200
colleges:annualreport_docx          GET   report_far           302  404  404  404  404  404  404  404
"""

API_ROWS = """
GET  /api/v1/annual-reports                            -                401  200  200  200  200  403  403  200
POST /api/v1/annual-reports                            -                401  422  422  422  422  422  422  422
GET  /api/v1/annual-reports/{report_id}                report           401  200  200  200  200  404  404  404
GET  /api/v1/annual-reports/{report_id}                report_far       401  200  404  404  404  404  404  200
POST /api/v1/annual-reports/{report_id}/{step}         report,=build    401  200  200  403  403  404  404  404
POST /api/v1/annual-reports/{report_id}/{step}         report_submitted,=receive 401 403 403 403 403 404 404 200
POST /api/v1/annual-reports/{report_id}/{step}         report_far,=submit 401 403 404  404  404  404  404  403
"""
