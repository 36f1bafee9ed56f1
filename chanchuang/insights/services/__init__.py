"""The insights app's services, one module per sub-concept."""
