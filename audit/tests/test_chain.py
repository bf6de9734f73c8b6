"""The audit log is append-only and hash-chained: changed, removed and inserted rows are found."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from accounts.models import Role
from audit.actions import record_event, verify_chain
from audit.models import AuditEvent


@pytest.fixture
def chain(db):
    return [
        record_event(
            "monitor.exported",
            actor=None,
            object_type="thing",
            object_id=str(n),
            details={"n": n},
            reason=f"reden {n} – ë",
        )
        for n in range(5)
    ]


TRIGGERS = {
    "sqlite": ["audit_event_no_update", "audit_event_no_delete"],
    "postgresql": [
        "audit_event_no_update_delete ON audit_auditevent",
        "audit_event_no_truncate ON audit_auditevent",
    ],
}


def without_triggers():
    """Tampering as someone with direct database access would: drop the guard first. The test's
    transaction rolls the DDL back afterwards on both engines."""
    with connection.cursor() as cursor:
        for trigger in TRIGGERS[connection.vendor]:
            cursor.execute(f"DROP TRIGGER {trigger}")


def raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_intact_chain_verifies(chain):
    result = verify_chain()
    assert result.ok, result.problems
    assert result.checked == 5
    assert chain[0].previous_hash == "0" * 64
    assert all(b.previous_hash == a.hash for a, b in zip(chain, chain[1:], strict=False))


def test_changed_row_is_detected(chain):
    without_triggers()
    raw("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["verzonnen", chain[2].pk])
    result = verify_chain()
    assert any(f"event {chain[2].pk}" in p and "changed" in p for p in result.problems)


def test_removed_row_is_detected(chain):
    without_triggers()
    raw("DELETE FROM audit_auditevent WHERE id = %s", [chain[2].pk])
    result = verify_chain()
    assert any(f"event {chain[3].pk}" in p for p in result.problems)


def test_removed_last_row_is_detected(chain):
    without_triggers()
    raw("DELETE FROM audit_auditevent WHERE id = %s", [chain[-1].pk])
    assert not verify_chain().ok


def test_inserted_row_is_detected(chain):
    forged = AuditEvent(
        created_at=chain[1].created_at,
        action="test.forged",
        previous_hash=chain[1].hash,
        details={},
    )
    forged.hash = forged.compute_hash()
    raw(
        "INSERT INTO audit_auditevent (id, created_at, action, object_type, object_id, ip_hash,"
        " reason, details, previous_hash, hash, hash_version)"
        " VALUES (%s, %s, %s, '', '', '', '', '{}', %s, %s, 2)",
        [chain[-1].pk + 100, forged.created_at, forged.action, forged.previous_hash, forged.hash],
    )
    assert not verify_chain().ok


def test_the_orm_refuses_to_change_or_delete(chain):
    event = chain[0]
    event.reason = "anders"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        AuditEvent.objects.all().delete()
    with pytest.raises(TypeError):
        AuditEvent.objects.update(reason="x")


def test_the_database_refuses_to_change_or_delete(chain):
    for sql in (
        "UPDATE audit_auditevent SET reason = 'x'",
        "DELETE FROM audit_auditevent",
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            raw(sql)
    assert AuditEvent.objects.count() == 5


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE exists on PostgreSQL")
def test_postgresql_refuses_truncate(chain):
    with pytest.raises(DatabaseError), transaction.atomic():
        raw("TRUNCATE audit_auditevent CASCADE")


def test_verify_command(chain, capsys):
    call_command("verify_audit_log")
    assert "5 events verified" in capsys.readouterr().out
    without_triggers()
    raw("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", [chain[0].pk])
    with pytest.raises(CommandError):
        call_command("verify_audit_log")


def test_ip_addresses_are_stored_hashed(rf, db):
    request = rf.get("/", REMOTE_ADDR="203.0.113.7")
    event = record_event("accounts.login", actor=None, request=request)
    assert event.ip_hash and "203.0.113.7" not in event.ip_hash
    assert record_event("accounts.login", actor=None, request=request).ip_hash == event.ip_hash


def test_privacy_officer_reads_the_log(client, personas, login, chain):
    login(client, personas[Role.PRIVACY_OFFICER])
    response = client.get(reverse("audit:log"), {"action": "monitor.exp"})
    assert response.status_code == 200
    assert response.content.decode().count("<code>monitor.exported</code>") == 5
    assert (
        client.get(reverse("audit:log"), {"action": "<script>", "page": "abc"}).status_code == 200
    )
