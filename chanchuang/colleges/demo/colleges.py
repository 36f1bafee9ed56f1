"""Demo of the colleges app: colleges (being written)."""


def seed() -> str:
    """Nothing yet."""
    return ""
