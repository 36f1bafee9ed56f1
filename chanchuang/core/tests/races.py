"""Racing requests for the PostgreSQL race tests: run calls at once, each in its own thread and
database connection, and collect their outcomes (a ``DomainError`` is an outcome too)."""

from __future__ import annotations

import threading

from django.db import connection

from chanchuang.core.services import DomainError


def race(calls) -> list:
    """Run the calls at once, each in its own thread and connection; their outcomes."""
    outcomes: list = [None] * len(calls)
    barrier = threading.Barrier(len(calls))

    def run(index, call):
        barrier.wait()
        try:
            outcomes[index] = call()
        except DomainError as exc:
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
