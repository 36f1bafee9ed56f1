"""The colleges app's permission-matrix rows for indicators (being written)."""

ROWS = ""
API_ROWS = ""
