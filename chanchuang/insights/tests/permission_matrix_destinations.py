"""The insights app's permission-matrix rows for destinations (see ``cast.py`` for the objects)."""

ROWS = """
"""

API_ROWS = """
"""
