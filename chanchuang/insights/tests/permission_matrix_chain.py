"""The insights app's permission-matrix rows for chain (see ``cast.py`` for the objects)."""

ROWS = """
"""

API_ROWS = """
"""
