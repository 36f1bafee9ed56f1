"""Filters of the colleges app, one module per sub-concept like its models; one definition
serves the list page, the export and the API."""
