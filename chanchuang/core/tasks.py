"""Background tasks of the core app (django-tasks, database backend); they take ids."""

from django_tasks import task

from chanchuang.core.tabular import jobs


@task()
def check_import(job_id: int) -> None:
    """Check an uploaded workbook: preview or every bad row."""
    jobs.check_job(job_id)


@task()
def run_import(job_id: int) -> None:
    """Import a checked workbook in one transaction."""
    jobs.run_job(job_id)
