"""The monitor's data: a table of pre-counted facts (rebuilt from the reports and the imported
history), the imported history itself, and the import batches."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.crypto import EncryptedBinaryField
from reports.models import Kind, Outcome, ReporterType

# An imported record may be closed without the previous registration saying how: not "still
# open" (a record with no outcome), and not one of Signaal's outcomes either.
CLOSED_UNKNOWN = "closed_unknown"
HISTORIC_OUTCOMES = [*Outcome.choices, (CLOSED_UNKNOWN, _("Closed, outcome unknown"))]
# The outcome of history counted per year only (HistoricCount): not known at all.
HISTORY_OUTCOME = "not_recorded"


class Fact(models.Model):
    """How many reports (or advice requests) of one kind had one value of one dimension in one
    month. `month` is empty for history that was only counted per year. Rebuilt by
    monitor.facts.rebuild(); never edited by hand."""

    year = models.PositiveSmallIntegerField()
    month = models.PositiveSmallIntegerField(null=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    dimension = models.CharField(max_length=12)
    value = models.CharField(max_length=40, blank=True)
    count = models.PositiveIntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["dimension", "year", "month"], name="monitor_fact_dim_period")
        ]

    def __str__(self):
        return f"{self.year}-{self.month or '*'} {self.kind} {self.dimension}={self.value}"


class ReleasedCell(models.Model):
    """One cell as the monitor releases it outside the reporting point: its count and whether it
    is shown ("") or suppressed (primary "<5", secondary "x"). Written by the recount only when
    the auditor (monitor.protection.audit) approved the whole set, and the one place every
    protected view, export, chart and quarterly overview reads its figures from."""

    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12, choices=Kind.choices)
    period = models.CharField(max_length=2)  # Y, Q1-Q4
    dimension = models.CharField(max_length=12)  # or "total"
    value = models.CharField(max_length=40, blank=True)
    count = models.PositiveIntegerField()
    state = models.CharField(max_length=10, blank=True)  # "", primary, secondary

    class Meta:
        indexes = [models.Index(fields=["year", "period"], name="monitor_released_period")]

    def __str__(self):
        return f"{self.year} {self.period} {self.kind} {self.dimension}={self.value}: {self.state}"


class Audit(models.Model):
    """The auditor's verdict at one recount: whether the new set of cells was released, the
    protection width it was checked against, and per added cell why it was suppressed (shown to
    the reporting point, monitor.views.protection_audit)."""

    at = models.DateTimeField()
    approved = models.BooleanField()
    width = models.PositiveSmallIntegerField()
    cells = models.PositiveIntegerField()  # cells released (all periods, dimensions, kinds)
    primary = models.PositiveIntegerField()
    secondary = models.PositiveIntegerField()
    rounds = models.PositiveIntegerField()  # audit rounds before the set held
    seconds = models.FloatField()
    # [{"year", "kind", "period", "dimension", "value", "count", "reason", "protects": {...}}]
    added = models.JSONField(default=list, blank=True)
    message = models.TextField(blank=True)  # why a set was not released

    class Meta:
        ordering = ["-at"]
        get_latest_by = "at"

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M}: {'approved' if self.approved else 'refused'}"


class Refresh(models.Model):
    """One rebuild of the facts: when, how long it took, how many rows."""

    at = models.DateTimeField()
    seconds = models.FloatField()
    facts = models.PositiveIntegerField()
    reports = models.PositiveIntegerField()
    historic = models.PositiveIntegerField()

    class Meta:
        ordering = ["-at"]
        get_latest_by = "at"

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M}: {self.facts} facts"


class ImportBatch(models.Model):
    """One upload of history: aggregate counts or record-level rows. All or nothing: the rows are
    only kept when every row of the file is valid."""

    class Format(models.TextChoices):
        COUNTS = "counts", _("Counts per year and form")
        RECORDS = "records", _("Records")

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Being imported")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Refused")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    format = models.CharField(_("kind of file"), max_length=8, choices=Format.choices)
    file_name = models.CharField(_("file"), max_length=200)
    source = models.CharField(_("source"), max_length=200, blank=True)
    # the uploaded file until it has been imported, encrypted: an export may hold personal columns
    content = EncryptedBinaryField(blank=True)
    uploaded_at = models.DateTimeField(_("uploaded"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    imported_rows = models.PositiveIntegerField(default=0)
    errors = models.JSONField(
        default=list, blank=True
    )  # [{"row": 3, "column": "jaar", "message": "…"}]
    finished_at = models.DateTimeField(null=True, blank=True)
    # What the rows say, whatever their order or the file's layout (history.fingerprint): the
    # same rows imported twice would count twice.
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    # Which column of the file is which of ours (monitor.history.read_header): {index as text:
    # field}; columns not in it are ignored. Empty: the file's own column names.
    mapping = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return self.file_name

    @property
    def progress(self):
        if not self.total_rows:
            return 0
        return round(100 * self.processed_rows / self.total_rows)


class ImportUpload(models.Model):
    """An uploaded file waiting for its columns to be mapped (monitor.import_views.mapping): kept
    here, readable only through the import screens of the one who uploaded it, until it is
    imported (it then becomes an ImportBatch) or discarded, or it expires after UPLOAD_HOURS."""

    format = models.CharField(max_length=8, choices=ImportBatch.Format.choices)
    file_name = models.CharField(max_length=200)
    source = models.CharField(max_length=200, blank=True)
    content = EncryptedBinaryField(blank=True)  # encrypted as ImportBatch.content
    headers = models.JSONField(default=list)  # the first row, as text
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, null=True, blank=True
    )

    class Meta:
        indexes = [models.Index(fields=["uploaded_at"], name="monitor_upload_uploaded")]

    def __str__(self):
        return self.file_name


class ImportMapping(models.Model):
    """A saved column mapping of one organisation: which column of its export is which of ours
    (or ignored), offered for the next import and applied at once when the headers match."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="import_mappings"
    )
    name = models.CharField(_("name"), max_length=100)
    format = models.CharField(max_length=8, choices=ImportBatch.Format.choices)
    # {normalised column name of the file: field of ours, or "" for ignored}
    columns = models.JSONField(default=dict)
    saved_at = models.DateTimeField()
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="monitor_mapping_unique_name"
            )
        ]

    def __str__(self):
        return self.name


class HistoricCount(models.Model):
    """An aggregate count from before Signaal: so many reports (or advice requests) of one form in
    one year, optionally for one municipality."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="counts")
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12, choices=Kind.choices)
    primary_form = models.CharField(max_length=20, blank=True)  # empty: "Leeg"
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.PROTECT, null=True, blank=True
    )
    count = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.year} {self.kind} {self.primary_form or '-'}: {self.count}"


class HistoricRecord(models.Model):
    """One report from a previous registration, with only the fields the monitor counts. The field
    names are those of reports.Report, so that the same counting serves both."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="records")
    row = models.PositiveIntegerField()  # row number in the uploaded file
    external_reference = models.CharField(max_length=50, blank=True)
    created_at = models.DateTimeField()
    kind = models.CharField(max_length=12, choices=Kind.choices)
    primary_form = models.CharField(max_length=20, blank=True)
    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.PROTECT, null=True, blank=True
    )
    sector = models.CharField(max_length=30, blank=True)
    premises_type = models.CharField(max_length=30, blank=True)
    reporter_type = models.CharField(max_length=12, choices=ReporterType.choices, blank=True)
    minor_involved = models.BooleanField(default=False)
    outcome = models.CharField(max_length=20, choices=HISTORIC_OUTCOMES, blank=True)

    class Meta:
        indexes = [models.Index(fields=["created_at"], name="monitor_record_created")]

    def __str__(self):
        return f"{self.batch_id}:{self.row}"


class PolicyTopic(models.TextChoices):
    """What the policy monitor follows per municipality: the four municipal responsibilities and
    the five themes of the Kader Aanpak Mensenhandel (VNG, 2021)."""

    SIGNALLING = "signalling", _("Signalling")
    POLICY = "policy", _("Policy")
    DIRECTION = "direction", _("Direction of the integrated approach")
    SHELTER = "shelter", _("Shelter and care for victims")
    KADER_FOUNDATION = "kader_foundation", _("Kader: policy foundation")
    KADER_SIGNALLING = "kader_signalling", _("Kader: signalling capacity")
    KADER_AWARENESS = "kader_awareness", _("Kader: awareness")
    KADER_COOPERATION = "kader_cooperation", _("Kader: cooperation in the chain and the region")
    KADER_SHELTER = "kader_shelter", _("Kader: shelter and help for victims (and perpetrators)")


RESPONSIBILITIES = [
    PolicyTopic.SIGNALLING,
    PolicyTopic.POLICY,
    PolicyTopic.DIRECTION,
    PolicyTopic.SHELTER,
]
KADER_THEMES = [
    PolicyTopic.KADER_FOUNDATION,
    PolicyTopic.KADER_SIGNALLING,
    PolicyTopic.KADER_AWARENESS,
    PolicyTopic.KADER_COOPERATION,
    PolicyTopic.KADER_SHELTER,
]


class PolicyState(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    IN_PLACE = "in_place", _("In place")


class PolicyStatus(models.Model):
    """The state of one topic in one municipality as of a date, with a note: kept by RIEC staff.
    Append-only: a new row records a change, so every quarter can be reconstructed."""

    municipality = models.ForeignKey(
        "regions.Municipality", on_delete=models.PROTECT, related_name="policy_statuses"
    )
    topic = models.CharField(_("topic"), max_length=20, choices=PolicyTopic.choices)
    state = models.CharField(_("state"), max_length=12, choices=PolicyState.choices)
    as_of = models.DateField(_("as of"))
    note = models.TextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(_("recorded"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        ordering = ["municipality", "topic", "-as_of", "-recorded_at"]
        indexes = [
            models.Index(fields=["municipality", "topic", "as_of"], name="monitor_policy_lookup")
        ]
        verbose_name = _("policy status")
        verbose_name_plural = _("policy statuses")

    def __str__(self):
        return f"{self.municipality_id} {self.topic} {self.state} {self.as_of}"
