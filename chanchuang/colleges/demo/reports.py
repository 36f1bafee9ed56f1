"""Demo of the colleges app: reports (being written)."""


def seed() -> str:
    """Nothing yet."""
    return ""
