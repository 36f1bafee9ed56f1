"""Read helpers of the colleges app, one module per sub-concept (see ``services``)."""
