from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from core import scheduling

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_next_run_is_the_coming_morning():
    early = datetime(2026, 11, 23, 5, 0, tzinfo=AMSTERDAM)
    late = datetime(2026, 11, 23, 7, 0, tzinfo=AMSTERDAM)
    assert scheduling.next_run(early) == datetime(2026, 11, 23, 6, 0, tzinfo=AMSTERDAM)
    assert scheduling.next_run(late) == datetime(2026, 11, 24, 6, 0, tzinfo=AMSTERDAM)


@pytest.mark.django_db
def test_a_failing_job_does_not_stop_the_others(settings):
    settings.SIGNAAL_DAILY_JOBS = ["os.getpid", "core.tests.test_scheduling.broken", "os.getcwd"]
    results = scheduling.run_jobs()
    assert results["core.tests.test_scheduling.broken"].startswith("failed")
    assert results["os.getcwd"] and not results["os.getpid"].startswith("failed")


def broken():
    raise RuntimeError("boom")


@pytest.mark.django_db
def test_scheduling_queues_one_run_only(settings):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("schedule_daily_jobs")
    call_command("schedule_daily_jobs")
    queued = DBTaskResult.objects.filter(
        task_path="core.scheduling.run_daily_jobs", status=TaskResultStatus.READY
    )
    assert queued.count() == 1
    recounts = DBTaskResult.objects.filter(
        task_path="monitor.tasks.refresh_facts", status=TaskResultStatus.READY
    )
    assert recounts.count() == 1  # the monitor's recount, queued by the same command, once too
