"""E-mail to the reporting point about what reporters do: an answer in the mailbox goes to the
case owner (or, for a report assigned to nobody, to the whole reporting point), at once or in the
daily digest each person may choose instead (User.daily_digest). The e-mails hold a link and the
reference only: never what was reported or written, never who reported (core.mail)."""

from datetime import timedelta

from django.utils import timezone, translation

from accounts.models import Membership, Role, User
from core.mail import send_after_commit

from ..models import Author, Message, Report


def _staff():
    """Active reporting-point staff members (an active membership of an active organisation)."""
    return User.objects.filter(
        is_active=True,
        pk__in=Membership.objects.active()
        .filter(role=Role.REPORTING_POINT_STAFF)
        .values("user_id"),
    )


def answer_recipients(report):
    """Who hears of a reporter's answer: the case owner while they are still staff, otherwise the
    reporting point's team."""
    staff = _staff()
    if report.assigned_to_id:
        owner = staff.filter(pk=report.assigned_to_id)
        if owner.exists():
            return owner
    return staff


def notify_reporter_answered(report):
    """Called inside the transaction that stored the reporter's message."""
    addresses = sorted(
        answer_recipients(report).filter(daily_digest=False).values_list("email", flat=True)
    )
    if not addresses:
        return
    with translation.override("nl"):
        send_after_commit(
            "reports/email/reporter_answered", addresses, {"reference": report.reference}
        )


def send_daily_digests(now=None):
    """The daily job: one e-mail per staff member who chose the digest, listing by reference the
    reports received in the past day and the reports they own (or nobody owns) with a reporter's
    answer in that day. Nobody gets an empty digest. Returns how many were sent."""
    now = now or timezone.now()
    since = now - timedelta(days=1)
    new = list(
        Report.objects.filter(created_at__gte=since, created_at__lt=now)
        .order_by("created_at")
        .values_list("reference", flat=True)
    )
    answered = list(
        Report.objects.filter(
            pk__in=Message.objects.filter(author=Author.REPORTER, at__gte=since, at__lt=now).values(
                "report_id"
            )
        )
        .order_by("reference")
        .values_list("reference", "assigned_to_id")
    )
    staff_ids = set(_staff().values_list("pk", flat=True))
    sent = 0
    for user in _staff().filter(daily_digest=True).order_by("pk"):
        mine = [
            reference
            for reference, owner in answered
            if owner == user.pk or owner is None or owner not in staff_ids
        ]
        if not new and not mine:
            continue
        with translation.override("nl"):
            send_after_commit(
                "reports/email/daily_digest",
                [user.email],
                {"new": new, "answered": mine, "day": timezone.localdate(since)},
            )
        sent += 1
    return sent
