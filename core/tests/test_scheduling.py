from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from core import scheduling

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def test_next_run_is_the_coming_morning():
    early = datetime(2026, 11, 23, 5, 0, tzinfo=AMSTERDAM)
    late = datetime(2026, 11, 23, 7, 0, tzinfo=AMSTERDAM)
    assert scheduling.next_run(early) == datetime(2026, 11, 23, 6, 0, tzinfo=AMSTERDAM)
    assert scheduling.next_run(late) == datetime(2026, 11, 24, 6, 0, tzinfo=AMSTERDAM)


@pytest.mark.django_db
def test_a_failing_job_does_not_stop_the_others():
    results = scheduling.run_jobs(["os.getpid", "core.tests.test_scheduling.broken", "os.getcwd"])
    assert results["core.tests.test_scheduling.broken"].startswith("failed")
    assert results["os.getcwd"] and not results["os.getpid"].startswith("failed")


def broken():
    raise RuntimeError("boom")


@pytest.mark.django_db
def test_scheduling_enters_each_periodic_job_once():
    from core.models import ScheduledJob

    call_command("schedule_daily_jobs")
    call_command("schedule_daily_jobs")
    assert sorted(ScheduledJob.objects.values_list("name", flat=True)) == [
        "daily_jobs",
        "monitor_recount",
        "publish_scheduled",
    ]
    daily = ScheduledJob.objects.get(name="daily_jobs")
    assert timezone.localtime(daily.next_run_at).time() == scheduling.RUN_AT
