"""The colleges app's permission-matrix rows for colleges (being written)."""

ROWS = ""
API_ROWS = ""
