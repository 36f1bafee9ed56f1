"""Demo scenario of the talent app: the skill dictionary and courses of the demo majors, a year
of talent demand from the demo partners written as real job descriptions, the supply evidenced
by the demo roster's grades, certificates, bootcamps and internships, and a few docking
meetings. The people are fictional; state changes go through the services."""

from chanchuang.talent.demo import demand, docking, skills, supply


def seed() -> str:
    """Create the talent scenario if it is not there yet; return a one-line summary."""
    return "; ".join(part for part in (skills.seed(), supply.seed(), demand.seed(),
                                       docking.seed()) if part)
