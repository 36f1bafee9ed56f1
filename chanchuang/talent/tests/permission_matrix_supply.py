"""The talent app's permission-matrix rows for supply (see ``cast.py`` for the objects)."""

ROWS = """
"""

API_ROWS = """
"""
