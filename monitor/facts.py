"""The pre-counted facts behind every monitor view.

Counting a million reports for each page view would be too slow, so the monitor counts once, per
month, kind and dimension, into monitor.Fact, and the views add those rows up. rebuild() recounts
everything in one transaction from three sources that add up in one view:

- the reports in Signaal (reports.Report);
- record-level history imported from a previous registration (HistoricRecord: the same fields);
- aggregate history counted per year and form (HistoricCount): it has no month, and for the other
  dimensions its reports count as "unknown" (for the outcome HISTORY_OUTCOME, "unknown" rather
  than "still open"), so that every breakdown adds up to the same total.

The facts are recounted by a task at most SIGNAAL_MONITOR_REFRESH_MINUTES apart (the schedule in
core.scheduling) and at once after an import; the dashboard says how recent they are.
"""

import logging
import time
from collections import Counter
from datetime import UTC, datetime

from django.conf import settings
from django.db import connections, transaction
from django.db.models import Count, Sum
from django.db.models.functions import ExtractMonth, ExtractYear, Substr
from django.utils import timezone

from reports.models import Report

from .models import HISTORY_OUTCOME, Fact, HistoricCount, HistoricRecord, Refresh

logger = logging.getLogger(__name__)

# dimension -> field of Report and HistoricRecord
DIMENSIONS = {
    "form": "primary_form",
    "municipality": "municipality_id",
    "sector": "sector",
    "premises": "premises_type",
    "reporter": "reporter_type",
    "minor": "minor_involved",
    "outcome": "outcome",
}
UNKNOWN = ""


def as_value(raw):
    """A dimension value as stored in Fact.value: text, "" for unknown, yes/no for booleans."""
    if raw is None:
        return UNKNOWN
    if raw is True:
        return "yes"
    if raw is False:
        return "no"
    return str(raw)


def _local_month(hour):
    """(year, month) in Signaal's time zone of a UTC hour written as 'YYYY-MM-DD HH'."""
    moment = datetime.strptime(hour, "%Y-%m-%d %H").replace(tzinfo=UTC)
    local = timezone.localtime(moment)
    return local.year, local.month


def _count_in_one_pass(queryset):
    """SQLite: its date functions are Python callbacks, called per row and per dimension, so
    instead read each row once with its UTC hour as stored text and count in Python (the offset
    to local time is whole hours, so the hour decides the local month)."""
    counts = Counter()
    months = {}
    names = list(DIMENSIONS)
    rows = (
        queryset.annotate(hour=Substr("created_at", 1, 13))
        .values_list("hour", "kind", *DIMENSIONS.values())
        .order_by()
    )
    for hour, kind, *values in rows.iterator(chunk_size=10_000):
        month = months.get(hour)
        if month is None:
            month = months[hour] = _local_month(hour)
        for dimension, raw in zip(names, values, strict=True):
            counts[(*month, kind, dimension, as_value(raw))] += 1
    return counts


def count_queryset(queryset):
    """Counter of (year, month, kind, dimension, value) -> n for a queryset of Report or
    HistoricRecord: one GROUP BY per dimension (PostgreSQL), one pass (SQLite)."""
    if connections[queryset.db].vendor == "sqlite":
        return _count_in_one_pass(queryset)
    counts = Counter()
    dated = queryset.annotate(y=ExtractYear("created_at"), m=ExtractMonth("created_at"))
    for dimension, field in DIMENSIONS.items():
        for row in dated.order_by().values("y", "m", "kind", field).annotate(n=Count("id")):
            counts[(row["y"], row["m"], row["kind"], dimension, as_value(row[field]))] += row["n"]
    return counts


def count_history_totals():
    """Counter for the aggregate history: its form (and municipality when given); unknown for the
    rest."""
    counts = Counter()
    rows = (
        HistoricCount.objects.filter(batch__state="done")
        .order_by()
        .values("year", "kind", "primary_form", "municipality_id")
        .annotate(n=Count("id"), total=Sum("count"))
    )
    for row in rows:
        for dimension, field in DIMENSIONS.items():
            value = HISTORY_OUTCOME if dimension == "outcome" else UNKNOWN
            if field in ("primary_form", "municipality_id"):
                value = as_value(row[field])
            counts[(row["year"], None, row["kind"], dimension, value)] += row["total"]
    return counts


def rebuild():
    """Recount every fact. Returns the Refresh row."""
    started = time.monotonic()
    counts = count_queryset(Report.objects.all())
    counts.update(count_queryset(HistoricRecord.objects.filter(batch__state="done")))
    counts.update(count_history_totals())
    facts = [
        Fact(year=y, month=m, kind=kind, dimension=dimension, value=value, count=n)
        for (y, m, kind, dimension, value), n in counts.items()
        if n
    ]
    reports = Report.objects.count()
    historic = HistoricRecord.objects.filter(batch__state="done").count() + (
        HistoricCount.objects.filter(batch__state="done").aggregate(n=Sum("count"))["n"] or 0
    )
    with transaction.atomic():
        Fact.objects.all().delete()
        Fact.objects.bulk_create(facts, batch_size=2000)
        from .stats import protect_all

        protect_all()
        refresh = Refresh.objects.create(
            at=timezone.now(),
            seconds=round(time.monotonic() - started, 3),
            facts=len(facts),
            reports=reports,
            historic=historic,
        )
        Refresh.objects.filter(at__lt=refresh.at).exclude(pk=refresh.pk).delete()
    logger.info("monitor facts rebuilt: %s rows in %.1f s", len(facts), refresh.seconds)
    return refresh


def last_refresh():
    return Refresh.objects.order_by("-at").first()


# Up to this many reports the first view after installation counts at once; with more (an
# upgrade of a busy installation) it leaves the count to the task worker and says so.
COUNT_AT_ONCE = 20_000


def ensure_fresh():
    """The last refresh, counting first when there never was one; None while the task worker
    does the first count."""
    refresh = last_refresh()
    if refresh is None:
        if Report.objects.count() <= COUNT_AT_ONCE:
            return rebuild()
        from .tasks import request_refresh

        request_refresh()
        refresh = last_refresh()
    return refresh


def refresh_minutes():
    return settings.SIGNAAL_MONITOR_REFRESH_MINUTES
