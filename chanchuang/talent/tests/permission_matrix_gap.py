"""The talent app's permission-matrix rows for gap (see ``cast.py`` for the objects)."""

ROWS = """
"""

API_ROWS = """
"""
