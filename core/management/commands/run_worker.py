"""The production task worker: django-tasks-db's `db_worker` with a heartbeat, reaping of the jobs
of dead workers, and recovery from database restarts (core.worker). Same options as db_worker."""

from django_tasks_db.management.commands import db_worker

from core import worker


class Command(db_worker.Command):
    help = "Run a task worker with a heartbeat that survives database restarts"

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []

        def make(worker_id):
            return db_worker.Worker(
                queue_names=queue_names,
                interval=interval,
                batch=batch,
                backend_name=backend_name,
                startup_delay=startup_delay,
                max_tasks=max_tasks,
                worker_id=worker_id,
                excluded_queue_names=excluded,
            )

        worker.run(make)
