"""Health endpoints for load balancers and orchestrators. They answer on plain HTTP (no redirect to
HTTPS, see SECURE_REDIRECT_EXEMPT), say nothing about the installation beyond ok/not ok, and are
never cached.

- liveness `/health/live/`: the web process answers; no database, no templates. Restart the
  process when this fails.
- readiness `/health/ready/`: the database answers and at least one task worker has a fresh
  heartbeat (core.worker). Send no traffic to the process while this fails. Its `late_jobs` names
  the periodic jobs (core.scheduling) whose due run has not succeeded in time, each logged as a
  warning: a reason to look, not to stop traffic, so they do not make readiness fail.
"""

import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from accounts.access import PUBLIC, rule

from .scheduling import late
from .worker import alive_workers

logger = logging.getLogger(__name__)


@never_cache
@rule(PUBLIC)
def live(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@never_cache
@rule(PUBLIC)
def ready(request):
    checks = {"database": "ok", "task_workers": "ok"}
    late_jobs = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not alive_workers().exists():
            logger.warning("readiness: no task worker alive")
            checks["task_workers"] = "none alive"
        late_jobs = late()
        for name, why in late_jobs.items():
            logger.warning("readiness: periodic job %s is late: %s", name, why)
    except DatabaseError as error:
        logger.warning("readiness: database unavailable (%s)", type(error).__name__)
        checks["database"] = "unavailable"
        checks["task_workers"] = "unknown"
    ok = all(value == "ok" for value in checks.values())
    response = JsonResponse(
        {"status": "ok" if ok else "unavailable", **checks, "late_jobs": sorted(late_jobs)},
        status=200 if ok else 503,
    )
    # A probe's 503 is a state, not a server error: logged once above as a warning, not by
    # django.request at ERROR for every probe.
    response._has_been_logged = True
    return response
