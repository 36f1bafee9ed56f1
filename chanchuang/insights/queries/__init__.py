"""The insights app's queries, one module per sub-concept."""
