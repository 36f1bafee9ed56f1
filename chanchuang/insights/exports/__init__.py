"""Exports of the insights app's lists, one module per sub-concept."""
