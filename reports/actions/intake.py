"""Intake: a report or advice request stored with its history row and audit event in one
transaction, its attachments one by one, the reference and the follow-up code."""

import logging
import secrets
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone, translation

from accounts.models import Membership, Role
from audit.actions import record_event
from audit.events import Event
from core import crypto
from core.mail import send_after_commit
from indicators.actions import publish_catalogue
from indicators.models import CatalogueVersion

from .. import hashers, sanitise, storage, workflow
from ..matching import normalise_code, refresh_match_keys
from ..models import (
    AgeGroup,
    Attachment,
    Kind,
    ReferenceCounter,
    Report,
    Status,
    StatusChange,
)

logger = logging.getLogger(__name__)

PREFIXES = {Kind.REPORT: "MH", Kind.ADVICE: "AV"}
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to copy by hand


@dataclass
class Submission:
    report: Report
    created: bool
    failed_files: list = field(default_factory=list)


def _next_reference(kind, now):
    prefix = PREFIXES[kind]
    year = timezone.localtime(now).year
    number = _bump_counter(prefix, year)
    if number is None:
        try:
            with transaction.atomic():
                ReferenceCounter.objects.create(prefix=prefix, year=year, last=1)
            number = 1
        except IntegrityError:  # created at the same moment by another submission
            number = _bump_counter(prefix, year)
    return f"{prefix}-{year}-{number:06d}"


def _update_returning():
    """Can an UPDATE return the updated rows here? (The same database feature as an INSERT that
    returns columns.)"""
    return connection.features.can_return_columns_from_insert


def _bump_counter(prefix, year):
    """The counter's next number (its row stays locked until the transaction ends), or None when
    the year has no counter yet. One query where the database returns updated rows
    (PostgreSQL, SQLite 3.35+)."""
    counters = ReferenceCounter.objects.filter(prefix=prefix, year=year)
    if not _update_returning():
        if not counters.update(last=F("last") + 1):
            return None
        return counters.get().last
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f'UPDATE {table} SET "last" = "last" + 1 '  # noqa: S608 - the model's own table
            'WHERE "prefix" = %s AND "year" = %s RETURNING "last"',
            [prefix, year],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def new_mailbox_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _current_catalogue():
    return CatalogueVersion.objects.order_by("-number").first() or publish_catalogue()


def _current_catalogue_id():
    """The current catalogue version without reading its snapshot (some 35 kB of JSON)."""
    pk = CatalogueVersion.objects.order_by("-number").values_list("pk", flat=True).first()
    return pk if pk is not None else publish_catalogue().pk


def minor_involved(fields):
    """A minor is involved when the reporter said so (the advice form's box), chose an age group
    with minors, or gave an age under 18: the one place this is decided."""
    age = fields.get("approximate_age")
    return bool(
        fields.get("minor_involved")
        or fields.get("age_group") in (AgeGroup.MINOR, AgeGroup.MIXED)
        or (age is not None and age < 18)
    )


def submit_report(
    *,
    fields,
    kind,
    channel,
    language,
    idempotency_key,
    actor=None,
    passphrase="",
    uploads=(),
    request=None,
):
    """Store a report (or advice request) and its history row and audit event in one transaction,
    then its attachments one by one: a file that fails is recorded as failed and named to the
    reporter, the report stands. Sending the same form twice returns the first report."""
    existing = Report.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return Submission(existing, created=False)
    fields = {**fields, "minor_involved": minor_involved(fields)}
    now = timezone.now()
    # Slow or cacheable work before the transaction: on SQLite the write lock is held from its
    # start, so it must be short.
    code = new_mailbox_code() if passphrase else ""
    passphrase_hash = hashers.hash_passphrase(passphrase) if passphrase else ""
    catalogue_id = _current_catalogue_id()
    # Read before the transaction too: the rows locked in it (reference counter, audit chain
    # head) serialise all submissions until the commit.
    staff = _staff_addresses(acute=fields.get("acute_danger") == "yes")
    try:
        with transaction.atomic():
            report = Report(
                **fields,
                kind=kind,
                channel=channel,
                language=language,
                idempotency_key=idempotency_key,
                created_at=now,
                submitted_by=actor if actor is not None and actor.is_authenticated else None,
                catalogue_version_id=catalogue_id,
            )
            if code:
                report.mailbox_code = code
                report.mailbox_index = crypto.blind_index(normalise_code(code), "mailbox")
                report.mailbox_passphrase = passphrase_hash
            report.priority = workflow.priority_for(report)
            report.deadline = workflow.deadline_for(report)
            report.reference = _next_reference(kind, now)
            report.save()
            refresh_match_keys(report, new=True)
            StatusChange.objects.create(
                report=report, at=now, actor=report.submitted_by, to_status=Status.NEW
            )
            record_event(
                Event.REPORT_SUBMITTED,
                actor=report.submitted_by,
                target=report,
                request=request,
                details={"reference": report.reference, "kind": kind, "channel": channel},
            )
            _notify_staff(report, staff)
            if report.reporter_email:
                send_after_commit(
                    "reports/email/received",
                    [report.reporter_email],
                    {"reference": report.reference, "kind": kind, "has_mailbox": bool(code)},
                )
    except IntegrityError:
        existing = Report.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return Submission(existing, created=False)
    failed = [name for name in (add_attachment(report, upload) for upload in uploads) if name]
    return Submission(report, created=True, failed_files=failed)


def _staff_addresses(*, acute=False):
    """The reporting point's staff to tell of a new report now: those who chose a daily digest
    hear of it in the digest (reports.actions.notifications), unless someone is in acute
    danger."""
    members = Membership.objects.active().filter(role=Role.REPORTING_POINT_STAFF)
    if not acute:
        members = members.exclude(user__daily_digest=True)
    return sorted(set(members.values_list("user__email", flat=True)))


def _notify_staff(report, recipients):
    if not recipients:
        return
    with translation.override("nl"):
        send_after_commit(
            "reports/email/staff_new",
            recipients,
            {
                "reference": report.reference,
                "kind": report.get_kind_display(),
                "acute": report.acute_danger == "yes",
                "minor": report.minor_involved,
            },
        )


def add_attachment(report, upload, *, message=None):
    """Store one checked upload. Returns None, or the file's name when it could not be stored."""
    name = (getattr(upload, "name", "") or "bestand")[:200]
    now = timezone.now()
    try:
        content_type = sanitise.check(upload)
        data = sanitise.clean(upload, content_type)
        storage_name = storage.save(data)
    except Exception:
        logger.exception("attachment of %s could not be stored", report.reference)
        with transaction.atomic():
            Attachment.objects.create(
                report=report,
                message=message,
                at=now,
                original_name=name,
                state=Attachment.State.FAILED,
            )
            record_event(Event.ATTACHMENT_FAILED, actor=None, target=report)
        return name
    try:
        with transaction.atomic():
            Attachment.objects.create(
                report=report,
                message=message,
                at=now,
                original_name=name,
                content_type=content_type,
                size=len(data),
                storage_name=storage_name,
            )
            record_event(
                Event.ATTACHMENT_ADDED, actor=None, target=report, details={"size": len(data)}
            )
    except Exception:
        storage.delete(storage_name)
        logger.exception("attachment of %s could not be recorded", report.reference)
        return name
    return None
