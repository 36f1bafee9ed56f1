"""The insights app's permission-matrix rows for reports (see ``cast.py`` for the objects)."""

ROWS = """
"""

API_ROWS = """
"""
