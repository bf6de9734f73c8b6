"""Checks for the privacy officer: the audit log's integrity and unusual access patterns."""

from collections import Counter, defaultdict
from datetime import time, timedelta

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from audit.actions import verify_chain
from audit.anchoring import read_anchors
from audit.events import PARTNER_READS, READS, Event
from audit.models import AuditEvent

from .models import AuditVerification

# Reads by a signed-in user (the reporter in their mailbox has no account).
READ_ACTIONS = sorted(READS - {Event.MAILBOX_VIEWED})


def _office_hours():
    start, end = settings.SIGNAAL_OFFICE_HOURS
    return time(start, 0), time(end, 0)


def daily_audit_check():
    anchors, unreadable = read_anchors()
    result = verify_chain(anchors)
    result.problems.extend(unreadable)
    head = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or ""
    AuditVerification.objects.create(
        at=timezone.now(),
        ok=result.ok,
        checked=result.checked,
        head=head,
        problems="\n".join(result.problems[:100]),
    )
    return "intact" if result.ok else f"NOT intact: {len(result.problems)} problem(s)"


def many_reports_per_day(days=30, threshold=None):
    """Users who opened more distinct reports on one day than the threshold."""
    threshold = threshold or settings.SIGNAAL_UNUSUAL_READS_PER_DAY
    since = timezone.now() - timedelta(days=days)
    rows = (
        AuditEvent.objects.filter(
            action__in=READ_ACTIONS, created_at__gte=since, actor__isnull=False
        )
        .annotate(day=TruncDate("created_at"))
        .values("actor__full_name", "actor__email", "day")
        .annotate(reports=Count("object_id", distinct=True))
        .filter(reports__gt=threshold)
        .order_by("-day", "-reports")
    )
    return list(rows[:100])


def outside_office_hours(days=30):
    """Reads of reports at night or in the weekend, per user."""
    since = timezone.now() - timedelta(days=days)
    counts = Counter()
    names = {}
    office_start, office_end = _office_hours()
    events = AuditEvent.objects.filter(
        action__in=READ_ACTIONS, created_at__gte=since, actor__isnull=False
    ).values_list("actor_id", "actor__full_name", "created_at")
    for actor, name, at in events.iterator():
        local = timezone.localtime(at)
        if local.weekday() >= 5 or not (office_start <= local.time() < office_end):
            counts[actor] += 1
            names[actor] = name
    return [{"name": names[actor], "reads": n} for actor, n in counts.most_common(100)]


def partner_reads_after_end(days=90):
    """Reads by partners after their referral ended: these should be impossible (the access
    module refuses them); any row here means something is wrong."""
    from reports.models import Referral

    since = timezone.now() - timedelta(days=days)
    ended = {}
    for referral in Referral.objects.exclude(state__in=["sent", "accepted"]).values(
        "pk", "completed_at", "revoked_at", "answered_at", "state"
    ):
        end = referral["completed_at"] or referral["revoked_at"]
        if referral["state"] == "declined":
            end = referral["answered_at"]
        if end:
            ended[referral["pk"]] = end
    found = defaultdict(int)
    events = AuditEvent.objects.filter(
        action__startswith="referral.", created_at__gte=since
    ).filter(action__in=sorted(PARTNER_READS))
    for event in events.values("details", "created_at", "actor__full_name"):
        referral = (event["details"] or {}).get("referral")
        if referral in ended and event["created_at"] > ended[referral]:
            found[(event["actor__full_name"], referral)] += 1
    return [
        {"name": name, "referral": referral, "reads": n} for (name, referral), n in found.items()
    ]
