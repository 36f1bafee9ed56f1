"""The colleges app's permission-matrix rows for governance (being written)."""

ROWS = ""
API_ROWS = ""
