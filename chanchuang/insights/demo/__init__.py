"""Demo scenario of the insights app: two graduation years of destinations for the demo
college (some without evidence, one implausible employer, so the outcome chain's flags have
something to show) and this year's annual report narrative. The people are fictional; state
changes go through the services."""

from chanchuang.insights.demo import destinations, reports


def seed() -> str:
    """Create the insights scenario if it is not there yet; return a one-line summary."""
    return "; ".join(part for part in (destinations.seed(), reports.seed()) if part)
