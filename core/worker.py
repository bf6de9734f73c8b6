"""Task workers that survive what production does to them.

`manage.py run_worker` is django-tasks-db's worker plus four things:
- a heartbeat: every HEARTBEAT_SECONDS the worker writes that it is alive (core.WorkerHeartbeat);
  the readiness check (core.health) fails when no worker is alive;
- reaping: a job claimed by a worker whose heartbeat is older than STALE_SECONDS (killed, its
  machine gone) is put back in the queue, so it completes once on another worker. Jobs must
  therefore be safe to run again (e-mail: core.tasks.deliver_email checks the outbox);
- recovery: when the database goes away (a restart, a failover) the worker does not exit; it puts
  its interrupted job back in the queue, waits and carries on. A job that was recorded as failed
  because of the database is queued again (at most MAX_ATTEMPTS attempts);
- the schedule: every heartbeat queues the periodic jobs that are due (core.scheduling.run_due).
"""

import contextlib
import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import default_task_backend

from . import scheduling
from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 5


def stale_seconds():
    return settings.SIGNAAL_WORKER_STALE_SECONDS


def alive_workers(now=None):
    """Heartbeats seen within the stale limit."""
    now = now or timezone.now()
    return WorkerHeartbeat.objects.filter(seen_at__gte=now - timedelta(seconds=stale_seconds()))


def beat(worker_id, started_at, now=None):
    now = now or timezone.now()
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(seen_at=now)
    if not updated:
        WorkerHeartbeat.objects.create(
            worker_id=worker_id,
            hostname=socket.gethostname()[:255],
            pid=os.getpid(),
            started_at=started_at,
            seen_at=now,
        )


def requeue(ids):
    """Put claimed jobs back in the queue (only those still marked running)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(pk__in=ids, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, started_at=None
    )


def reap(now=None):
    """Requeue the jobs of dead workers: running jobs whose worker has no fresh heartbeat. A job
    of a worker that never had a heartbeat (an old-style `db_worker`) counts as dead once it has
    run longer than the stale limit. Returns the number of jobs requeued."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    limit = now - timedelta(seconds=stale_seconds())
    running = list(
        DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list(
            "pk", "worker_ids", "started_at"
        )
    )
    if not running:
        return 0
    alive = set(alive_workers(now).values_list("worker_id", flat=True))
    known = set(
        WorkerHeartbeat.objects.filter(
            worker_id__in=[ids[-1] for _, ids, _ in running if ids]
        ).values_list("worker_id", flat=True)
    )
    dead = []
    for pk, worker_ids, started_at in running:
        worker = worker_ids[-1] if worker_ids else None
        if worker in alive:
            continue
        if worker in known or started_at is None or started_at < limit:
            dead.append(pk)
    if not dead:
        return 0
    with transaction.atomic():
        count = requeue(dead)
    if count:
        logger.warning("requeued %d job(s) of task workers that stopped", count)
    return count


# A job that failed because the database went away mid-job is run again (up to this many attempts
# in all): django-tasks-db records any exception as a failure, also when the database comes back
# just in time to record it.
DATABASE_ERRORS = ["django.db.utils.OperationalError", "django.db.utils.InterfaceError"]
MAX_ATTEMPTS = 5


def retry_database_failures(now=None):
    """Put jobs that failed on an unavailable database (in the last day) back in the queue."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    failed = DBTaskResult.objects.filter(
        status=TaskResultStatus.FAILED,
        exception_class_path__in=DATABASE_ERRORS,
        finished_at__gte=now - timedelta(days=1),
    ).values_list("pk", "worker_ids")
    again = [pk for pk, ids in failed if len(ids or []) < MAX_ATTEMPTS]
    if not again:
        return 0
    count = DBTaskResult.objects.filter(pk__in=again, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, started_at=None, finished_at=None, run_after=now
    )
    logger.warning("queued %d job(s) again that failed on an unavailable database", count)
    return count


def prune_task_results():
    """Daily: finished jobs are forgotten after 14 days, failed ones after 30 (django-tasks-db's
    own pruning). Without it the queue's table grows with every e-mail and recount, and the
    heartbeat's look at running and failed jobs every few seconds would slow down with it."""
    if not default_task_backend.supports_defer:  # the tests' immediate backend keeps no table
        return "no database queue"
    call_command(
        "prune_db_task_results",
        "--queue-name",
        "*",
        "--min-age-days",
        "14",
        "--failed-min-age-days",
        "30",
        verbosity=0,
    )
    return "pruned"


def prune_heartbeats(days=1):
    """Daily: forget workers not seen for a day."""
    before = timezone.now() - timedelta(days=days)
    return WorkerHeartbeat.objects.filter(seen_at__lt=before).delete()[0]


class Heartbeat(threading.Thread):
    """Beats and reaps beside the worker's main loop, on its own database connection."""

    def __init__(self, worker_id):
        super().__init__(name="heartbeat", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            try:
                close_old_connections()
                self.tick()
            except DatabaseError as error:
                logger.warning("heartbeat: database unavailable (%s)", type(error).__name__)
                connection.close_if_unusable_or_obsolete()
            except Exception:
                # Never let the thread die while the worker lives: a silent worker's running job
                # would be given to another worker and run twice.
                logger.exception("heartbeat: unexpected error")
            self.stopping.wait(HEARTBEAT_SECONDS)
        connection.close()

    def tick(self):
        """One beat: say the worker is alive, requeue the jobs of dead workers and those that failed
        on the database, queue the periodic jobs that are due. A step that fails (other than on
        the database, which stops the beat) does not keep the next ones from running."""
        steps = [
            lambda: beat(self.worker_id, self.started_at),
            reap,
            retry_database_failures,
            scheduling.run_due,
        ]
        for step in steps:
            try:
                step()
            except DatabaseError:
                raise
            except Exception:
                logger.exception("heartbeat: unexpected error")

    def stop(self):
        self.stopping.set()
        self.join(timeout=HEARTBEAT_SECONDS * 2)
        with contextlib.suppress(DatabaseError):
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()


def new_worker_id():
    return f"{socket.gethostname()[:30]}-{os.getpid()}-{get_random_string(8)}"


def run(worker_factory, *, pause=1.0, max_pause=30.0):
    """Run django-tasks-db's worker loop with a heartbeat; when the database fails, wait (growing
    pauses up to `max_pause`) until it is back, requeue the interrupted job and go on.
    `worker_factory(worker_id)` makes a django_tasks_db Worker."""
    worker_id = new_worker_id()
    heartbeat = Heartbeat(worker_id)
    heartbeat.start()
    worker = worker_factory(worker_id)
    worker.configure_signals()
    try:
        while worker.running:
            try:
                worker.run()
                return
            except DatabaseError as error:
                worker.running_task = False
                logger.warning("task worker: database unavailable (%s)", type(error).__name__)
                connection.close()
                wait = pause
                while not _requeue_own(worker_id):
                    time.sleep(wait)
                    wait = min(wait * 2, max_pause)
                logger.warning("task worker: database available again")
    finally:
        heartbeat.stop()


def _requeue_own(worker_id):
    """After a database failure nothing runs in this worker: its running jobs were interrupted.
    False while the database is still unavailable."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    try:
        running = [
            pk
            for pk, ids in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list(
                "pk", "worker_ids"
            )
            if ids and ids[-1] == worker_id
        ]
        if running:
            requeue(running)
            logger.warning("requeued %d interrupted job(s)", len(running))
        return True
    except DatabaseError:
        connection.close()
        return False
