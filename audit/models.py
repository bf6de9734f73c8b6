import hashlib
import hmac
import json

from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64

# How an event's hash is made. Events written before keyed hashing carry a plain SHA-256 that
# anyone can compute; they are trusted only as the sealed start of the chain (see
# audit/migrations/0003_keyed_hashes.py and actions.verify_chain()).
HASH_PLAIN = 1
HASH_KEYED = 2
SEAL_ACTION = "audit.chain_sealed"


def audit_key():
    """The secret that keys the chain: SIGNAAL_AUDIT_KEY, or one derived from SECRET_KEY. It is
    never stored in the database, so someone who can only write there cannot compute a valid
    hash for an event."""
    key = settings.SIGNAAL_AUDIT_KEY
    if key:
        return key.encode()
    return salted_hmac("signaal.audit.chain", "audit-chain-key", algorithm="sha256").digest()


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("audit events are append-only")

    def delete(self):
        raise TypeError("audit events are append-only")


class AuditEvent(models.Model):
    """One thing that happened, append-only. Each row carries an HMAC-SHA256 (keyed with
    audit_key()) over its content and the previous row's hash, so a changed, removed or inserted
    row breaks the chain, and a row added directly in the database cannot be given a valid hash."""

    created_at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=64, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    ip_hash = models.CharField(_("hashed IP address"), max_length=64, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    hash_version = models.PositiveSmallIntegerField(default=HASH_KEYED)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("audit events are append-only")

    def content(self):
        """The fields the hash covers, in a stable form."""
        data = {
            "created_at": self.created_at.isoformat(),
            "actor": self.actor_id,
            "organisation": self.organisation_id,
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "ip_hash": self.ip_hash,
            "reason": self.reason,
            "details": self.details,
            "previous_hash": self.previous_hash,
        }
        if self.hash_version != HASH_PLAIN:
            data["hash_version"] = self.hash_version
        return data

    def compute_hash(self):
        canonical = json.dumps(self.content(), sort_keys=True, separators=(",", ":")).encode()
        if self.hash_version == HASH_PLAIN:
            return hashlib.sha256(canonical).hexdigest()
        return hmac.new(audit_key(), canonical, hashlib.sha256).hexdigest()

    @property
    def label(self):
        """What the event was, in words (audit.events.Event); the code for names from before."""
        from .events import Event

        return Event(self.action).label if self.action in Event.values else self.action


class AuditChainHead(models.Model):
    """The one row that points at the newest event. Writers lock it, so events chain in order,
    and it lets verification notice rows removed from the end of the chain."""

    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)
    count = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.count} events, last {self.last_hash[:12]}"
