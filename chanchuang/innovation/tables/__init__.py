"""Tables of the innovation app, one module per stage."""
