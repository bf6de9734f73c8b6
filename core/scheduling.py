"""Daily jobs, scheduled by the task worker itself: the job runs, then queues its next run for
the next morning. `manage.py schedule_daily_jobs` (idempotent; `make run` calls it) puts the first
run in the queue; `manage.py run_daily_jobs` runs them at once (for cron, or by hand)."""

import logging
from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import default_task_backend, task

logger = logging.getLogger(__name__)

# Each job is a function without arguments that returns something to log (a count, a summary).
DAILY_JOBS = [
    "reports.handling.send_referral_reminders",
    "reports.actions.prune_throttle",
    "privacy.retention.daily_retention",
    "privacy.checks.daily_audit_check",
    "audit.anchoring.anchor_head",
    "core.tasks.prune_sent_email",
    "core.worker.prune_heartbeats",
    "core.worker.prune_task_results",
]
RUN_AT = time(6, 0)


def run_jobs():
    results = {}
    for path in getattr(settings, "SIGNAAL_DAILY_JOBS", DAILY_JOBS):
        try:
            results[path] = str(import_string(path)())
        except Exception as error:  # one failing job must not stop the others
            logger.exception("daily job %s failed", path)
            results[path] = f"failed: {error}"
    logger.info("daily jobs: %s", results)
    return results


@task()
def run_daily_jobs():
    results = run_jobs()
    schedule_next()
    return results


def next_run(now=None):
    now = timezone.localtime(now or timezone.now())
    at = timezone.make_aware(datetime.combine(now.date(), RUN_AT))
    return at if at > now else at + timedelta(days=1)


def enqueue_once(a_task, run_after):
    """Queue `a_task` to run after `run_after` unless a run of it is queued already; None when
    nothing was queued. Only a backend that can defer work schedules (not the immediate backend
    of the tests). Self-rescheduling tasks use this to keep exactly one next run."""
    if not default_task_backend.supports_defer:
        return None
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(
        task_path=a_task.module_path, status=TaskResultStatus.READY
    )
    if queued.exists():
        return None
    return a_task.using(run_after=run_after).enqueue()


def schedule_next(now=None):
    """Queue the next morning's run unless one is queued already."""
    return enqueue_once(run_daily_jobs, next_run(now))
