"""Services of the carbon app, one module per concept: ``ledger`` (posting balanced transfers
and reading balances), ``scenarios`` (the library), ``sessions`` (creating a session, joining,
the instructor's controls and events), ``clock`` (what the calendar brings: day closes, year
openings, deadlines), ``trading`` (orders, takes, block proposals), ``compliance``
(production, abatement, offsets, reports, surrender) and ``bots`` (simulated traders).

Every change to a session takes the session's row lock first (``sessions.locked``), so the
operations of one session happen one after the other and no balance check can race."""
