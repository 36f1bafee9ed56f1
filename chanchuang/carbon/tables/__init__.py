"""The carbon app's tables, one module per sub-concept (see views)."""
