"""The insights app's permission-matrix rows for dashboard (see ``cast.py`` for the objects)."""

ROWS = """
"""

API_ROWS = """
"""
