"""Every audited change of a report, and every audited read of its personal data, is a function
here: `verb(obj, ..., *, actor, request=None)`, one transaction, the audit event written inside it.

- intake: a report or advice request received, its attachments
- case: the audited fetch of a case for staff, status, triage, persons, links, notes, messages
- referrals: referring to partners, sharing per item, the partner's answers and audited reads
- mailbox: the reporter's messages and the anonymous mailbox
- notifications: e-mail to the reporting point about reporters' answers, the daily digest
"""

from .case import (
    add_note,
    add_person,
    change_status,
    link,
    mark_read_by_staff,
    open_report,
    read_attachment,
    remove_person,
    reveal_contact,
    save_triage,
    send_staff_message,
    unlink,
)
from .intake import Submission, add_attachment, new_mailbox_code, submit_report
from .mailbox import (
    add_reporter_message,
    mailbox_sign_in,
    open_mailbox,
    take_mailbox_code,
)
from .notifications import send_daily_digests
from .referrals import (
    accept,
    complete,
    decline,
    open_referral,
    open_referral_attachment,
    partner_read,
    refer,
    revoke,
    send_referral_reminders,
    share_items,
)

__all__ = [
    "Submission",
    "accept",
    "add_attachment",
    "add_note",
    "add_person",
    "add_reporter_message",
    "change_status",
    "complete",
    "decline",
    "link",
    "mailbox_sign_in",
    "mark_read_by_staff",
    "new_mailbox_code",
    "open_mailbox",
    "open_referral",
    "open_referral_attachment",
    "open_report",
    "partner_read",
    "read_attachment",
    "refer",
    "remove_person",
    "reveal_contact",
    "revoke",
    "save_triage",
    "send_daily_digests",
    "send_referral_reminders",
    "send_staff_message",
    "share_items",
    "submit_report",
    "take_mailbox_code",
    "unlink",
]
