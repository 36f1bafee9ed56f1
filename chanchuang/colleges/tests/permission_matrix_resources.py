"""The colleges app's permission-matrix rows for resources (being written)."""

ROWS = ""
API_ROWS = ""
