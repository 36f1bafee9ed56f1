"""Demo reports of the insights app."""


def seed() -> str:
    """Nothing yet."""
    return ""
