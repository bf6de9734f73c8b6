"""Background work of the monitor: recounting the facts, importing history."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import default_task_backend, task

from core.scheduling import recorded

from . import facts


@task(priority=-5)
def refresh_facts():
    """Recount the facts: every few minutes from the schedule (core.scheduling, "monitor_recount",
    which queues the next recount whether this one succeeds or not), after an import, on request.
    Uploads that waited too long for their column mapping are removed on the way."""
    from .actions import discard_expired_uploads

    discard_expired_uploads()
    with recorded("monitor_recount"):
        return facts.rebuild().facts


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
