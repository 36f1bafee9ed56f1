"""The insights app's exports, one module per sub-concept."""
