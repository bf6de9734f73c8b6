"""Retention: what expired loses its personal data; what statistics need stays.

Every rule counts days from the day a report was closed. An open report, or one under a legal
hold, is never touched. "Anonymise" keeps the report row as a tombstone: reference, kind,
channel, dates, municipality, kind of place, sector, forms of exploitation, signals, counts,
age group, minors, gender, reporter type, status and outcome — everything the monitor counts —
and removes every narrative, address, name, contact detail, person, note, message, attachment
and search key.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from audit.actions import record_event
from audit.events import Event
from reports import storage
from reports.models import Attachment, Kind, Message, Outcome, Report, Status

from .models import RecordKind, RetentionRule, RetentionRun

PERSONAL_FIELDS = [
    "description",
    "street",
    "house_number",
    "postcode",
    "place",
    "occurred_period",
    "nationality",
    "exploiters",
    "company_name",
    "kvk_number",
]
# The reporter's contact details: the model's one list (the data-subject erase clears the same),
# and "may be contacted" goes with them.
ERASED_CONTACT = {**dict.fromkeys(Report.CONTACT_FIELDS, ""), "may_contact": False}
MAILBOX_FIELDS = {
    "mailbox_code": "",
    "mailbox_index": "",
    "mailbox_passphrase": "",
    "mailbox_failures": 0,
    "mailbox_locked_until": None,
}
FOLLOW_UP = [Outcome.REFERRED_POLICE, Outcome.REFERRED_LABOUR, Outcome.REFERRED_CARE]


def _closed_before(rule, now):
    return Report.objects.filter(
        status=Status.CLOSED,
        closed_at__lt=now - timedelta(days=rule.days),
        legal_hold=False,
    )


def candidates(now=None):
    """{kind: queryset of reports (or attachments) the rule of that kind applies to now}."""
    now = now or timezone.now()
    rules = {rule.kind: rule for rule in RetentionRule.objects.all()}
    found = {}
    if RecordKind.ADVICE in rules:
        found[RecordKind.ADVICE] = _closed_before(rules[RecordKind.ADVICE], now).filter(
            kind=Kind.ADVICE, anonymised_at__isnull=True
        )
    if RecordKind.NO_FOLLOW_UP in rules:
        found[RecordKind.NO_FOLLOW_UP] = (
            _closed_before(rules[RecordKind.NO_FOLLOW_UP], now)
            .filter(kind=Kind.REPORT, anonymised_at__isnull=True)
            .exclude(outcome__in=FOLLOW_UP)
        )
    if RecordKind.REFERRED in rules:
        found[RecordKind.REFERRED] = _closed_before(rules[RecordKind.REFERRED], now).filter(
            kind=Kind.REPORT, anonymised_at__isnull=True, outcome__in=FOLLOW_UP
        )
    if RecordKind.ATTACHMENTS in rules:
        reports = _closed_before(rules[RecordKind.ATTACHMENTS], now)
        found[RecordKind.ATTACHMENTS] = Attachment.objects.filter(report__in=reports)
    if RecordKind.REPORTER_CONTACT in rules:
        reports = _closed_before(rules[RecordKind.REPORTER_CONTACT], now)
        found[RecordKind.REPORTER_CONTACT] = reports.exclude(
            **dict.fromkeys(Report.CONTACT_FIELDS, "")
        )
    if RecordKind.MAILBOX in rules:
        reports = _closed_before(rules[RecordKind.MAILBOX], now)
        found[RecordKind.MAILBOX] = reports.filter(
            ~Q(mailbox_index="") | Q(pk__in=Message.objects.values("report_id"))
        )
    return found


def _delete_attachments(queryset):
    names = list(queryset.exclude(storage_name="").values_list("storage_name", flat=True))
    deleted = queryset.delete()[0]
    # Files go after the rows: a crash in between leaves an orphan file, never a row without one.
    transaction.on_commit(lambda: [storage.delete(name) for name in names])
    return deleted


def anonymise(report, *, reason, actor=None):
    """Remove every personal detail of a report, keep the tombstone. Idempotent."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        _delete_attachments(report.attachments.all())
        report.messages.all().delete()
        report.notes.all().delete()
        report.persons.all().delete()
        report.match_keys.all().delete()
        report.subject_keys.all().delete()
        report.referrals.update(
            summary="", outcome="", contact_reason="", decline_reason="", revoke_reason=""
        )
        # Reasons written by staff may name people; the history keeps who, when and what.
        report.history.update(reason="")
        for name, value in {**dict.fromkeys(PERSONAL_FIELDS, ""), **ERASED_CONTACT}.items():
            setattr(report, name, value)
        for name, value in MAILBOX_FIELDS.items():
            setattr(report, name, value)
        report.anonymised_at = timezone.now()
        report.save()
        record_event(Event.ANONYMISED, actor=actor, target=report, reason=reason)
    return report


def _blank_contact(report, reason):
    with transaction.atomic():
        Report.objects.filter(pk=report.pk).update(**ERASED_CONTACT)
        report.refresh_from_db()
        report.subject_keys.filter(person__isnull=True).delete()
        record_event(Event.CONTACT_ERASED, actor=None, target=report, reason=reason)


def _close_mailbox(report, reason):
    with transaction.atomic():
        report.messages.all().delete()
        Report.objects.filter(pk=report.pk).update(**MAILBOX_FIELDS)
        record_event(Event.MAILBOX_ERASED, actor=None, target=report, reason=reason)


def apply_retention(*, dry_run=False, actor=None, now=None):
    """Apply every retention rule; returns (and records) what was done or would be done."""
    now = now or timezone.now()
    found = candidates(now)
    summary = {kind: found[kind].count() for kind in found}
    if not dry_run:
        reason = "retention"
        for kind in (RecordKind.ADVICE, RecordKind.NO_FOLLOW_UP, RecordKind.REFERRED):
            for report in found.get(kind, Report.objects.none()).iterator():
                anonymise(report, reason=f"{reason}: {kind}", actor=actor)
        if RecordKind.ATTACHMENTS in found:
            attachments = candidates(now)[RecordKind.ATTACHMENTS]
            with transaction.atomic():
                reports = set(attachments.values_list("report_id", flat=True))
                _delete_attachments(attachments)
                for report in Report.objects.filter(pk__in=reports):
                    record_event(
                        Event.ATTACHMENTS_ERASED, actor=actor, target=report, reason=reason
                    )
        for report in candidates(now).get(RecordKind.REPORTER_CONTACT, Report.objects.none()):
            _blank_contact(report, f"{reason}: {RecordKind.REPORTER_CONTACT}")
        for report in candidates(now).get(RecordKind.MAILBOX, Report.objects.none()):
            _close_mailbox(report, f"{reason}: {RecordKind.MAILBOX}")
    with transaction.atomic():
        run = RetentionRun.objects.create(at=now, dry_run=dry_run, actor=actor, summary=summary)
        if not dry_run:
            record_event(
                Event.RETENTION_APPLIED,
                actor=actor,
                object_type="privacy.retentionrun",
                object_id=str(run.pk),
                details=summary,
            )
    return summary


def daily_retention():
    """The daily job."""
    return apply_retention()
