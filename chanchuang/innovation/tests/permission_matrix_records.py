
"""The innovation app's rows for records and the showcase (columns as in core's matrix).

Credits follow Credit visibility: staff see the school's, dept_zhou the first department's
(``credit_liu``, not ``credit_ma``), a student their own; only staff record or remove them. A
record page answers 404 outside that sight. The conversion table, competitions, start-ups and
exhibitions are the school's data, read by all its members and edited by staff.
``showcase_item`` (ma's project) is only proposed; ``showcase_item_liu`` is of a project
student_liu is on; ``showcase_item_published`` is consented, published and has a picture, so
every member of the school sees it. The public showcase and its pictures need no login.
"""

ROWS = """
innovation:credit_list               GET   -                         302  200  200  200  403  403  403  403
innovation:credit_add                GET   -                         302  200  200  403  403  403  403  403
innovation:credit_add                POST  -                         302  200  200  403  403  403  403  403
innovation:credit_delete             POST  credit_liu                302  302  302  403  404  404  403  404
innovation:credit_delete             POST  credit_ma                 302  302  302  404  404  404  404  404
innovation:credit_delete             POST  credit_far                302  302  404  404  404  404  404  404
innovation:student_record            GET   student_liu               302  200  200  200  404  404  200  404
innovation:student_record            GET   student_ma                302  200  200  404  404  404  404  404
innovation:student_record            GET   student_far               302  200  404  404  404  404  404  404
innovation:student_record_pdf        GET   student_liu               302  200  200  200  404  404  200  404
innovation:student_record_pdf        GET   student_ma                302  200  200  404  404  404  404  404
innovation:student_record_xlsx       GET   student_liu               302  200  200  200  404  404  200  404
innovation:student_record_xlsx       GET   student_far               302  200  404  404  404  404  404  404
innovation:my_record                 GET   -                         302  404  404  404  404  404  302  404

innovation:creditrule_list           GET   -                         302  200  200  200  200  200  200  403
innovation:creditrule_add            GET   -                         302  200  200  403  403  403  403  403
innovation:creditrule_add            POST  -                         302  200  200  403  403  403  403  403
innovation:creditrule_edit           GET   credit_rule               302  200  200  403  403  403  403  404
innovation:creditrule_edit           POST  credit_rule               302  200  200  403  403  403  403  404
innovation:creditrule_edit           GET   credit_rule_far           302  200  404  404  404  404  404  404
innovation:creditrule_delete         GET   credit_rule               302  200  200  403  403  403  403  404
innovation:creditrule_delete         POST  credit_rule               302  302  302  403  403  403  403  404
innovation:creditrule_delete         POST  credit_rule_far           302  302  404  404  404  404  404  404

innovation:competition_list          GET   -                         302  200  200  200  200  200  200  403
innovation:competition_add           GET   -                         302  200  200  403  403  403  403  403
innovation:competition_add           POST  -                         302  200  200  403  403  403  403  403
innovation:competition_detail        GET   competition               302  200  200  200  200  200  200  404
innovation:competition_detail        GET   competition_far           302  200  404  404  404  404  404  404
innovation:competition_edit          GET   competition               302  200  200  403  403  403  403  404
innovation:competition_edit          POST  competition               302  200  200  403  403  403  403  404
innovation:competition_edit          GET   competition_far           302  200  404  404  404  404  404  404

innovation:startup_list              GET   -                         302  200  200  200  200  200  200  403
innovation:startup_add               GET   -                         302  200  200  403  403  403  403  403
innovation:startup_add               POST  -                         302  200  200  403  403  403  403  403
innovation:startup_detail            GET   startup                   302  200  200  200  200  200  200  404
innovation:startup_detail            GET   startup_far               302  200  404  404  404  404  404  404
innovation:startup_edit              GET   startup                   302  200  200  403  403  403  403  404
innovation:startup_edit              POST  startup                   302  200  200  403  403  403  403  404
innovation:startup_edit              GET   startup_far               302  200  404  404  404  404  404  404

innovation:exhibition_list           GET   -                         302  200  200  200  200  200  200  403
innovation:exhibition_add            GET   -                         302  200  200  403  403  403  403  403
innovation:exhibition_add            POST  -                         302  200  200  403  403  403  403  403
innovation:exhibition_detail         GET   exhibition                302  200  200  200  200  200  200  404
innovation:exhibition_detail         GET   exhibition_far            302  200  404  404  404  404  404  404
innovation:exhibition_edit           GET   exhibition                302  200  200  403  403  403  403  404
innovation:exhibition_edit           POST  exhibition                302  200  200  403  403  403  403  404
innovation:exhibition_edit           GET   exhibition_far            302  200  404  404  404  404  404  404

innovation:showcaseitem_list         GET   -                         302  200  200  200  200  200  200  403
innovation:showcaseitem_add          GET   -                         302  200  200  403  403  403  403  403
innovation:showcaseitem_add          POST  -                         302  200  200  403  403  403  403  403
innovation:showcaseitem_detail       GET   showcase_item             302  200  200  404  404  404  404  404
innovation:showcaseitem_detail       GET   showcase_item_liu         302  200  200  404  404  404  200  404
innovation:showcaseitem_detail       GET   showcase_item_published   302  200  200  200  200  200  200  404
innovation:showcaseitem_detail       GET   showcase_item_far         302  200  404  404  404  404  404  404
innovation:showcaseitem_edit         GET   showcase_item             302  200  200  404  404  404  404  404
innovation:showcaseitem_edit         GET   showcase_item_liu         302  200  200  404  404  404  403  404
innovation:showcaseitem_edit         POST  showcase_item_published   302  200  200  403  403  403  403  404
innovation:showcaseitem_edit         GET   showcase_item_far         302  200  404  404  404  404  404  404
innovation:showcaseitem_image        GET   showcase_item_published   302  200  200  200  200  200  200  404
innovation:showcaseitem_image        GET   showcase_item_far         302  404  404  404  404  404  404  404
innovation:showcaseitem_consent      POST  showcase_item_liu         302  403  403  404  404  404  302  404
innovation:showcaseitem_consent      POST  showcase_item             302  403  403  404  404  404  404  404
innovation:showcaseitem_withdraw     POST  showcase_item_published   302  403  403  403  403  403  403  404
innovation:showcaseitem_withdraw     POST  showcase_item_liu         302  403  403  404  404  404  302  404
innovation:showcaseitem_publish      POST  showcase_item             302  302  302  404  404  404  404  404
innovation:showcaseitem_publish      POST  showcase_item_published   302  302  302  403  403  403  403  404
innovation:showcaseitem_publish      POST  showcase_item_far         302  302  404  404  404  404  404  404
innovation:showcaseitem_unpublish    POST  showcase_item_published   302  302  302  403  403  403  403  404
innovation:showcaseitem_unpublish    POST  showcase_item_liu         302  302  302  404  404  404  403  404
innovation:showcase                  GET   =4142099001               200  200  200  200  200  200  200  200
innovation:showcase                  GET   =4142099002               200  200  200  200  200  200  200  200
innovation:showcase                  GET   =0000000000               404  404  404  404  404  404  404  404
innovation:showcase_image            GET   =4142099001,showcase_item_published  200  200  200  200  200  200  200  200
innovation:showcase_image            GET   =4142099001,showcase_item            404  404  404  404  404  404  404  404
innovation:showcase_image            GET   =4142099002,showcase_item_published  404  404  404  404  404  404  404  404
"""

API_ROWS = """
GET    /api/v1/credits                                        -                        401  200  200  200  403  403  403  403
GET    /api/v1/credits/{credit_id}                            credit_liu               401  200  200  200  404  404  200  404
GET    /api/v1/credits/{credit_id}                            credit_ma                401  200  200  404  404  404  404  404
GET    /api/v1/credits/{credit_id}                            credit_far               401  200  404  404  404  404  404  404
POST   /api/v1/credits                                        -                        401  422  422  422  422  422  422  422
GET    /api/v1/students/{student_id}/innovation-record        student_liu              401  200  200  200  404  404  200  404
GET    /api/v1/students/{student_id}/innovation-record        student_ma               401  200  200  404  404  404  404  404
GET    /api/v1/students/{student_id}/innovation-record        student_far              401  200  404  404  404  404  404  404
GET    /api/v1/startups                                       -                        401  200  200  200  200  200  200  403
GET    /api/v1/startups/{startup_id}                          startup                  401  200  200  200  200  200  200  404
GET    /api/v1/startups/{startup_id}                          startup_far              401  200  404  404  404  404  404  404
GET    /api/v1/competitions                                   -                        401  200  200  200  200  200  200  403
GET    /api/v1/showcase-items                                 -                        401  200  200  200  200  200  200  403
POST   /api/v1/showcase-items/{item_id}/consent               showcase_item_liu        401  422  422  422  422  422  422  422
DELETE /api/v1/showcase-items/{item_id}/consent               showcase_item_published  401  403  403  403  403  403  403  404
DELETE /api/v1/showcase-items/{item_id}/consent               showcase_item_liu        401  403  403  404  404  404  400  404
POST   /api/v1/showcase-items/{item_id}/publish               showcase_item            401  400  400  404  404  404  404  404
POST   /api/v1/showcase-items/{item_id}/publish               showcase_item_published  401  200  200  403  403  403  403  404
POST   /api/v1/showcase-items/{item_id}/publish               showcase_item_far        401  400  404  404  404  404  404  404
POST   /api/v1/showcase-items/{item_id}/unpublish             showcase_item_published  401  200  200  403  403  403  403  404
POST   /api/v1/showcase-items/{item_id}/unpublish             showcase_item_far        401  200  404  404  404  404  404  404
GET    /api/v1/showcase/{school_code}                         =4142099001              200  200  200  200  200  200  200  200
GET    /api/v1/showcase/{school_code}                         =0000000000              404  404  404  404  404  404  404  404
"""
