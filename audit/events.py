"""Every kind of audit event, in one place: writers pass `Event.X` to record_event() (which refuses
any other name), readers (the privacy officer's checks, the access log, tests) use the same
members. The label is what the access log shows next to the code."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    # accounts
    ACCOUNT_ACTIVATED = "accounts.activated", _("Account activated")
    ACTIVATION_RESENT = "accounts.activation_resent", _("Activation link sent again")
    BACKUP_CODES_REGENERATED = "accounts.backup_codes_regenerated", _("Backup codes renewed")
    LOGIN = "accounts.login", _("Signed in")
    LOGIN_FAILED = "accounts.login_failed", _("Sign-in failed")
    LOGOUT = "accounts.logout", _("Signed out")
    PASSWORD_CHANGED = "accounts.password_changed", _("Password changed")
    NOTIFICATIONS_CHANGED = "accounts.notifications_changed", _("E-mail preference changed")
    REQUEST_APPROVED = "accounts.request_approved", _("Account request approved")
    REQUEST_FOR_EXISTING_ACCOUNT = (
        "accounts.request_for_existing_account",
        _("Account requested for an existing account"),
    )
    REQUEST_LINK_RESENT = "accounts.request_link_resent", _("Account request link sent again")
    REQUEST_REJECTED = "accounts.request_rejected", _("Account request rejected")
    REQUEST_REPEATED = "accounts.request_repeated", _("Account requested again")
    REQUEST_SUBMITTED = "accounts.request_submitted", _("Account requested")
    REQUEST_VERIFIED = "accounts.request_verified", _("Account request e-mail confirmed")
    ROLE_GRANT_APPROVED = "accounts.role_grant_approved", _("Role grant approved")
    ROLE_GRANT_REFUSED = "accounts.role_grant_refused", _("Role grant refused")
    ROLE_GRANT_REQUESTED = "accounts.role_grant_requested", _("Role grant requested")
    ROLE_GRANTED = "accounts.role_granted", _("Role granted")
    ROLE_REVOKED = "accounts.role_revoked", _("Role revoked")
    TWO_FACTOR_ENROLLED = "accounts.two_factor_enrolled", _("Two-factor login set up")
    TWO_FACTOR_RESET = "accounts.two_factor_reset", _("Two-factor login reset")
    # the platform admin's screens
    ADMIN_ADDED = "admin.added", _("Added in the admin")
    ADMIN_CHANGED = "admin.changed", _("Changed in the admin")
    ADMIN_DELETED = "admin.deleted", _("Deleted in the admin")
    # the audit log itself, backups
    AUDIT_EXPORTED = "audit.exported", _("Audit log exported")
    AUDIT_CHAIN_SEALED = "audit.chain_sealed", _("Audit log sealed with keyed hashes")
    BACKUP_RESTORED = "backup.restored", _("Backup restored")
    # the knowledge base
    DOCUMENT_DOWNLOADED = "content.document_downloaded", _("Restricted document downloaded")
    LINK_SHARED = "content.link_shared", _("Link shared")
    # the reporter's mailbox
    MAILBOX_CODE_SHOWN = "mailbox.code_shown", _("Follow-up code shown")
    MAILBOX_SIGN_IN_FAILED = "mailbox.sign_in_failed", _("Mailbox sign-in failed")
    MAILBOX_SIGNED_IN = "mailbox.signed_in", _("Signed in to the mailbox")
    MAILBOX_VIEWED = "mailbox.viewed", _("Mailbox read by the reporter")
    # the monitor
    MONITOR_EXPORTED = "monitor.exported", _("Monitor exported")
    IMPORT_COMPLETED = "monitor.import_completed", _("History import completed")
    IMPORT_FAILED = "monitor.import_failed", _("History import failed")
    IMPORT_UPLOADED = "monitor.import_uploaded", _("History file uploaded")
    IMPORT_RECEIVED = "monitor.import_received", _("History file received for its column mapping")
    IMPORT_DISCARDED = "monitor.import_discarded", _("Uploaded history file discarded")
    IMPORT_MAPPING_SAVED = "monitor.import_mapping_saved", _("Column mapping of an import saved")
    IMPORT_WITHDRAWN = "monitor.import_withdrawn", _("History import withdrawn")
    POLICY_RECORDED = "monitor.policy_recorded", _("Policy status recorded")
    # the privacy officer
    LEGAL_HOLD_LIFTED = "privacy.legal_hold_lifted", _("Legal hold lifted")
    LEGAL_HOLD_SET = "privacy.legal_hold_set", _("Legal hold set")
    PERSON_CORRECTED = "privacy.person_corrected", _("Person's details corrected")
    PERSON_ERASED = "privacy.person_erased", _("Person's details erased")
    REPORTER_CORRECTED = "privacy.reporter_corrected", _("Reporter's details corrected")
    REPORTER_ERASED = "privacy.reporter_erased", _("Reporter's details erased")
    SUBJECT_EXPORTED = "privacy.subject_exported", _("Data subject's data exported")
    SUBJECT_SEARCHED = "privacy.subject_searched", _("Data subject searched")
    RETENTION_APPLIED = "retention.applied", _("Retention applied")
    # referrals
    REFERRAL_SENT = "referral.sent", _("Referral sent")
    REFERRAL_ACCEPTED = "referral.accepted", _("Referral accepted")
    REFERRAL_DECLINED = "referral.declined", _("Referral declined")
    REFERRAL_COMPLETED = "referral.completed", _("Referral completed")
    REFERRAL_REVOKED = "referral.revoked", _("Referral revoked")
    REFERRAL_REMINDED = "referral.reminded", _("Referral reminder sent")
    REFERRAL_ITEMS_SHARED = "referral.items_shared", _("Items added to a referral")
    REFERRAL_VIEWED = "referral.viewed", _("Referral read by the partner")
    REFERRAL_ATTACHMENT_DOWNLOADED = (
        "referral.attachment_downloaded",
        _("Attachment downloaded by the partner"),
    )
    # reports
    REPORT_SUBMITTED = "report.submitted", _("Report received")
    REPORT_OPENED = "report.opened", _("Report read")
    ACCESS_LOG_VIEWED = "report.access_log_viewed", _("Access log read")
    CONTACT_REVEALED = "report.contact_revealed", _("Reporter's contact details shown")
    ATTACHMENT_ADDED = "report.attachment_added", _("Attachment added")
    ATTACHMENT_FAILED = "report.attachment_failed", _("Attachment could not be stored")
    ATTACHMENT_DOWNLOADED = "report.attachment_downloaded", _("Attachment downloaded")
    STATUS_CHANGED = "report.status_changed", _("Status changed")
    TRIAGED = "report.triaged", _("Triage saved")
    PERSON_ADDED = "report.person_added", _("Person added")
    PERSON_REMOVED = "report.person_removed", _("Person removed")
    LINKED = "report.linked", _("Reports linked")
    UNLINKED = "report.unlinked", _("Link removed")
    NOTE_ADDED = "report.note_added", _("Note added")
    MESSAGE_SENT = "report.message_sent", _("Message sent to the reporter")
    REPORTER_MESSAGE = "report.reporter_message", _("Message from the reporter")
    ANONYMISED = "report.anonymised", _("Report anonymised")
    ATTACHMENTS_ERASED = "report.attachments_erased", _("Attachments erased")
    CONTACT_ERASED = "report.contact_erased", _("Reporter's contact details erased")
    MAILBOX_ERASED = "report.mailbox_erased", _("Mailbox erased")


# Every name, for the check in record_event (TextChoices.values builds a new list on every use).
NAMES = frozenset(Event.values)

# Reads of a report's personal data: the privacy officer's checks count these.
READS = frozenset(
    {
        Event.REPORT_OPENED,
        Event.CONTACT_REVEALED,
        Event.ATTACHMENT_DOWNLOADED,
        Event.MAILBOX_VIEWED,
        Event.REFERRAL_VIEWED,
        Event.REFERRAL_ATTACHMENT_DOWNLOADED,
    }
)
# Reads by a partner's case worker.
PARTNER_READS = frozenset({Event.REFERRAL_VIEWED, Event.REFERRAL_ATTACHMENT_DOWNLOADED})
