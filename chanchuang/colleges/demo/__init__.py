"""Demo scenario of the colleges app: the 碳中和产业学院 of the signing ceremony, built by the
college with the power-construction company and the new-energy institute. ``colleges`` sets up
the college, its programmes, governance and a year of co-developed work; ``resources`` its ten
shared resources with a semester of bookings; ``reports`` last year's annual report. The people
are fictional; state changes go through the services."""

from chanchuang.colleges.demo import colleges, reports, resources


def seed() -> str:
    """Create the colleges scenario if it is not there yet; return a one-line summary."""
    return "; ".join(part for part in (colleges.seed(), resources.seed(), reports.seed()) if part)
