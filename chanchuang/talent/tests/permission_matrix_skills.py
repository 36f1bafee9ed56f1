"""The talent app's permission-matrix rows for skills (see ``cast.py`` for the objects)."""

ROWS = """
"""

API_ROWS = """
"""
