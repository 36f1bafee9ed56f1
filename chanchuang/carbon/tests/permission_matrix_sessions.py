"""The carbon app's rows of the permission matrix (see ``cast.py`` for the objects;
columns: anon admin staff dept hr mentor student observer). ``session_liu`` is the school's
session of dept_zhou's department's class, joined by student_liu and not started;
``simulation_far`` is the other school's. Instructors (school staff, the class's department
staff) run a session; a participant trades; anyone else who cannot see it gets 404."""

ROWS = """
carbon:simulation_list  GET   -                      302  200  200  200  403  403  200  403
carbon:join             GET   -                      302  403  403  403  403  403  200  403
carbon:join             POST  -                      302  403  403  403  403  403  400  403
carbon:join_code        GET   =TAN268                302  403  403  403  403  403  200  403
carbon:join_code        POST  =TAN268                302  403  403  403  403  403  400  403
carbon:console          GET   session_liu            302  200  200  200  404  404  302  404
carbon:console          GET   simulation_far         302  200  404  404  404  404  404  404
carbon:floor            GET   session_liu            302  302  302  302  404  404  200  404
carbon:state            GET   session_liu            302  200  200  200  404  404  200  404
carbon:state            GET   simulation_far         302  200  404  404  404  404  404  404
carbon:qr               GET   session_liu            302  200  200  200  404  404  403  404
carbon:order            POST  session_liu            302  403  403  403  404  404  302  404
carbon:order            POST  simulation_far         302  403  404  404  404  404  404  404
carbon:take             POST  session_liu            302  403  403  403  404  404  302  404
carbon:cancel           POST  session_liu,=999       302  403  403  403  404  404  302  404
carbon:block            POST  session_liu            302  403  403  403  404  404  302  404
carbon:block_answer     POST  session_liu,=999       302  403  403  403  404  404  302  404
carbon:load             POST  session_liu            302  403  403  403  404  404  302  404
carbon:invest           POST  session_liu            302  403  403  403  404  404  302  404
carbon:offsets          POST  session_liu            302  403  403  403  404  404  302  404
carbon:report           POST  session_liu            302  403  403  403  404  404  302  404
carbon:surrender        POST  session_liu            302  403  403  403  404  404  302  404
carbon:start            POST  session_liu            302  403  302  302  404  404  403  404
carbon:start            POST  simulation_far         302  403  404  404  404  404  404  404
carbon:pause            POST  session_liu            302  403  302  302  404  404  403  404
carbon:resume           POST  session_liu            302  403  302  302  404  404  403  404
carbon:advance          POST  session_liu            302  403  302  302  404  404  403  404
carbon:finish           POST  session_liu            302  403  302  302  404  404  403  404
carbon:bots             POST  session_liu            302  403  302  302  404  404  403  404
carbon:shock            POST  session_liu            302  403  302  302  404  404  403  404
carbon:benchmark        POST  session_liu            302  403  302  302  404  404  403  404
carbon:release          POST  session_liu            302  403  302  302  404  404  403  404
carbon:band             POST  session_liu            302  403  302  302  404  404  403  404
"""

API_ROWS = """
GET  /api/v1/carbon/simulations                                -                401  200  200  200  403  403  200  403
GET  /api/v1/carbon/simulations/{simulation_id}                session_liu      401  200  200  200  404  404  200  404
GET  /api/v1/carbon/simulations/{simulation_id}                simulation_far   401  200  404  404  404  404  404  404
GET  /api/v1/carbon/simulations/{simulation_id}/clock          session_liu      401  200  200  200  404  404  200  404
GET  /api/v1/carbon/simulations/{simulation_id}/book           session_liu      401  200  200  200  404  404  200  404
GET  /api/v1/carbon/simulations/{simulation_id}/book           simulation_far   401  200  404  404  404  404  404  404
GET  /api/v1/carbon/simulations/{simulation_id}/trades         session_liu      401  200  200  200  404  404  200  404
GET  /api/v1/carbon/simulations/{simulation_id}/balances       session_liu      401  400  400  400  404  404  200  404
GET  /api/v1/carbon/simulations/{simulation_id}/balances       simulation_far   401  400  404  404  404  404  404  404
GET  /api/v1/carbon/simulations/{simulation_id}/orders         session_liu      401  400  400  400  404  404  200  404
POST /api/v1/carbon/simulations/{simulation_id}/orders         session_liu      401  422  422  422  422  422  422  422
POST /api/v1/carbon/orders/{order_id}/cancel                   =999             401  404  404  404  404  404  404  404
"""
