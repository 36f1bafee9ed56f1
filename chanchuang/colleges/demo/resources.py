"""Demo of the colleges app: resources (being written)."""


def seed() -> str:
    """Nothing yet."""
    return ""
