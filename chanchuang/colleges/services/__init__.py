"""State changes of the colleges app, one module per sub-concept: ``colleges`` (the college,
its members and programmes with their students), ``governance`` (councils, seats, meetings,
decisions, papers), ``work`` (co-developed work and its confirmation) and the other
sub-concepts' own modules. Each validates, runs in a transaction, is audited and refuses bad
input with a ``DomainError``."""
