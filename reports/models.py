"""Reports (meldingen) and advice requests (adviesvragen) as they arrive at the reporting point.

Personal data — narratives, addresses, persons, the reporter's contact details, messages and the
names of attachments — is encrypted by the application (core.crypto); a database dump alone
reveals none of it. Codes and counts the monitor needs stay readable.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.crypto import EncryptedTextField
from indicators.exploitation import split_codes


class Kind(models.TextChoices):
    REPORT = "report", pgettext_lazy("kind of submission", "Report")
    ADVICE = "advice", _("Advice request")


class Channel(models.TextChoices):
    PUBLIC = "public", _("Public form")
    PROFESSIONAL = "professional", _("Professional (signed in)")


class Status(models.TextChoices):
    NEW = "new", pgettext_lazy("report status", "New")
    TRIAGE = "triage", pgettext_lazy("report status", "In triage")
    HANDLING = "handling", pgettext_lazy("report status", "In handling")
    REFERRED = "referred", pgettext_lazy("report status", "Referred")
    CLOSED = "closed", pgettext_lazy("report status", "Closed")


class Answer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("I don't know")


class AgeGroup(models.TextChoices):
    MINOR = "minor", _("Under 18")
    ADULT = "adult", _("18 or older")
    MIXED = "mixed", _("Both minors and adults")
    UNKNOWN = "unknown", _("I don't know")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    MIXED = "mixed", _("Several, different genders")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("I don't know")


class ReporterType(models.TextChoices):
    ANONYMOUS = "anonymous", _("Anonymous")
    CITIZEN = "citizen", _("Citizen")
    PROFESSIONAL = "professional", _("Professional")


class Report(models.Model):
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    language = models.CharField(_("language of the reporter"), max_length=8)
    created_at = models.DateTimeField(_("received"), db_index=True)
    # One report per form submission, however often it is sent (double click, retry).
    idempotency_key = models.UUIDField(unique=True, editable=False)
    catalogue_version = models.ForeignKey(
        "indicators.CatalogueVersion",
        verbose_name=_("catalogue version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )

    # What
    description = EncryptedTextField(_("what was seen"))
    acute_danger = models.CharField(
        _("acute danger"), max_length=8, choices=Answer.choices, default=Answer.UNKNOWN
    )
    indicator_codes = models.CharField(_("signals"), max_length=2000, blank=True)
    suspected_form = models.CharField(
        _("suspected form of exploitation"), max_length=20, blank=True
    )

    # Where and when
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    street = EncryptedTextField(_("street"), blank=True)
    house_number = EncryptedTextField(_("house number"), blank=True)
    postcode = EncryptedTextField(_("postcode"), blank=True)
    place = EncryptedTextField(_("place or business"), blank=True)
    # Keyed hashes of the normalised postcode + house number and company, for finding reports
    # about the same address or business without storing them readably.
    address_index = models.CharField(max_length=64, blank=True, db_index=True)
    premises_type = models.CharField(_("kind of place"), max_length=30, blank=True)
    sector = models.CharField(_("sector"), max_length=30, blank=True)
    occurred_on = models.DateField(_("date"), null=True, blank=True)
    occurred_period = EncryptedTextField(_("when"), blank=True)

    # Who
    victim_count = models.PositiveSmallIntegerField(_("possible victims"), null=True, blank=True)
    age_group = models.CharField(
        _("age"), max_length=8, choices=AgeGroup.choices, default=AgeGroup.UNKNOWN
    )
    approximate_age = models.PositiveSmallIntegerField(_("approximate age"), null=True, blank=True)
    minor_involved = models.BooleanField(_("minor involved"), default=False)
    gender = models.CharField(
        _("gender"), max_length=8, choices=Gender.choices, default=Gender.UNKNOWN
    )
    nationality = EncryptedTextField(_("nationality"), blank=True)
    exploiters = EncryptedTextField(_("possible exploiters"), blank=True)
    company_name = EncryptedTextField(_("company name"), blank=True)
    company_index = models.CharField(max_length=64, blank=True, db_index=True)
    kvk_number = models.CharField(_("KvK number"), max_length=8, blank=True, db_index=True)

    # The reporter
    reporter_type = models.CharField(_("reporter"), max_length=12, choices=ReporterType.choices)
    reporter_name = EncryptedTextField(_("name"), blank=True)
    reporter_phone = EncryptedTextField(_("phone"), blank=True)
    reporter_email = EncryptedTextField(_("e-mail"), blank=True)
    reporter_function = EncryptedTextField(_("function"), blank=True)
    may_contact = models.BooleanField(_("may be contacted"), default=False)
    reporter_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation of the reporter"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    reporter_organisation_text = EncryptedTextField(_("organisation of the reporter"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submitted_reports",
    )

    # The anonymous mailbox: a code we show once (kept encrypted to show it again on the
    # confirmation page) and a passphrase the reporter chose (hashed).
    mailbox_code = EncryptedTextField(_("follow-up code"), blank=True)
    mailbox_index = models.CharField(max_length=64, blank=True, db_index=True)
    mailbox_passphrase = models.CharField(max_length=200, blank=True)
    mailbox_failures = models.PositiveSmallIntegerField(default=0)
    mailbox_locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [models.Index(fields=["kind", "status", "created_at"], name="report_inbox")]

    def __str__(self):
        return self.reference

    @property
    def indicators(self):
        return split_codes(self.indicator_codes)

    @property
    def has_mailbox(self):
        return bool(self.mailbox_index)

    @property
    def has_contact(self):
        return bool(self.reporter_name or self.reporter_phone or self.reporter_email)


class StatusChange(models.Model):
    """Append-only history of a report's status."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="history")
    at = models.DateTimeField(_("when"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    from_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.report_id}: {self.from_status} → {self.to_status}"


class Author(models.TextChoices):
    REPORTER = "reporter", _("Reporter")
    STAFF = "staff", _("Reporting point")


class Message(models.Model):
    """The conversation between the reporter and the reporting point (the mailbox)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    at = models.DateTimeField(_("when"))
    author = models.CharField(_("from"), max_length=10, choices=Author.choices)
    staff_member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    body = EncryptedTextField(_("message"))
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return f"{self.report_id}: {self.author} {self.at:%Y-%m-%d %H:%M}"


class Attachment(models.Model):
    class State(models.TextChoices):
        STORED = "stored", _("Stored")
        FAILED = "failed", _("Could not be stored")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    at = models.DateTimeField(_("received"))
    original_name = EncryptedTextField(_("file name"))
    content_type = models.CharField(_("type"), max_length=50, blank=True)
    size = models.PositiveIntegerField(_("size"), default=0)
    # Name of the encrypted file in private storage; never under MEDIA_ROOT.
    storage_name = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.STORED)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return f"{self.report_id}: {self.content_type} ({self.state})"


class ReferenceCounter(models.Model):
    """The last number handed out per prefix and year (MH-2026-000123)."""

    prefix = models.CharField(max_length=4)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="one_counter_per_year")
        ]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last}"


class ThrottleHit(models.Model):
    """One attempt counted against a rate limit (submissions per address, mailbox logins)."""

    bucket = models.CharField(max_length=20)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["bucket", "key", "at"], name="throttle_lookup")]

    def __str__(self):
        return f"{self.bucket} {self.at:%Y-%m-%d %H:%M}"


def new_idempotency_key():
    return uuid.uuid4()
