"""Views of the carbon app, one module per sub-concept: ``scenarios`` (the library),
``sessions`` (the list, creating and joining a session, the instructor console and its
controls), ``floor`` (the participant's trading floor and its actions) and ``results``
(ranking, replay, the session workbook and each student's graded report)."""
