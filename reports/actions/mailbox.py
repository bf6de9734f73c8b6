"""The reporter: messages from the mailbox or 'my reports', and signing in to the anonymous
mailbox with a follow-up code and passphrase."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from audit.actions import client_ip, hash_ip, record_event
from audit.events import Event
from core import crypto

from .. import hashers
from ..matching import normalise_code
from ..models import (
    Author,
    Message,
    Report,
    ThrottleHit,
)
from .case import _where
from .intake import add_attachment
from .notifications import notify_reporter_answered

logger = logging.getLogger(__name__)


# Mailbox sign-in: failures are counted per follow-up code *and* client address (a keyed hash of
# both), so five wrong attempts close that code to that address for 15 minutes; someone else who
# knows the code cannot lock the reporter out that way. A much higher ceiling for the code from
# all addresses together closes it briefly against guessing from many addresses.
MAILBOX_FAILURES = 5
MAILBOX_LOCK = timedelta(minutes=15)
MAILBOX_CODE_FAILURES = 50
MAILBOX_CODE_LOCK = timedelta(minutes=5)


def add_reporter_message(report, body, *, actor=None, uploads=(), request=None):
    """The reporter adds information or answers a question (mailbox or 'my reports')."""
    with transaction.atomic():
        message = Message.objects.create(
            report=report, at=timezone.now(), author=Author.REPORTER, body=body
        )
        report.messages.filter(author=Author.STAFF, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        record_event(Event.REPORTER_MESSAGE, actor=actor, target=report, request=request)
        notify_reporter_answered(report)
    failed = [n for n in (add_attachment(report, u, message=message) for u in uploads) if n]
    return message, failed


def open_mailbox(request):
    """The report whose mailbox this browser signed in to (access.mailbox_report), audited as a
    read by the reporter in the same transaction; None when the session holds no mailbox."""
    from accounts import access

    with transaction.atomic():
        report = access.mailbox_report(request)
        if report is not None:
            record_event(
                Event.MAILBOX_VIEWED,
                actor=None,
                target=report,
                request=request,
                details=_where(request),
            )
    return report


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
            record_event(Event.MAILBOX_SIGNED_IN, actor=None, target=report, request=request)
            return report
        if not closed:
            ThrottleHit.objects.bulk_create(
                [
                    ThrottleHit(bucket="mailbox-pair", key=pair_key, at=now),
                    ThrottleHit(bucket="mailbox-code", key=code_key, at=now),
                ]
            )
        record_event(
            Event.MAILBOX_SIGN_IN_FAILED,
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
            record_event(Event.MAILBOX_CODE_SHOWN, actor=None, target=report, request=request)
    return code
