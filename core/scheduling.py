"""Periodic work, owned by one mechanism: the schedule in core.ScheduledJob, run by the task
workers' heartbeat (core.worker), which calls run_due() every few seconds. A job of PERIODIC whose
time has come is queued and its next time set in one transaction, before it runs: whether the run
then succeeds, fails or never finishes, the next one is queued on time. Several workers may call
run_due() at once; only one of them moves a job on. Each run records its start and its end
(recorded()); late() names the jobs whose due run has not succeeded within their grace time, for
the readiness check (core.health) and its warning in the log.

The periodic jobs: the daily jobs (DAILY_JOBS, every morning at 06:00, one after another; one
that fails does not stop the others), the monitor's recount (every
SIGNAAL_MONITOR_REFRESH_MINUTES) and Wagtail's scheduled publishing and expiry of pages (every
minute, PUBLISH_CHECK). `manage.py schedule_daily_jobs` enters them in the schedule
(idempotent; the first heartbeat does it too); `manage.py run_daily_jobs` runs the daily jobs now.
"""

import logging
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from .models import ScheduledJob

logger = logging.getLogger(__name__)

# Each job is a function without arguments that returns something to log (a count, a summary).
DAILY_JOBS = [
    "reports.actions.send_referral_reminders",
    "reports.actions.send_daily_digests",
    "reports.throttle.prune_throttle",
    "privacy.retention.daily_retention",
    "privacy.checks.daily_audit_check",
    "audit.anchoring.anchor_head",
    "core.tasks.prune_sent_email",
    "core.worker.prune_heartbeats",
    "core.worker.prune_task_results",
]
RUN_AT = time(6, 0)


def run_jobs(paths=None):
    """Run the daily jobs (or the functions `paths`), each on its own; {path: result}."""
    results = {}
    for path in paths or DAILY_JOBS:
        try:
            results[path] = str(import_string(path)())
        except Exception as error:  # one failing job must not stop the others
            logger.exception("daily job %s failed", path)
            results[path] = f"failed: {error}"
    logger.info("daily jobs: %s", results)
    return results


class DailyJobFailed(Exception):
    """One or more of the daily jobs failed (the others ran; the log has the exception)."""


@task()
def run_daily_jobs():
    """The periodic run of the daily jobs: failed when any of them failed."""
    with recorded("daily_jobs"):
        results = run_jobs()
        failed = [path for path, result in results.items() if result.startswith("failed")]
        if failed:
            raise DailyJobFailed(", ".join(failed))
    return results


def next_run(now=None):
    """The next morning's RUN_AT after `now`."""
    now = timezone.localtime(now or timezone.now())
    at = timezone.make_aware(datetime.combine(now.date(), RUN_AT))
    return at if at > now else at + timedelta(days=1)


def _every_refresh(now):
    return now + timedelta(minutes=settings.SIGNAAL_MONITOR_REFRESH_MINUTES)


# Wagtail's scheduled publishing and expiry (go_live_at / expire_at) are due at most this long
# before they happen: one cheap query when nothing is due.
PUBLISH_CHECK = timedelta(minutes=1)


def _every_publish_check(now):
    return now + PUBLISH_CHECK


@dataclass(frozen=True)
class Periodic:
    name: str
    task_path: str  # a django_tasks task without arguments, whose run is wrapped in recorded()
    next_after: Callable  # (moment) -> its next run after that moment
    grace: Callable  # () -> how long a due run may take to succeed before the job is late

    @property
    def task(self):
        return import_string(self.task_path)


PERIODIC = [
    Periodic("daily_jobs", "core.scheduling.run_daily_jobs", next_run, lambda: timedelta(hours=2)),
    Periodic(
        "monitor_recount",
        "monitor.tasks.refresh_facts",
        _every_refresh,
        lambda: timedelta(minutes=3 * settings.SIGNAAL_MONITOR_REFRESH_MINUTES),
    ),
    Periodic(
        "publish_scheduled",
        "content.tasks.publish_scheduled",
        _every_publish_check,
        lambda: timedelta(minutes=10),
    ),
]


def ensure_scheduled(now=None):
    """Enter the periodic jobs missing from the schedule, for their next regular time (idempotent).
    Returns the names entered."""
    now = now or timezone.now()
    known = set(ScheduledJob.objects.values_list("name", flat=True))
    missing = [job for job in PERIODIC if job.name not in known]
    ScheduledJob.objects.bulk_create(
        [ScheduledJob(name=job.name, next_run_at=job.next_after(now)) for job in missing],
        ignore_conflicts=True,
    )
    return [job.name for job in missing]


def run_due(now=None):
    """Queue every periodic job whose time has come, and set its next time in the same transaction
    (the task workers' heartbeat calls this every few seconds). Returns the names queued."""
    now = now or timezone.now()
    due_at = dict(ScheduledJob.objects.values_list("name", "next_run_at"))
    if len(due_at) < len(PERIODIC):
        ensure_scheduled(now)
        due_at = dict(ScheduledJob.objects.values_list("name", "next_run_at"))
    queued = []
    for job in PERIODIC:
        due = due_at.get(job.name)
        if due is None or due > now:
            continue
        with transaction.atomic():
            # Only the caller that still sees the old time moves the job on: one run, not one
            # per worker.
            claimed = ScheduledJob.objects.filter(name=job.name, next_run_at=due).update(
                next_run_at=job.next_after(now),
                queued_at=now,
                waiting_since=Coalesce("waiting_since", now),
            )
            if claimed:
                job.task.enqueue()
        if claimed:
            queued.append(job.name)
            logger.info("periodic job %s queued", job.name)
    return queued


def _record(name, **fields):
    try:
        ScheduledJob.objects.filter(name=name).update(**fields)
    except DatabaseError as error:  # the run itself says what happened
        logger.warning("periodic job %s: not recorded (%s)", name, type(error).__name__)


@contextmanager
def recorded(name):
    """Record a run of the periodic job `name`: its start, and its success or its failure (the
    exception's class; the exception goes on). A success ends the job's wait."""
    _record(name, started_at=timezone.now())
    try:
        yield
    except Exception as error:
        _record(name, failed_at=timezone.now(), last_error=type(error).__name__[:200])
        raise
    _record(name, succeeded_at=timezone.now(), waiting_since=None)


def late(now=None):
    """{name: why} of the periodic jobs that are late: not queued although due for longer than
    their grace time (no task worker runs the schedule), or queued that long ago without a success
    since (their runs fail, or wait or run too long)."""
    now = now or timezone.now()
    found = {}
    rows = {row.name: row for row in ScheduledJob.objects.all()}
    for job in PERIODIC:
        row = rows.get(job.name)
        if row is None:  # entered by the first heartbeat of a task worker
            continue
        grace = job.grace()
        if row.next_run_at + grace < now:
            found[job.name] = "not queued"
        elif row.waiting_since and row.waiting_since + grace < now:
            failed = row.failed_at and row.failed_at >= row.waiting_since
            found[job.name] = f"failed ({row.last_error})" if failed else "not finished"
    return found
