"""The monitor's recount keeps coming when one raises (the schedule in core.scheduling queues it,
not the recount itself), and stops being late once one succeeds again."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from core import scheduling
from core.models import ScheduledJob
from core.tests.test_periodic import broken, database_queue, queued, run_queued  # noqa: F401
from monitor import facts
from monitor.models import Refresh

pytestmark = pytest.mark.django_db

RECOUNT = "monitor.tasks.refresh_facts"


def test_a_recount_that_raises_does_not_stop_the_next(database_queue, monkeypatch, settings):  # noqa: F811
    settings.SIGNAAL_MONITOR_REFRESH_MINUTES = 10
    start = timezone.now() - timedelta(hours=1)
    scheduling.ensure_scheduled(start - timedelta(minutes=10))  # the first recount due at start
    assert "monitor_recount" in scheduling.run_due(start)
    rebuild = facts.rebuild
    monkeypatch.setattr(facts, "rebuild", broken)
    assert run_queued(RECOUNT) == [TaskResultStatus.FAILED]
    job = ScheduledJob.objects.get(name="monitor_recount")
    assert job.next_run_at == start + timedelta(minutes=10)
    assert job.last_error == "RuntimeError"
    # Ten minutes later the next recount is queued all the same, and fails again.
    assert "monitor_recount" in scheduling.run_due(start + timedelta(minutes=10))
    assert queued(RECOUNT).count() == 1
    assert run_queued(RECOUNT) == [TaskResultStatus.FAILED]
    # Failing since `start`: within three intervals not late yet, then late.
    assert "monitor_recount" not in scheduling.late(start + timedelta(minutes=25))
    late = scheduling.late(start + timedelta(minutes=31))
    assert late["monitor_recount"] == "failed (RuntimeError)"
    # The next recount succeeds: counted, and no longer late.
    monkeypatch.setattr(facts, "rebuild", rebuild)
    assert "monitor_recount" in scheduling.run_due(start + timedelta(minutes=31))
    assert run_queued(RECOUNT) == [TaskResultStatus.SUCCESSFUL]
    assert Refresh.objects.exists()
    assert "monitor_recount" not in scheduling.late(start + timedelta(minutes=32))
