"""The carbon app's exports, one module per sub-concept (see views)."""
