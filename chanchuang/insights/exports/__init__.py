"""Exports of the insights app, one module per sub-concept."""
