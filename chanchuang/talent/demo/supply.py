"""Demo data of the talent app: supply."""


def seed() -> str:
    """Create this part of the demo if it is not there yet; return a one-line summary."""
    return ""
