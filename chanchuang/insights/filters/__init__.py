"""The insights app's filters, one module per sub-concept."""
