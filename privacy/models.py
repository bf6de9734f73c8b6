"""Retention of personal data and the checks a privacy officer relies on."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RecordKind(models.TextChoices):
    ADVICE = "advice", _("Advice requests (after closing)")
    NO_FOLLOW_UP = "no_follow_up", _("Reports closed without follow-up (after closing)")
    REFERRED = "referred", _("Referred reports (after closing)")
    ATTACHMENTS = "attachments", _("Attachments (after closing)")
    REPORTER_CONTACT = "reporter_contact", _("Reporter's contact details (after closing)")
    MAILBOX = "mailbox", _("Mailbox messages and access (after closing)")


class RetentionRule(models.Model):
    """How long a kind of record keeps its personal data, counted from the day the report was
    closed. Kept by the functional administrator; defaults and rationale in docs/privacy.md."""

    kind = models.CharField(
        _("kind of record"), max_length=20, choices=RecordKind.choices, unique=True
    )
    days = models.PositiveIntegerField(_("days after closing"))
    rationale = models.TextField(_("rationale"), blank=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("retention rule")
        verbose_name_plural = _("retention rules")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.days}"


class RetentionRun(models.Model):
    at = models.DateTimeField(_("when"))
    dry_run = models.BooleanField(_("dry run"), default=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    summary = models.JSONField(_("summary"), default=dict)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M}{' (dry run)' if self.dry_run else ''}"


class AuditVerification(models.Model):
    """The result of a daily check of the audit log's hash chain."""

    at = models.DateTimeField(_("when"))
    ok = models.BooleanField(_("intact"))
    checked = models.PositiveIntegerField(_("events checked"))
    head = models.CharField(_("last hash"), max_length=64, blank=True)
    problems = models.TextField(_("problems"), blank=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("audit log check")
        verbose_name_plural = _("audit log checks")

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M}: {'ok' if self.ok else 'NOT intact'}"
