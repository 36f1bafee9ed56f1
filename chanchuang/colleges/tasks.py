"""Background tasks of the colleges app (django-tasks, database backend); they take ids."""

from django_tasks import task

from chanchuang.colleges.services import reports


@task()
def build_annual_report(report_id: int) -> None:
    """Build an annual report's PDF and Word document, reporting progress on the report."""
    reports.build(report_id)
