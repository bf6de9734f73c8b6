"""Reports (meldingen) and advice requests (adviesvragen) as they arrive at the reporting point.

Personal data — narratives, addresses, persons, the reporter's contact details, messages and the
names of attachments — is encrypted by the application (core.crypto); a database dump alone
reveals none of it. Codes and counts the monitor needs stay readable.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
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
    REOPENED = "reopened", pgettext_lazy("report status", "Reopened")


OPEN_STATUSES = [Status.NEW, Status.TRIAGE, Status.HANDLING, Status.REFERRED, Status.REOPENED]
# Statuses in which the reporting point still has to decide (refer, handle or close): the deadline
# applies to them.
UNDECIDED_STATUSES = [Status.NEW, Status.TRIAGE, Status.REOPENED]


class Outcome(models.TextChoices):
    REFERRED_POLICE = "referred_police", _("Referred to the police")
    REFERRED_LABOUR = "referred_labour", _("Referred to the labour inspectorate")
    REFERRED_CARE = "referred_care", _("Referred to care")
    NO_INDICATION = "no_indication", _("No indication of human trafficking")
    INSUFFICIENT = "insufficient", _("Insufficient information")
    ADVICE_GIVEN = "advice_given", _("Advice given")


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    NORMAL = "normal", _("Normal")


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


class ReportQuerySet(models.QuerySet):
    """The one definition of "open" and "overdue" (Report.is_open and is_overdue say the same of
    one report), and the reports a user may handle (the access module decides)."""

    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def undecided(self):
        return self.filter(status__in=UNDECIDED_STATUSES)

    def overdue(self, today=None):
        return self.undecided().filter(deadline__lt=today or timezone.localdate())

    def visible_to(self, user):
        from accounts import access

        return self & access.reports_for(user)


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
    # The reporter's contact details, in the order they are shown: the one list that the
    # data-subject erase and the retention clear, that the case screen and a referral's contact
    # part show and the subject export lists. A new reporter_* field belongs here
    # (reports/tests/test_contact_fields.py fails otherwise).
    CONTACT_FIELDS = (
        "reporter_name",
        "reporter_phone",
        "reporter_email",
        "reporter_function",
        "reporter_organisation_text",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="submitted_reports",
    )

    # The anonymous mailbox: a code we show once (kept encrypted only until the confirmation page
    # has shown it, then erased; mailbox_index finds it) and a passphrase the reporter chose
    # (hashed). Failed sign-ins are counted in ThrottleHit per code and address; the two
    # mailbox_failures/mailbox_locked_until columns are no longer used.
    mailbox_code = EncryptedTextField(_("follow-up code"), blank=True)
    mailbox_index = models.CharField(max_length=64, blank=True, db_index=True)
    mailbox_passphrase = models.CharField(max_length=200, blank=True)
    mailbox_failures = models.PositiveSmallIntegerField(default=0)
    mailbox_locked_until = models.DateTimeField(null=True, blank=True)

    # Triage and handling by the reporting point
    primary_form = models.CharField(
        _("form of exploitation"), max_length=20, blank=True, db_index=True
    )  # empty: not (yet) determined, counted as "Leeg"
    secondary_forms = models.CharField(_("other forms"), max_length=200, blank=True)
    triage_indicator_codes = models.CharField(_("confirmed signals"), max_length=2000, blank=True)
    triaged = models.BooleanField(_("triaged"), default=False)
    priority = models.CharField(
        _("priority"), max_length=8, choices=Priority.choices, default=Priority.NORMAL
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_reports",
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    # Privacy: a legal hold stops retention; an anonymised report keeps only what statistics need.
    legal_hold = models.BooleanField(_("legal hold"), default=False)
    legal_hold_reason = models.CharField(_("reason for the legal hold"), max_length=300, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [
            models.Index(fields=["kind", "status", "created_at"], name="report_inbox"),
            models.Index(fields=["status", "deadline"], name="report_deadline"),
            models.Index(fields=["assigned_to", "status"], name="report_assigned"),
            # With the id, a page of the newest reports is found in the index alone (deep pages).
            models.Index(fields=["created_at", "id"], name="report_created_id"),
            models.Index(fields=["municipality", "created_at"], name="report_municipality"),
            # Counting a period's high-priority reports in the index alone.
            models.Index(fields=["priority", "created_at"], name="report_priority"),
            # "Past the deadline": the undecided reports in deadline order, without a sort.
            models.Index(
                fields=["deadline", "created_at"],
                condition=models.Q(status__in=UNDECIDED_STATUSES),
                name="report_undecided_deadline",
            ),
            # The work list's closed part, newest first (reports.case_views.UrgencyOrder): a deep
            # page skips its offset in this index alone, the status read from the index too. Not
            # a partial index: SQLite uses one only when the query has the condition's literal
            # values, and Django binds them as parameters (page 500 of 26,000 reports read
            # every skipped table row through the created_at index: 28 ms against 1 ms).
            models.Index(fields=["-created_at", "-id", "status"], name="report_newest_status"),
        ]

    def __str__(self):
        return self.reference

    @property
    def indicators(self):
        return split_codes(self.indicator_codes)

    @property
    def has_mailbox(self):
        return bool(self.mailbox_index)

    @property
    def confirmed_indicators(self):
        return split_codes(self.triage_indicator_codes)

    @property
    def other_forms(self):
        return split_codes(self.secondary_forms)

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self):
        return bool(
            self.deadline
            and self.status in UNDECIDED_STATUSES
            and self.deadline < timezone.localdate()
        )

    @property
    def contact_values(self):
        """The reporter's contact details that are filled in, in CONTACT_FIELDS order."""
        return [value for name in self.CONTACT_FIELDS if (value := getattr(self, name))]

    @property
    def has_contact(self):
        return bool(self.contact_values)


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


class PersonRole(models.TextChoices):
    VICTIM = "victim", _("Possible victim")
    SUSPECT = "suspect", _("Possible exploiter")
    WITNESS = "witness", _("Witness")
    OTHER = "other", _("Other")


class Person(models.Model):
    """A person named in a report, recorded by the reporting point during triage."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="persons")
    role = models.CharField(_("role"), max_length=8, choices=PersonRole.choices)
    name = EncryptedTextField(_("name"), blank=True)
    birth_date = EncryptedTextField(_("date of birth"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    description = EncryptedTextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("recorded"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self):
        return f"{self.report_id}: {self.role}"


class MatchKind(models.TextChoices):
    ADDRESS = "address", _("address")
    COMPANY = "company", _("company")
    KVK = "kvk", _("KvK number")
    PHONE = "phone", _("phone number")
    PERSON = "person", _("person")


class MatchKey(models.Model):
    """A keyed hash of something by which reports can concern the same address, business, phone
    or person. Reports that share a key are suggested as linked."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="match_keys")
    kind = models.CharField(max_length=8, choices=MatchKind.choices)
    digest = models.CharField(max_length=64)

    class Meta:
        indexes = [models.Index(fields=["kind", "digest"], name="match_lookup")]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind", "digest"], name="one_key_per_report")
        ]

    def __str__(self):
        return f"{self.report_id}: {self.kind}"


class SubjectKind(models.TextChoices):
    NAME = "name", _("name")
    BIRTH_DATE = "birth_date", _("date of birth")
    EMAIL = "email", _("e-mail")
    PHONE = "phone", _("phone")


class SubjectKey(models.Model):
    """Keyed hashes of the identifying details of a data subject (the reporter, or a person
    recorded with a report), so that a data subject's request can find everything about them
    without decrypting every report."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="subject_keys")
    person = models.ForeignKey(
        "Person", on_delete=models.CASCADE, null=True, blank=True, related_name="subject_keys"
    )
    kind = models.CharField(max_length=10, choices=SubjectKind.choices)
    digest = models.CharField(max_length=64)

    class Meta:
        indexes = [models.Index(fields=["kind", "digest"], name="subject_lookup")]

    def __str__(self):
        return f"{self.report_id}: {self.kind}"


class ReportLink(models.Model):
    """Two reports the reporting point considers related (stored once, lower id first)."""

    first = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="one_link_per_pair")
        ]

    def __str__(self):
        return f"{self.first_id} – {self.second_id}"


class Note(models.Model):
    """An internal note of the reporting point: never shared with partners or the reporter."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notes")
    at = models.DateTimeField(_("when"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    body = EncryptedTextField(_("note"))

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self):
        return f"{self.report_id}: {self.at:%Y-%m-%d %H:%M}"


class LegalBasis(models.Model):
    """A legal basis for sharing data with a partner, kept by the functional administrator."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("explanation"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    needs_consent = models.BooleanField(
        _("rests on consent"),
        default=False,
        help_text=_("Refused for an anonymous report: there is no one who can give consent."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")

    def __str__(self):
        return self.name


class ReferralState(models.TextChoices):
    SENT = "sent", pgettext_lazy("referral state", "Sent")
    ACCEPTED = "accepted", pgettext_lazy("referral state", "Accepted")
    DECLINED = "declined", pgettext_lazy("referral state", "Declined")
    COMPLETED = "completed", pgettext_lazy("referral state", "Completed")
    REVOKED = "revoked", pgettext_lazy("referral state", "Revoked")


ACTIVE_REFERRAL_STATES = [ReferralState.SENT, ReferralState.ACCEPTED]


class Referral(models.Model):
    """A hand-over to a partner organisation of exactly the parts it needs."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="referrals")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    legal_basis = models.ForeignKey(
        LegalBasis, verbose_name=_("legal basis"), on_delete=models.PROTECT
    )
    summary = EncryptedTextField(_("summary for the partner"))
    # Which persons and attachments are shared is decided per item (ReferralItem); the
    # reporter's contact details are one part, shared only with a reason.
    share_contact = models.BooleanField(_("share the reporter's contact details"), default=False)
    contact_reason = EncryptedTextField(_("reason for sharing contact details"), blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=ReferralState.choices, default=ReferralState.SENT
    )
    sent_at = models.DateTimeField(_("sent"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="referrals_sent"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_answered",
    )
    decline_reason = models.CharField(_("reason for declining"), max_length=500, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    outcome = EncryptedTextField(_("outcome reported by the partner"), blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoke_reason = models.CharField(_("reason for revoking"), max_length=500, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        indexes = [models.Index(fields=["organisation", "state"], name="referral_partner")]

    def __str__(self):
        return f"{self.report_id} → {self.organisation_id} ({self.state})"

    @property
    def is_active(self):
        return self.state in ACTIVE_REFERRAL_STATES


class ReferralItemKind(models.TextChoices):
    PERSON = "person", _("person")
    ATTACHMENT = "attachment", _("attachment")


class ReferralItem(models.Model):
    """One person or attachment of the report that the reporting point shared with the partner
    of a referral: chosen when referring, or added later by staff. Nothing of a report reaches a
    partner without a row here; removing the person or attachment removes the row."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=10, choices=ReferralItemKind.choices)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="referral_items"
    )
    attachment = models.ForeignKey(
        Attachment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="referral_items",
    )
    added_at = models.DateTimeField(_("shared"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name = _("shared item")
        verbose_name_plural = _("shared items")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="person", person__isnull=False, attachment__isnull=True)
                    | models.Q(kind="attachment", attachment__isnull=False, person__isnull=True)
                ),
                name="referral_item_one_object",
            ),
            models.UniqueConstraint(
                fields=["referral", "person"],
                condition=models.Q(person__isnull=False),
                name="referral_item_person_once",
            ),
            models.UniqueConstraint(
                fields=["referral", "attachment"],
                condition=models.Q(attachment__isnull=False),
                name="referral_item_attachment_once",
            ),
        ]

    def __str__(self):
        return f"{self.referral_id}: {self.kind} {self.person_id or self.attachment_id}"


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
