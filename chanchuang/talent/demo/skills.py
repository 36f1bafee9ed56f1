"""Demo data of the talent app: skills."""


def seed() -> str:
    """Create this part of the demo if it is not there yet; return a one-line summary."""
    return ""
