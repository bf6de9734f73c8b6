"""The start screen after login: per role what is waiting, with a link to each.

Single-role users whose work lives on one screen go straight there (the analyst to the monitor,
the editor to the CMS, the privacy officer to the privacy dashboard); everyone else sees the
sections of their roles, the reporting point and partners with counts. Counts only: no report
content is shown here, so nothing is read that needs an audit event."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import access
from .models import Role

# Roles whose start is another screen, when they are the user's only role.
STRAIGHT_TO = {
    Role.ANALYST: "monitor:dashboard",
    Role.EDITOR: "wagtailadmin_home",
    Role.PRIVACY_OFFICER: "privacy:dashboard",
}


def straight_to(user):
    """The URL to send a user with one such role to, or None."""
    roles = access.roles(user)
    if len(roles) == 1:
        (role,) = roles
        if role in STRAIGHT_TO:
            return reverse(STRAIGHT_TO[role])
    return None


def _count(count, text, url):
    return {"count": count, "text": text, "url": url}


def reporting_point(user):
    from django.db.models import Q

    from reports.models import (
        OPEN_STATUSES,
        UNDECIDED_STATUSES,
        Answer,
        Author,
        Message,
        Referral,
        ReferralState,
        Status,
    )

    reports = access.reports_for(user)
    today = timezone.localdate()
    counts = reports.filter(status__in=OPEN_STATUSES).aggregate(
        new=_n(Q(status=Status.NEW)),
        overdue=_n(Q(status__in=UNDECIDED_STATUSES, deadline__lt=today)),
        acute=_n(Q(acute_danger=Answer.YES)),
        mine=_n(Q(assigned_to=user)),
    )
    unread = (
        Message.objects.filter(report__in=reports, author=Author.REPORTER, read_at__isnull=True)
        .values("report_id")
        .distinct()
        .count()
    )
    waiting = Referral.objects.filter(report__in=reports, state=ReferralState.SENT).count()
    inbox = reverse("reports:inbox")
    return [
        _count(
            counts["acute"],
            ngettext(
                "open report with acute danger", "open reports with acute danger", counts["acute"]
            ),
            f"{inbox}?acute=on&open=on",
        ),
        _count(
            counts["overdue"],
            ngettext("report past its deadline", "reports past their deadline", counts["overdue"]),
            f"{inbox}?overdue=on&sort=deadline",
        ),
        _count(
            counts["new"],
            ngettext("new report", "new reports", counts["new"]),
            f"{inbox}?status=new",
        ),
        _count(
            unread,
            ngettext("report with new messages", "reports with new messages", unread),
            f"{inbox}?unread=on",
        ),
        _count(
            waiting,
            ngettext(
                "referral waiting for the partner", "referrals waiting for the partner", waiting
            ),
            f"{inbox}?status=referred&sort=deadline",
        ),
        _count(
            counts["mine"],
            ngettext("open report assigned to you", "open reports assigned to you", counts["mine"]),
            f"{inbox}?assigned=me&open=on&sort=deadline",
        ),
    ]


def _n(condition):
    from django.db.models import Count

    return Count("id", filter=condition)


def partner(user):
    from reports.models import ReferralState

    referrals = access.referrals_for(user)
    new = referrals.filter(state=ReferralState.SENT).count()
    accepted = referrals.filter(state=ReferralState.ACCEPTED).count()
    url = reverse("reports:partner_list")
    return [
        _count(
            new,
            ngettext("new referral", "new referrals", new),
            url,
        ),
        _count(
            accepted,
            ngettext("open referral", "open referrals", accepted),
            url,
        ),
    ]


def sections(user):
    """[(title, counts, links)] for the user's roles, in a fixed order."""
    roles = access.roles(user)
    found = []
    if Role.REPORTING_POINT_STAFF in roles:
        found.append(
            {
                "title": _("The reporting point today"),
                "counts": reporting_point(user),
                "links": [(_("Work list, most urgent first"), reverse("reports:inbox"))],
            }
        )
    if Role.PARTNER_CASE_WORKER in roles:
        found.append(
            {
                "title": _("Referrals to your organisation"),
                "counts": partner(user),
                "links": [(_("All referrals"), reverse("reports:partner_list"))],
            }
        )
    links = []
    if Role.ANALYST in roles:
        links.append((_("Monitor"), reverse("monitor:dashboard")))
    if Role.EDITOR in roles:
        links.append((_("Edit content"), reverse("wagtailadmin_home")))
    if Role.PRIVACY_OFFICER in roles:
        links.append((_("Privacy dashboard"), reverse("privacy:dashboard")))
    if roles & {Role.ORGANISATION_ADMIN, Role.PLATFORM_ADMIN}:
        links.append((_("Account requests"), reverse("accounts:review_list")))
        links.append((_("People"), reverse("accounts:people")))
    if Role.PLATFORM_ADMIN in roles:
        links.append((_("Administration"), reverse("admin:index")))
    if Role.PROFESSIONAL in roles or not roles:
        links.append((_("Make a report"), reverse("reports:professional_report")))
        links.append((_("My reports"), reverse("reports:my_reports")))
    if links:
        found.append({"title": _("Your work"), "counts": [], "links": links})
    return found
