"""The colleges app's permission-matrix rows for shared resources and bookings (columns as in
core's). ``resource_school`` is the school's own lab, ``resource_a`` enterprise A's base
(hr_li's organisation), ``resource_far`` the other school's; ``booking_liu`` is student_liu's
(pending, of the school's lab), ``booking_hr`` hr_li's (approved, of A's base). The catalogue
and calendars are for the people who book (not observers); deciding is the owner's side;
the events view answers 400 without its start and end."""

ROWS = """
colleges:sharedresource_list        GET   -                    302  200  200  200  200  200  200  403
colleges:sharedresource_add         GET   -                    302  200  200  403  200  403  403  403
colleges:sharedresource_add         POST  -                    302  200  200  403  200  403  403  403
colleges:sharedresource_detail      GET   resource_a           302  200  200  200  200  200  200  404
colleges:sharedresource_detail      GET   resource_school      302  200  200  200  200  200  200  404
colleges:sharedresource_detail      GET   resource_far         302  200  404  404  404  404  404  404
colleges:sharedresource_edit        GET   resource_a           302  200  200  403  200  403  403  404
colleges:sharedresource_edit        POST  resource_a           302  200  200  403  200  403  403  404
colleges:sharedresource_edit        GET   resource_school      302  200  200  403  403  403  403  404
colleges:sharedresource_edit        GET   resource_far         302  200  404  404  404  404  404  404
colleges:sharedresource_delete      GET   resource_a           302  200  200  403  403  403  403  404
colleges:sharedresource_delete      POST  resource_school      302  302  302  403  403  403  403  404
colleges:sharedresource_photo       GET   resource_a_photo     302  200  200  200  200  200  200  404
colleges:sharedresource_photo       GET   resource_far_photo   302  200  404  404  404  404  404  404
colleges:sharedresource_events      GET   resource_a           302  400  400  400  400  400  400  404
colleges:sharedresource_events      GET   resource_far         302  400  404  404  404  404  404  404
colleges:sharedresource_utilisation GET   -                    302  200  200  200  200  403  403  403
colleges:booking_add                GET   resource_a           302  200  200  200  200  200  200  404
colleges:booking_add                POST  resource_a           302  200  200  200  200  200  200  404
colleges:booking_add                GET   resource_far         302  200  404  404  404  404  404  404
colleges:booking_list               GET   -                    302  200  200  200  200  200  200  403
colleges:booking_detail             GET   booking_liu          302  200  200  200  200  200  200  404
colleges:booking_detail             GET   booking_hr           302  200  200  200  200  200  200  404
colleges:booking_detail             GET   booking_far          302  200  404  404  404  404  404  404
colleges:booking_approve            POST  booking_liu          302  302  302  403  403  403  403  404
colleges:booking_approve            POST  booking_far          302  302  404  404  404  404  404  404
colleges:booking_refuse             POST  booking_liu          302  302  302  403  403  403  403  404
colleges:booking_cancel             POST  booking_liu          302  302  302  403  403  403  302  404
colleges:booking_cancel             POST  booking_hr           302  302  403  403  302  403  403  404
colleges:booking_use                POST  booking_hr           302  302  403  403  302  403  403  404
"""

API_ROWS = """
GET  /api/v1/shared-resources                           -                 401  200  200  200  200  200  200  403
GET  /api/v1/shared-resources/{resource_id}             resource_a        401  200  200  200  200  200  200  404
GET  /api/v1/shared-resources/{resource_id}             resource_far      401  200  404  404  404  404  404  404
POST /api/v1/shared-resources/{resource_id}/bookings    resource_a        401  422  422  422  422  422  422  422
GET  /api/v1/bookings                                   -                 401  200  200  200  200  200  200  403
GET  /api/v1/bookings/{booking_id}                      booking_hr        401  200  200  200  200  200  200  404
GET  /api/v1/bookings/{booking_id}                      booking_far       401  200  404  404  404  404  404  404
POST /api/v1/bookings/{booking_id}/use                  booking_hr        401  422  422  422  422  422  422  422
POST /api/v1/bookings/{booking_id}/{step}               booking_liu,=approve 401  422  422  422  422  422  422  422
"""
