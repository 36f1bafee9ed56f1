"""The talent app's permission-matrix rows for demand (see ``cast.py`` for the objects)."""

ROWS = """
"""

API_ROWS = """
"""
