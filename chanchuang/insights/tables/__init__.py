"""Tables of the insights app (django-tables2), one module per sub-concept."""
