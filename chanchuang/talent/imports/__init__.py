"""Excel imports of the talent app, one module per sub-concept; each registers its import
kinds with core's registry when imported (core autodiscovers this package)."""

from chanchuang.talent.imports import demand, skills, supply  # noqa: F401
