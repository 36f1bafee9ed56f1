"""State changes of the colleges app, one module per sub-concept like its models. Each
validates, runs in a transaction, is audited and refuses bad input with a ``DomainError``."""
