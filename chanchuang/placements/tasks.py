"""Background tasks of the placements app; they take ids."""

from django_tasks import task

from chanchuang.placements import services


@task()
def run_match(round_id: int) -> None:
    """Solve a frozen selection round with the matching kernel."""
    services.run_match(round_id)
