"""Tables of the colleges app, one module per sub-concept."""
