"""The talent app's permission-matrix rows for docking (see ``cast.py`` for the objects)."""

ROWS = """
"""

API_ROWS = """
"""
