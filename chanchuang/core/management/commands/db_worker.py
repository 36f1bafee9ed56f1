"""``manage.py db_worker``: django-tasks-db's worker, which first fails the import jobs a dead
worker left behind (they would otherwise stay "checking" for ever: a claimed task is never run
again)."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from chanchuang.core.tabular.jobs import recover_stalled_jobs


class Command(DatabaseWorkerCommand):
    help = ("Run a database background worker, after failing the import jobs of workers that "
            "died (with a message asking to upload again).")

    def handle(self, *args, **options) -> None:
        recovered = recover_stalled_jobs()
        if recovered:
            self.stderr.write(f"{recovered} import job(s) of a dead worker marked as failed.")
        super().handle(*args, **options)
