"""Demo destinations of the insights app."""


def seed() -> str:
    """Nothing yet."""
    return ""
