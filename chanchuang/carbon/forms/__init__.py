"""The carbon app's forms, one module per sub-concept (see views)."""
