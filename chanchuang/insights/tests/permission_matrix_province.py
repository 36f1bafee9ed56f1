"""The insights app's permission-matrix rows for province (see ``cast.py`` for the objects)."""

ROWS = """
"""

API_ROWS = """
"""
