"""What the benchmarks share (not a benchmark itself: ``bin/bench`` skips files starting with
an underscore): the median server time of a piece of work and the queries it sends."""

from __future__ import annotations

import statistics
import time


def median_ms(work, runs: int) -> tuple[float, int]:
    """The median time of ``work()`` in milliseconds over ``runs`` runs after a warm one, and
    the queries one run sends."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    work()
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            work()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(queries)
