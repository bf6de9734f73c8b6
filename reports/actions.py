"""Everything that changes a report or reads its sensitive parts happens here, with its audit
event in the same transaction."""

import logging
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone, translation

from accounts.models import Membership, Role
from audit.actions import client_ip, hash_ip, record_event
from core import crypto
from core.mail import send_after_commit
from indicators.actions import publish_catalogue
from indicators.models import CatalogueVersion

from . import hashers, sanitise, storage, workflow
from .models import (
    Attachment,
    Author,
    Kind,
    MatchKey,
    Message,
    ReferenceCounter,
    Report,
    Status,
    StatusChange,
    SubjectKey,
    ThrottleHit,
)

logger = logging.getLogger(__name__)

PREFIXES = {Kind.REPORT: "MH", Kind.ADVICE: "AV"}
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: easy to copy by hand
# Mailbox sign-in: failures are counted per follow-up code *and* client address (a keyed hash of
# both), so five wrong attempts close that code to that address for 15 minutes; someone else who
# knows the code cannot lock the reporter out that way. A much higher ceiling for the code from
# all addresses together closes it briefly against guessing from many addresses.
MAILBOX_FAILURES = 5
MAILBOX_LOCK = timedelta(minutes=15)
MAILBOX_CODE_FAILURES = 50
MAILBOX_CODE_LOCK = timedelta(minutes=5)


# --- normalisation for finding equal values ------------------------------------------------------


def normalise_postcode(postcode):
    return re.sub(r"\s+", "", postcode or "").upper()


def normalise_house_number(number):
    return re.sub(r"[\s-]+", "", number or "").upper()


def normalise_company(name):
    text = unicodedata.normalize("NFKD", name or "").casefold()
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(
        r"\b(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|holding|ltd|gmbh|sp\.? z o\.?o\.?)\b", "", text
    )
    return re.sub(r"[^0-9a-z]+", "", text)


def refresh_match_keys(report, *, new=False):
    """Store the keys by which other reports about the same address, business, phone number or
    person are found (see workflow.match_keys), and the keys by which a data subject's request
    finds the reporter and the persons recorded (workflow.subject_keys)."""
    wanted = workflow.match_keys(report, persons=() if new else None)
    existing = set() if new else set(report.match_keys.values_list("kind", "digest"))
    if existing - wanted:
        for kind, digest in existing - wanted:
            report.match_keys.filter(kind=kind, digest=digest).delete()
    MatchKey.objects.bulk_create(
        [MatchKey(report=report, kind=kind, digest=digest) for kind, digest in wanted - existing]
    )
    if not new:
        report.subject_keys.all().delete()
    SubjectKey.objects.bulk_create(
        [
            SubjectKey(report=report, person=person, kind=kind, digest=digest)
            for person, kind, digest in workflow.subject_keys(report, persons=() if new else None)
        ]
    )


def normalise_code(code):
    return re.sub(r"[^0-9A-Z]", "", (code or "").upper())


# --- rate limits -------------------------------------------------------------------------------


def throttled(bucket, request, limit, *, per=timedelta(hours=1), key=None):
    """Count one attempt for the client (or `key`); True when the limit is exceeded. Runs in its
    own small transaction so a refused attempt is still counted."""
    key = key or hash_ip(client_ip(request)) or "unknown"
    now = timezone.now()
    with transaction.atomic():
        recent = ThrottleHit.objects.filter(bucket=bucket, key=key, at__gte=now - per).count()
        if recent >= limit:
            return True
        ThrottleHit.objects.create(bucket=bucket, key=key, at=now)
    return False


def prune_throttle(older_than=timedelta(days=1)):
    return ThrottleHit.objects.filter(at__lt=timezone.now() - older_than).delete()[0]


# --- submission --------------------------------------------------------------------------------


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


def submit_report(
    *,
    fields,
    kind,
    channel,
    language,
    idempotency_key,
    user=None,
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
    now = timezone.now()
    # Slow or cacheable work before the transaction: on SQLite the write lock is held from its
    # start, so it must be short.
    code = new_mailbox_code() if passphrase else ""
    passphrase_hash = hashers.hash_passphrase(passphrase) if passphrase else ""
    catalogue_id = _current_catalogue_id()
    # Read before the transaction too: the rows locked in it (reference counter, audit chain
    # head) serialise all submissions until the commit.
    staff = _staff_addresses()
    try:
        with transaction.atomic():
            report = Report(
                **fields,
                kind=kind,
                channel=channel,
                language=language,
                idempotency_key=idempotency_key,
                created_at=now,
                submitted_by=user if user is not None and user.is_authenticated else None,
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
                "report.submitted",
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


def _staff_addresses():
    return sorted(
        set(
            Membership.objects.active()
            .filter(role=Role.REPORTING_POINT_STAFF)
            .values_list("user__email", flat=True)
        )
    )


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
            record_event("report.attachment_failed", actor=None, target=report)
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
                "report.attachment_added", actor=None, target=report, details={"size": len(data)}
            )
    except Exception:
        storage.delete(storage_name)
        logger.exception("attachment of %s could not be recorded", report.reference)
        return name
    return None


# --- the reporting point -------------------------------------------------------------------------


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
    event="report.opened",
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


def open_mailbox(request):
    """The report whose mailbox this browser signed in to (access.mailbox_report), audited as a
    read by the reporter in the same transaction; None when the session holds no mailbox."""
    from accounts import access

    with transaction.atomic():
        report = access.mailbox_report(request)
        if report is not None:
            record_event(
                "mailbox.viewed",
                actor=None,
                target=report,
                request=request,
                details=_where(request),
            )
    return report


def reveal_contact(report, *, actor, request=None):
    with transaction.atomic():
        record_event("report.contact_revealed", actor=actor, target=report, request=request)


def read_attachment(attachment, *, actor, request=None):
    with transaction.atomic():
        record_event(
            "report.attachment_downloaded",
            actor=actor,
            target=attachment.report,
            request=request,
            details={"attachment": attachment.pk},
        )
    return storage.read(attachment.storage_name)


def send_staff_message(report, user, body, request=None):
    """A question or answer from the reporting point to the reporter."""
    with transaction.atomic():
        message = Message.objects.create(
            report=report, at=timezone.now(), author=Author.STAFF, staff_member=user, body=body
        )
        record_event("report.message_sent", actor=user, target=report, request=request)
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


# --- the reporter ------------------------------------------------------------------------------


def add_reporter_message(report, body, *, uploads=(), user=None, request=None):
    """The reporter adds information or answers a question (mailbox or 'my reports')."""
    with transaction.atomic():
        message = Message.objects.create(
            report=report, at=timezone.now(), author=Author.REPORTER, body=body
        )
        report.messages.filter(author=Author.STAFF, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        record_event("report.reporter_message", actor=user, target=report, request=request)
    failed = [n for n in (add_attachment(report, u, message=message) for u in uploads) if n]
    return message, failed


def _mailbox_keys(index, request):
    """The throttle keys of one sign-in attempt: the code with the client's address, and the
    code alone. Both keyed hashes: neither the code nor the address is stored."""
    address = hash_ip(client_ip(request)) or "unknown"
    code_key = index or crypto.blind_index("-", "mailbox")
    return crypto.blind_index(f"{code_key}:{address}", "mailbox-pair"), code_key


def _mailbox_closed(pair_key, code_key, now):
    pair = ThrottleHit.objects.filter(
        bucket="mailbox-pair", key=pair_key, at__gte=now - MAILBOX_LOCK
    ).count()
    if pair >= MAILBOX_FAILURES:
        return True
    everyone = ThrottleHit.objects.filter(
        bucket="mailbox-code", key=code_key, at__gte=now - MAILBOX_CODE_LOCK
    ).count()
    return everyone >= MAILBOX_CODE_FAILURES


def mailbox_sign_in(code, passphrase, request=None):
    """The report behind a follow-up code and passphrase, or None — the same None, after the
    same work (one passphrase check), for an unknown code, a wrong passphrase and a closed
    mailbox, so an answer tells nothing about whether a code exists. Failures are counted per
    code and address (MAILBOX_FAILURES in MAILBOX_LOCK close the code to that address) and per
    code (MAILBOX_CODE_FAILURES in MAILBOX_CODE_LOCK close it to everyone, briefly). Attempts on
    a closed mailbox are not counted, so a closed pair opens again on time. Every attempt is
    audited."""
    index = crypto.blind_index(normalise_code(code), "mailbox")
    report = Report.objects.filter(mailbox_index=index).first() if index else None
    now = timezone.now()
    pair_key, code_key = _mailbox_keys(index, request)
    closed = _mailbox_closed(pair_key, code_key, now)
    if report is None:
        hashers.spend_time_like_a_check(passphrase)
        matches = False
    else:
        matches = hashers.verify_passphrase(passphrase, report.mailbox_passphrase)
    with transaction.atomic():
        if matches and not closed:
            ThrottleHit.objects.filter(bucket="mailbox-pair", key=pair_key).delete()
            record_event("mailbox.signed_in", actor=None, target=report, request=request)
            return report
        if not closed:
            ThrottleHit.objects.bulk_create(
                [
                    ThrottleHit(bucket="mailbox-pair", key=pair_key, at=now),
                    ThrottleHit(bucket="mailbox-code", key=code_key, at=now),
                ]
            )
        record_event(
            "mailbox.sign_in_failed",
            actor=None,
            target=report,
            request=request,
            details={"closed": closed} if report is not None else {"known_code": False},
        )
    return None


def take_mailbox_code(report, request=None):
    """The follow-up code, for the confirmation page to show once: it is erased in the same
    transaction (the caller renders the page inside it), so a reload, a replayed link or a
    replayed form never shows it again. Only its keyed hash stays, for signing in."""
    with transaction.atomic():
        fresh = Report.objects.select_for_update().only("pk", "mailbox_code").get(pk=report.pk)
        code = fresh.mailbox_code
        if code:
            Report.objects.filter(pk=report.pk).update(mailbox_code="")
            record_event("mailbox.code_shown", actor=None, target=report, request=request)
    return code
