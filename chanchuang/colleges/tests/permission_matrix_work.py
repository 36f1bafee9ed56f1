"""The colleges app's permission-matrix rows for work (being written)."""

ROWS = ""
API_ROWS = ""
