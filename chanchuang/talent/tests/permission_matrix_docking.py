"""The talent app's permission-matrix rows for docking (see ``cast.py`` for the objects):
staff and department staff record and change activities, school staff delete them; hr_li sees
``docking_event`` (enterprise A took part), read-only, and not ``docking_event_b`` (404);
mentors, students and observers see none. A follow-up is marked done by its owner
(``follow_up`` is dept_zhou's, ``follow_up_hr`` hr_li's) or staff."""

ROWS = """
talent:dockingevent_list           GET   -                 302  200  200  200  200  403  403  403
talent:dockingevent_add            GET   -                 302  200  200  200  403  403  403  403
talent:dockingevent_add            POST  -                 302  200  200  200  403  403  403  403
talent:dockingevent_detail         GET   docking_event     302  200  200  200  200  404  404  404
talent:dockingevent_detail         GET   docking_event_b   302  200  200  200  404  404  404  404
talent:dockingevent_detail         GET   docking_far       302  200  404  404  404  404  404  404
talent:dockingevent_edit           GET   docking_event     302  200  200  200  403  404  404  404
talent:dockingevent_edit           POST  docking_event     302  200  200  200  403  404  404  404
talent:dockingevent_edit           GET   docking_far       302  200  404  404  404  404  404  404
talent:dockingevent_delete         GET   docking_event     302  200  200  403  403  404  404  404
talent:dockingevent_delete         POST  docking_event     302  302  302  403  403  404  404  404
talent:dockingevent_delete         POST  docking_event_b   302  302  302  403  404  404  404  404
talent:dockingevent_agreement      POST  docking_event     302  302  302  302  403  404  404  404
talent:dockingevent_agreement      POST  docking_far       302  302  404  404  404  404  404  404
talent:followup_add                POST  docking_event     302  302  302  302  403  404  404  404
talent:followup_add                POST  docking_event_b   302  302  302  302  404  404  404  404
talent:followup_complete           POST  follow_up         302  302  302  302  403  404  404  404
talent:followup_complete           POST  follow_up_hr      302  302  302  302  302  404  404  404
talent:followup_complete           POST  follow_up_far     302  302  404  404  404  404  404  404
"""

API_ROWS = """
GET  /api/v1/docking-events                                -                 401  200  200  200  200  403  403  403
GET  /api/v1/docking-events/{event_id}                     docking_event     401  200  200  200  200  404  404  404
GET  /api/v1/docking-events/{event_id}                     docking_event_b   401  200  200  200  404  404  404  404
GET  /api/v1/docking-events/{event_id}                     docking_far       401  200  404  404  404  404  404  404
POST /api/v1/docking-events                                -                 401  422  422  422  422  422  422  422
GET  /api/v1/follow-ups                                    -                 401  200  200  200  200  403  403  403
POST /api/v1/follow-ups/{follow_up_id}/complete            follow_up         401  200  200  200  403  404  404  404
POST /api/v1/follow-ups/{follow_up_id}/complete            follow_up_hr      401  200  200  200  200  404  404  404
POST /api/v1/follow-ups/{follow_up_id}/complete            follow_up_far     401  200  404  404  404  404  404  404
"""
