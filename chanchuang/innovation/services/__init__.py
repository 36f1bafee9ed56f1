"""State changes of the innovation app, by stage: ``intake`` (applications, reviews, selection,
offers and the waitlist), ``cohort`` (mentor matching, attendance, milestones, demo day,
completion), ``records`` (credits and start-ups) and ``showcase``. Each validates, runs in a
transaction, is audited and refuses bad input with a ``DomainError``."""
