"""Background work of the monitor: recounting the facts, importing history."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task

from core.scheduling import enqueue_once

from . import facts


@task(priority=-5)
def refresh_facts():
    """Recount the facts, then queue the next recount (the worker keeps the monitor fresh)."""
    refresh = facts.rebuild()
    schedule_refresh()
    return refresh.facts


def schedule_refresh(now=None):
    """Queue the next recount unless one is queued already."""
    return enqueue_once(
        refresh_facts, (now or timezone.now()) + timedelta(minutes=facts.refresh_minutes())
    )


def request_refresh():
    """Recount soon: queue a recount now unless one is already waiting to run within a minute or
    running. (The immediate backend of the tests runs it at once.)"""
    if default_task_backend.supports_defer:
        from django.db.models import Q
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult, get_date_max

        soon = timezone.now() + timedelta(minutes=1)
        pending = DBTaskResult.objects.filter(
            task_path=refresh_facts.module_path,
            status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
        ).filter(Q(run_after=get_date_max()) | Q(run_after__lte=soon))
        if pending.exists():
            return None
    return refresh_facts.enqueue()
