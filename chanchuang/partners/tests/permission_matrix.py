"""The partners app's rows of the permission matrix (columns as in core's). Objects: agreement
A is the school's with enterprise A (hr_li's), agreement B with enterprise B, the draft is with
enterprise A; ``*_far`` belong to the other school. ``commitment_a_school`` is the school's own
commitment under agreement A: hr_li sees it but may not record against it."""

ROWS = """
partners:partner_list          GET   -                    302  200  200  200  200  200  200  403
partners:partner_add           GET   -                    302  200  200  403  403  403  403  403
partners:partner_add           POST  -                    302  200  200  403  403  403  403  403
partners:partner_detail        GET   enterprise_a         302  200  200  200  200  200  200  404
partners:partner_detail        GET   enterprise_b         302  200  200  200  404  200  200  404
partners:partner_detail        GET   org_far              302  200  404  404  404  404  404  404
partners:partner_edit          GET   enterprise_a         302  200  200  403  403  403  403  404
partners:partner_edit          POST  enterprise_a         302  200  200  403  403  403  403  404
partners:partner_edit          GET   org_far              302  200  404  404  404  404  404  404
partners:partner_delete        GET   enterprise_a         302  200  200  403  403  403  403  404
partners:partner_delete        POST  enterprise_b         302  302  302  403  404  403  403  404
partners:contact_add           POST  enterprise_a         302  302  302  403  403  403  403  404
partners:contact_edit          GET   contact_a            302  200  200  403  403  404  404  404
partners:contact_edit          POST  contact_a            302  200  200  403  403  404  404  404
partners:contact_delete        POST  contact_a            302  302  302  403  403  404  404  404
partners:contact_login         POST  contact_a            302  200  200  403  403  404  404  404
partners:interaction_add       POST  enterprise_a         302  302  302  302  403  403  403  404

partners:agreement_list        GET   -                    302  200  200  200  200  403  403  403
partners:agreement_add         GET   -                    302  200  200  403  403  403  403  403
partners:agreement_add         POST  -                    302  200  200  403  403  403  403  403
partners:agreement_detail      GET   agreement_a          302  200  200  200  200  404  404  404
partners:agreement_detail      GET   agreement_b          302  200  200  200  404  404  404  404
partners:agreement_detail      GET   agreement_far        302  200  404  404  404  404  404  404
partners:agreement_edit        GET   agreement_draft      302  200  200  403  403  404  404  404
partners:agreement_edit        POST  agreement_draft      302  200  200  403  403  404  404  404
partners:agreement_edit        GET   agreement_a          302  403  403  403  403  404  404  404
partners:agreement_delete      GET   agreement_draft      302  200  200  403  403  404  404  404
partners:agreement_delete      POST  agreement_draft      302  302  302  403  403  404  404  404
partners:agreement_delete      GET   agreement_a          302  403  403  403  403  404  404  404
partners:agreement_transition  POST  agreement_draft,=review 302 302 302  403  403  404  404  404
partners:agreement_transition  POST  agreement_far,=terminated 302 302 404 404 404  404  404  404
partners:agreement_terminate   GET   agreement_a          302  200  200  403  403  404  404  404
partners:agreement_terminate   POST  agreement_a          302  200  200  403  403  404  404  404
partners:agreement_terminate   GET   agreement_far        302  200  404  404  404  404  404  404
partners:agreement_sign        POST  agreement_a          302  302  302  403  403  404  404  404
partners:agreement_renew       POST  agreement_a          302  302  302  403  403  404  404  404
partners:agreement_pdf         GET   agreement_a          302  200  200  200  200  404  404  404
partners:agreement_pdf         GET   agreement_b          302  200  200  200  404  404  404  404
partners:party_add             POST  agreement_draft      302  302  302  403  403  404  404  404
partners:party_delete          POST  party_draft          302  302  302  403  403  404  404  404
partners:commitment_add        POST  agreement_draft      302  302  302  403  403  404  404  404
partners:commitment_delete     POST  commitment_draft     302  302  302  403  403  404  404  404
partners:delivery_add          GET   commitment_a         302  200  200  403  200  404  404  404
partners:delivery_add          POST  commitment_a         302  200  200  403  200  404  404  404
partners:delivery_add          GET   commitment_a_school  302  200  200  403  403  404  404  404
partners:delivery_add          GET   commitment_b         302  200  200  403  404  404  404  404
partners:attachment_add        POST  agreement_a          302  302  302  403  403  404  404  404
partners:attachment_detail     GET   attachment_a         302  200  200  200  200  404  404  404
partners:delivery_evidence     GET   delivery_a           302  200  200  200  200  404  404  404
partners:delivery_evidence     GET   delivery_far         302  200  404  404  404  404  404  404
partners:attachment_delete     POST  attachment_a         302  302  302  403  403  404  404  404

partners:signingevent_list     GET   -                    302  200  200  200  403  403  403  403
partners:signingevent_add      GET   -                    302  200  200  403  403  403  403  403
partners:signingevent_add      POST  -                    302  200  200  403  403  403  403  403
partners:signingevent_detail   GET   signing_event        302  200  200  200  404  404  404  404
partners:signingevent_detail   GET   signing_event_far    302  200  404  404  404  404  404  404
partners:signingevent_edit     GET   signing_event        302  200  200  403  404  404  404  404
partners:signingevent_sign     POST  signing_event        302  302  302  403  404  404  404  404

partners:agreementtype_list    GET   -                    302  200  200  403  403  403  403  403
partners:agreementtype_add     GET   -                    302  200  200  403  403  403  403  403
partners:agreementtype_add     POST  -                    302  200  200  403  403  403  403  403
partners:agreementtype_detail  GET   agreement_type       302  200  200  200  200  200  200  404
partners:agreementtype_detail  GET   builtin_type         302  200  200  200  200  200  200  200
partners:agreementtype_edit    GET   agreement_type       302  200  200  403  403  403  403  404
partners:agreementtype_edit    GET   builtin_type         302  200  403  403  403  403  403  403
"""

API_ROWS = """
GET  /api/v1/partners                                  -                401  200  200  200  200  200  200  403
GET  /api/v1/partners/{organisation_id}                enterprise_a     401  200  200  200  200  200  200  404
GET  /api/v1/partners/{organisation_id}                enterprise_b     401  200  200  200  404  200  200  404
GET  /api/v1/partners/{organisation_id}                org_far          401  200  404  404  404  404  404  404
GET  /api/v1/partners/{organisation_id}/contacts       enterprise_a     401  200  200  200  200  200  200  404
GET  /api/v1/partners/{organisation_id}/contacts       org_far          401  200  404  404  404  404  404  404
GET  /api/v1/agreements                                -                401  200  200  200  200  403  403  403
GET  /api/v1/agreements/{agreement_id}                 agreement_a      401  200  200  200  200  404  404  404
GET  /api/v1/agreements/{agreement_id}                 agreement_b      401  200  200  200  404  404  404  404
GET  /api/v1/agreements/{agreement_id}                 agreement_far    401  200  404  404  404  404  404  404
POST /api/v1/agreements/{agreement_id}/transitions     agreement_a      401  422  422  422  422  422  422  422
POST /api/v1/agreements/{agreement_id}/sign            agreement_a      401  422  422  422  422  422  422  422
GET  /api/v1/commitments/{commitment_id}/deliveries    commitment_a     401  200  200  200  200  404  404  404
GET  /api/v1/commitments/{commitment_id}/deliveries    commitment_b     401  200  200  200  404  404  404  404
POST /api/v1/commitments/{commitment_id}/deliveries    commitment_a     401  422  422  422  422  422  422  422
"""
