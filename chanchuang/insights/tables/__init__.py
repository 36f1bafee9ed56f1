"""The insights app's tables, one module per sub-concept."""
