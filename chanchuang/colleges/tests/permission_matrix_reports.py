"""The colleges app's permission-matrix rows for reports (being written)."""

ROWS = ""
API_ROWS = ""
