"""The reporting point at work on a case: the audited fetch every staff screen uses, status,
triage, persons, links, notes and messages. Every change and every read writes its audit event in
the same transaction."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.actions import record_event
from audit.events import Event
from core.mail import send_after_commit
from indicators.exploitation import join_codes

from .. import storage, workflow
from ..matching import refresh_match_keys
from ..models import (
    Author,
    Message,
    Note,
    Person,
    Report,
    ReportLink,
    Status,
    StatusChange,
)

logger = logging.getLogger(__name__)


def _where(request):
    """Which screen and method a read came through, for the access log."""
    if request is None:
        return {}
    match = getattr(request, "resolver_match", None)
    return {"view": match.view_name if match else "", "method": request.method}


def open_report(
    reference,
    *,
    actor,
    request=None,
    rule="reports.handle",
    queryset=None,
    event=Event.REPORT_OPENED,
    details=None,
):
    """The one way a view gets a report for a user: fetched under the access rule (404 when it
    does not exist or is not the user's) and audited as a read in the same transaction, before
    anything of it can be shown. Every response built from it, an error re-render included, has
    its read event."""
    from accounts import access

    queryset = access.reports_for(actor) if queryset is None else queryset
    with transaction.atomic():
        report = access.get_for(actor, rule, queryset, reference=reference)
        record_event(
            event,
            actor=actor,
            target=report,
            request=request,
            details={**_where(request), **(details or {})},
        )
    return report


def reveal_contact(report, *, actor, request=None):
    with transaction.atomic():
        record_event(Event.CONTACT_REVEALED, actor=actor, target=report, request=request)


def read_attachment(attachment, *, actor, request=None):
    with transaction.atomic():
        record_event(
            Event.ATTACHMENT_DOWNLOADED,
            actor=actor,
            target=attachment.report,
            request=request,
            details={"attachment": attachment.pk},
        )
    return storage.read(attachment.storage_name)


def send_staff_message(report, body, *, actor, request=None):
    """A question or answer from the reporting point to the reporter."""
    with transaction.atomic():
        message = Message.objects.create(
            report=report, at=timezone.now(), author=Author.STAFF, staff_member=actor, body=body
        )
        record_event(Event.MESSAGE_SENT, actor=actor, target=report, request=request)
        recipient = _reporter_address(report)
        if recipient:
            with translation.override(report.language):
                send_after_commit(
                    "reports/email/new_message",
                    [recipient],
                    {"reference": report.reference, "professional": report.submitted_by_id},
                )
    return message


def _reporter_address(report):
    if report.submitted_by_id:
        return report.submitted_by.email
    if report.reporter_email and report.may_contact and report.has_mailbox:
        return report.reporter_email
    return ""


def mark_read_by_staff(report):
    report.messages.filter(author=Author.REPORTER, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def _lock(report):
    return Report.objects.select_for_update().get(pk=report.pk)


def change_status(report, to_status, *, actor, reason="", outcome="", request=None):
    """Move a report along the table in workflow.TRANSITIONS; closing needs an outcome."""
    with transaction.atomic():
        current = _lock(report)
        if not workflow.allowed(current.status, to_status):
            raise ValidationError(
                _("A report cannot go from “%(from)s” to “%(to)s”.")
                % {"from": current.get_status_display(), "to": Status(to_status).label}
            )
        if to_status == Status.CLOSED and not outcome:
            raise ValidationError(_("Choose the outcome to close this report."))
        now = timezone.now()
        StatusChange.objects.create(
            report=current,
            at=now,
            actor=actor,
            from_status=current.status,
            to_status=to_status,
            reason=reason,
        )
        changes = {"status": to_status}
        if to_status == Status.CLOSED:
            changes.update(outcome=outcome, closed_at=now)
        elif to_status == Status.REOPENED:
            changes.update(
                outcome="", closed_at=None, deadline=workflow.deadline_for(current, since=now)
            )
        Report.objects.filter(pk=current.pk).update(**changes)
        record_event(
            Event.STATUS_CHANGED,
            actor=actor,
            target=current,
            request=request,
            reason=reason,
            details={"from": current.status, "to": to_status, "outcome": outcome},
        )
    for name, value in changes.items():
        setattr(report, name, value)
    return report


def save_triage(
    report,
    *,
    actor,
    primary_form,
    secondary_forms,
    indicator_codes,
    priority,
    assigned_to,
    request=None,
):
    """Record the reporting point's weighing of a report; a new report goes into triage."""
    with transaction.atomic():
        current = _lock(report)
        changes = {
            "primary_form": primary_form or "",
            "secondary_forms": join_codes(set(secondary_forms) - {primary_form}),
            "triage_indicator_codes": join_codes(indicator_codes),
            "priority": priority,
            "deadline": workflow.deadline_for(current, priority),
            "assigned_to": assigned_to,
            "triaged": True,
        }
        Report.objects.filter(pk=current.pk).update(**changes)
        record_event(
            Event.TRIAGED,
            actor=actor,
            target=current,
            request=request,
            details={
                "primary_form": changes["primary_form"],
                "secondary_forms": changes["secondary_forms"],
                "priority": priority,
                "assigned_to": assigned_to.pk if assigned_to else None,
                "indicators": changes["triage_indicator_codes"],
            },
        )
        if current.status == Status.NEW:
            change_status(current, Status.TRIAGE, actor=actor, request=request)
    report.refresh_from_db()
    return report


def add_person(report, *, actor, request=None, **fields):
    with transaction.atomic():
        person = Person.objects.create(
            report=report, created_by=actor, created_at=timezone.now(), **fields
        )
        refresh_match_keys(report)
        record_event(
            Event.PERSON_ADDED,
            actor=actor,
            target=report,
            request=request,
            details={"person": person.pk, "role": person.role},
        )
    return person


def remove_person(person, *, actor, request=None):
    report = person.report
    with transaction.atomic():
        record_event(
            Event.PERSON_REMOVED,
            actor=actor,
            target=report,
            request=request,
            details={"person": person.pk},
        )
        person.delete()
        refresh_match_keys(report)


def link(report, other, *, actor, reason="", request=None):
    if report.pk == other.pk:
        raise ValidationError(_("A report cannot be linked to itself."))
    first, second = sorted([report, other], key=lambda r: r.pk)
    with transaction.atomic():
        created = ReportLink.objects.get_or_create(
            first=first,
            second=second,
            defaults={"created_by": actor, "created_at": timezone.now(), "reason": reason},
        )[1]
        if created:
            for target, to in ((report, other), (other, report)):
                record_event(
                    Event.LINKED,
                    actor=actor,
                    target=target,
                    request=request,
                    reason=reason,
                    details={"other": to.reference},
                )
    return created


def unlink(report, other, *, actor, request=None):
    first, second = sorted([report, other], key=lambda r: r.pk)
    with transaction.atomic():
        deleted = ReportLink.objects.filter(first=first, second=second).delete()[0]
        if deleted:
            for target, to in ((report, other), (other, report)):
                record_event(
                    Event.UNLINKED,
                    actor=actor,
                    target=target,
                    request=request,
                    details={"other": to.reference},
                )
    return bool(deleted)


def add_note(report, body, *, actor, request=None):
    with transaction.atomic():
        note = Note.objects.create(report=report, author=actor, at=timezone.now(), body=body)
        record_event(Event.NOTE_ADDED, actor=actor, target=report, request=request)
    return note
