"""Periodic work cannot stop: the schedule (core.scheduling) queues the next run of a job whether
its last run succeeded, failed or never finished, and the readiness check names a job that is
late without failing readiness."""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from core import scheduling, worker
from core.models import ScheduledJob, WorkerHeartbeat

pytestmark = pytest.mark.django_db

DAILY = "core.scheduling.run_daily_jobs"


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued(task_path):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=task_path, status=TaskResultStatus.READY)


def run_queued(task_path):
    """Run the queued runs of a task as a task worker does: a failure is recorded, not raised.
    Returns their statuses."""
    from django_tasks_db.management.commands.db_worker import Worker

    task_worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    statuses = []
    for result in list(queued(task_path)):
        result.claim("test-worker")
        task_worker.run_task(result)
        result.refresh_from_db()
        statuses.append(result.status)
    return statuses


def broken(*args, **kwargs):
    raise RuntimeError("boom")


RAN = []


def fine():
    RAN.append("fine")
    return "done"


def alive_worker():
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id="w", hostname="test", pid=1, started_at=now, seen_at=now
    )


def test_a_daily_run_that_raises_does_not_stop_the_next(database_queue, monkeypatch):
    now = timezone.now()
    scheduling.ensure_scheduled(now)
    ScheduledJob.objects.filter(name="daily_jobs").update(next_run_at=now - timedelta(minutes=1))
    assert scheduling.run_due(now) == ["daily_jobs"]
    assert scheduling.run_due(now) == []  # once, however often the heartbeats ask
    monkeypatch.setattr(scheduling, "run_jobs", broken)
    assert run_queued(DAILY) == [TaskResultStatus.FAILED]
    job = ScheduledJob.objects.get(name="daily_jobs")
    assert job.failed_at is not None and job.succeeded_at is None
    assert job.last_error == "RuntimeError"
    assert job.next_run_at == scheduling.next_run(now)  # set when it was queued, not after
    # The next morning the failed run does not matter: the next one is queued.
    assert "daily_jobs" in scheduling.run_due(job.next_run_at + timedelta(seconds=1))
    assert queued(DAILY).count() == 1


def test_a_daily_run_with_a_failing_job_runs_the_others_and_counts_as_failed(
    database_queue, monkeypatch
):
    RAN.clear()
    jobs = ["core.tests.test_periodic.broken", "core.tests.test_periodic.fine"]
    monkeypatch.setattr(scheduling, "DAILY_JOBS", jobs)
    scheduling.ensure_scheduled()
    scheduling.run_daily_jobs.enqueue()
    assert run_queued(DAILY) == [TaskResultStatus.FAILED]
    assert RAN == ["fine"]
    assert ScheduledJob.objects.get(name="daily_jobs").last_error == "DailyJobFailed"


def test_the_heartbeat_runs_the_schedule(database_queue, monkeypatch):
    monkeypatch.setattr(worker, "reap", broken)  # a step that fails does not stop the schedule
    worker.Heartbeat("w1").tick()
    assert set(ScheduledJob.objects.values_list("name", flat=True)) == {
        "daily_jobs",
        "monitor_recount",
        "publish_scheduled",
    }
    ScheduledJob.objects.update(next_run_at=timezone.now() - timedelta(seconds=1))
    worker.Heartbeat("w1").tick()
    assert queued(DAILY).count() == 1
    assert queued("monitor.tasks.refresh_facts").count() == 1
    assert queued("content.tasks.publish_scheduled").count() == 1


def test_late_jobs(database_queue):
    now = timezone.now()
    scheduling.ensure_scheduled(now)
    assert scheduling.late(now) == {}
    # No task worker ran the schedule for three hours after the morning's run was due.
    ScheduledJob.objects.filter(name="daily_jobs").update(next_run_at=now - timedelta(hours=3))
    assert scheduling.late(now) == {"daily_jobs": "not queued"}
    # Queued an hour ago, nothing since (still waiting or running): late; a success ends it.
    ScheduledJob.objects.filter(name="daily_jobs").update(
        next_run_at=now + timedelta(hours=20), waiting_since=now - timedelta(hours=1)
    )
    assert scheduling.late(now) == {}  # within the daily jobs' grace of two hours
    later = now + timedelta(hours=1, minutes=1)
    assert scheduling.late(later)["daily_jobs"] == "not finished"
    with scheduling.recorded("daily_jobs"):
        pass
    assert "daily_jobs" not in scheduling.late(later)
    # not queued for an hour
    assert set(scheduling.late(later)) == {"monitor_recount", "publish_scheduled"}


def test_readiness_names_a_late_job_and_stays_ready(database_queue, client, caplog, monkeypatch):
    alive_worker()
    now = timezone.now()
    scheduling.ensure_scheduled(now - timedelta(hours=1))
    ScheduledJob.objects.filter(name="monitor_recount").update(
        next_run_at=now - timedelta(minutes=40)
    )
    scheduling.run_due(now - timedelta(minutes=40))
    monkeypatch.setattr("monitor.facts.rebuild", broken)
    assert run_queued("monitor.tasks.refresh_facts") == [TaskResultStatus.FAILED]
    # Forty minutes later (the next recounts were due meanwhile but no worker queued them).
    ScheduledJob.objects.filter(name="monitor_recount").update(next_run_at=now)
    # (the publishing check, queued with it, is not what this test is about)
    ScheduledJob.objects.filter(name="publish_scheduled").update(
        next_run_at=now, waiting_since=None
    )
    with caplog.at_level(logging.WARNING, logger="core.health"):
        response = client.get("/health/ready/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["late_jobs"] == ["monitor_recount"]
    assert "periodic job monitor_recount is late: failed (RuntimeError)" in caplog.text
