"""Pages of the colleges app, one module per sub-concept (see ``models/__init__.py``), plus
``indicators`` (targets and the scorecard)."""
