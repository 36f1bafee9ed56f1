"""Background tasks of the core app (django-tasks, database backend); they take ids."""

from django_tasks import task

from chanchuang.core import services
from chanchuang.core.tabular import jobs


@task()
def check_import(job_id: int) -> None:
    """Check an uploaded workbook: preview or every bad row."""
    jobs.check_job(job_id)


@task()
def run_import(job_id: int) -> None:
    """Import a checked workbook in one transaction."""
    jobs.run_job(job_id)


@task()
def execute_match(run_id: int) -> None:
    """Solve a frozen matching run with the kernel."""
    services.execute_match(run_id)


@task()
def verify_match(run_id: int) -> None:
    """Check again that a matching run's frozen inputs reproduce its result."""
    services.verify_match(run_id)
