"""Background tasks of the insights app (django-tasks, database backend); they take ids."""

from django_tasks import task

from chanchuang.insights.services import reports

# --- reports -----------------------------------------------------------------------------------


@task()
def build_report(job_id: int) -> None:
    """Build a report job's files, reporting progress on the job."""
    reports.build(job_id)
