"""The insights app's permission-matrix rows for reports (see ``cast.py`` for the objects;
columns: anon admin staff dept hr mentor student observer). The report centre is the school
staff's: everyone else is refused (403) before any lookup; another school's build is 404 for
staff. ``report_job`` is queued (no files yet); ``report_job_done`` has its workbook."""

ROWS = """
insights:reportjob_list    GET   -                     302  200  200  403  403  403  403  403
insights:reportjob_build   GET   -                     302  200  200  403  403  403  403  403
insights:reportjob_build   POST  -                     302  200  200  403  403  403  403  403
insights:reportjob_detail  GET   report_job            302  200  200  403  403  403  403  403
insights:reportjob_detail  GET   report_job_far        302  200  404  403  403  403  403  403
insights:reportjob_status  GET   report_job            302  200  200  403  403  403  403  403
insights:reportjob_status  GET   report_job_far        302  200  404  403  403  403  403  403
insights:reportjob_file    GET   report_job_done       302  200  200  403  403  403  403  403
insights:reportjob_file    GET   report_job_done_far   302  200  404  403  403  403  403  403
insights:reportjob_file    GET   report_job            302  404  404  403  403  403  403  403
insights:reportjob_docx    GET   report_job_done       302  404  404  403  403  403  403  403
insights:narrative_edit    GET   =2026                 302  200  200  403  403  403  403  403
insights:narrative_edit    POST  =2026                 302  302  302  403  403  403  403  403
"""

API_ROWS = """
GET  /api/v1/insights/report-jobs            -                401  200  200  403  403  403  403  403
GET  /api/v1/insights/report-jobs/{job_id}   report_job       401  200  200  403  403  403  403  403
GET  /api/v1/insights/report-jobs/{job_id}   report_job_far   401  200  404  403  403  403  403  403
POST /api/v1/insights/report-jobs            -                401  422  422  422  422  422  422  422
"""
