"""Filters of the insights app (list pages, exports and the API), one module per sub-concept."""
