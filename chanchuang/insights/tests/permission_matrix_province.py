"""The insights app's permission-matrix rows for province (see ``cast.py`` for the objects):
the provincial view is for observers (the colleges of their provinces) and platform admins;
a college of another province (``school_hunan``) is missing to observer_hubei. Everyone else
is refused: they have the dashboard of their own school."""

ROWS = """
insights:province          GET   -              302  200  403  403  403  403  403  200
insights:province_school   GET   school         302  200  403  403  403  403  403  200
insights:province_school   GET   other_school   302  200  403  403  403  403  403  200
insights:province_school   GET   school_hunan   302  200  403  403  403  403  403  404
"""

API_ROWS = """
GET  /api/v1/insights/province                           -             401  200  403  403  403  403  403  200
GET  /api/v1/insights/province/schools/{school_id}       school        401  200  403  403  403  403  403  200
GET  /api/v1/insights/province/schools/{school_id}       school_hunan  401  200  403  403  403  403  403  404
"""
