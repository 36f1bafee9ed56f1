"""The insights app's forms, one module per sub-concept."""
