"""Keyed hashes for the audit chain: new events carry an HMAC-SHA256 keyed with a secret outside
the database (audit.models.audit_key()), so an event added directly in the database cannot be
given a valid hash.

Events written before this migration keep their plain SHA-256 (hash_version 1): they are NOT
rehashed. Rehashing would give every old event a valid keyed hash whatever was done to it before,
and would make the head hashes anchored outside the database so far meaningless. Instead, this
migration appends one keyed event, `audit.chain_sealed`, that names how many unkeyed events came
before it and the hash of the last one. Verification then accepts unkeyed events only as the
start of the chain up to that seal; an unkeyed event anywhere else, or unkeyed events without a
seal after them, is reported. Anything changed in the old events stays as detectable as it was.

On SQLite, adding the column rebuilds the table, which drops its triggers: they are created
again here (audit/triggers.py, the same statements as 0002). This migration cannot be reversed (the seal is an audit
event, and events are never removed).
"""

from django.db import migrations, models
from django.utils import timezone

from audit.triggers import SQLITE_TRIGGERS


def recreate_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_TRIGGERS.values():
            schema_editor.execute(
                statement.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1)
            )


def seal_unkeyed_events(apps, schema_editor):
    from audit.models import HASH_KEYED, SEAL_ACTION
    from audit.models import AuditEvent as CurrentAuditEvent

    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    db = schema_editor.connection.alias
    legacy = AuditEvent.objects.using(db).count()
    if not legacy:
        return
    head, _ = AuditChainHead.objects.using(db).get_or_create(pk=1)
    last = AuditEvent.objects.using(db).order_by("-id").values_list("hash", flat=True).first()
    # Hashed with the current model's code: the hash must be what verification computes.
    seal = CurrentAuditEvent(
        created_at=timezone.now(),
        action=SEAL_ACTION,
        details={"unkeyed_events": legacy, "last_unkeyed_hash": last},
        previous_hash=head.last_hash,
        hash_version=HASH_KEYED,
    )
    seal.hash = seal.compute_hash()
    row = AuditEvent.objects.using(db).create(
        created_at=seal.created_at,
        action=seal.action,
        details=seal.details,
        previous_hash=seal.previous_hash,
        hash=seal.hash,
        hash_version=seal.hash_version,
    )
    head.last_id = row.pk
    head.last_hash = row.hash
    head.count += 1
    head.save()


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]
    operations = [
        migrations.SeparateDatabaseAndState(
            # Existing rows get 1 (plain SHA-256); the model's default for new rows is 2.
            database_operations=[
                migrations.AddField(
                    model_name="auditevent",
                    name="hash_version",
                    field=models.PositiveSmallIntegerField(default=1),
                )
            ],
            state_operations=[
                migrations.AddField(
                    model_name="auditevent",
                    name="hash_version",
                    field=models.PositiveSmallIntegerField(default=2),
                )
            ],
        ),
        migrations.RunPython(recreate_sqlite_triggers),
        migrations.RunPython(seal_unkeyed_events),
    ]
