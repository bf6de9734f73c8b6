"""The audit log against someone with database rights but without the audit key: a forged event
with a self-computed hash, a dropped or changed trigger, and a tail cut or rewritten after the
head was anchored outside the database are all reported. Tampering is simulated with raw SQL in
the test's transaction (DDL is transactional on SQLite and PostgreSQL), as on a copy."""

import hashlib
import importlib
import json
import stat
from types import SimpleNamespace

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.models import Role
from audit.actions import record_event, verify_chain
from audit.anchoring import Anchor, anchor_head, read_anchors
from audit.models import GENESIS_HASH, HASH_KEYED, HASH_PLAIN, AuditChainHead, AuditEvent
from audit.tests.test_chain import TRIGGERS, raw, without_triggers
from config import settings as project_settings
from core.models import OutgoingEmail


@pytest.fixture
def anchors_file(settings, tmp_path):
    settings.SIGNAAL_AUDIT_ANCHOR_FILE = tmp_path / "anchors" / "audit-anchors.jsonl"
    return settings.SIGNAAL_AUDIT_ANCHOR_FILE


@pytest.fixture
def chain(db, anchors_file):
    return [
        record_event("monitor.exported", actor=None, object_id=str(n), reason=f"reden {n}")
        for n in range(5)
    ]


def plain_sha256(event):
    """What someone who knows the code but not the key computes."""
    canonical = json.dumps(event.content(), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def insert_event(event, *, move_head=True):
    """Append a row the way a database administrator would: INSERT, then move the chain head."""
    raw(
        "INSERT INTO audit_auditevent (created_at, action, object_type, object_id, ip_hash,"
        " reason, details, previous_hash, hash, hash_version)"
        " VALUES (%s, %s, '', '', '', %s, '{}', %s, %s, %s)",
        [
            event.created_at,
            event.action,
            event.reason,
            event.previous_hash,
            event.hash,
            event.hash_version,
        ],
    )
    stored = AuditEvent.objects.get(hash=event.hash)
    if move_head:
        raw(
            "UPDATE audit_auditchainhead SET last_id = %s, last_hash = %s, count = count + 1"
            " WHERE id = 1",
            [stored.pk, stored.hash],
        )
    return stored


def forge(previous_hash, version, action="test.forged"):
    event = AuditEvent(
        created_at=AuditEvent.objects.order_by("-id").first().created_at,
        action=action,
        reason="verzonnen",
        details={},
        previous_hash=previous_hash,
        hash_version=version,
    )
    event.hash = plain_sha256(event)
    return event


def cut_tail(keep):
    """Remove every event after the first `keep` and point the head at the last one kept."""
    without_triggers()
    events = list(AuditEvent.objects.order_by("id"))
    raw("DELETE FROM audit_auditevent WHERE id > %s", [events[keep - 1].pk])
    raw(
        "UPDATE audit_auditchainhead SET last_id = %s, last_hash = %s, count = %s WHERE id = 1",
        [events[keep - 1].pk, events[keep - 1].hash, keep],
    )


def test_a_clean_chain_verifies_against_its_anchors(chain, anchors_file):
    anchor_head()
    chain.append(record_event("monitor.exported", actor=None))
    anchors, problems = read_anchors()
    result = verify_chain(anchors)
    assert result.ok, result.problems
    assert not problems
    assert result.anchors_compared == 1
    assert result.checked == 6
    assert result.head_hash == chain[-1].hash == AuditChainHead.objects.get().last_hash
    assert all(event.hash_version == HASH_KEYED for event in AuditEvent.objects.all())


@pytest.mark.parametrize("version", [HASH_PLAIN, HASH_KEYED])
def test_an_inserted_event_with_a_self_computed_hash_is_found(chain, version):
    forged = insert_event(forge(chain[-1].hash, version))
    # The forgery is consistent: it follows the head, the head points at it, and its hash is
    # exactly what an unkeyed chain would expect. Only the key gives it away.
    assert forged.hash == plain_sha256(forged)
    assert AuditChainHead.objects.get().last_hash == forged.hash
    problems = verify_chain().problems
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"event {forged.pk}: ")
    assert ("unkeyed hash after keyed" in problems[0]) == (version == HASH_PLAIN)
    assert ("without the audit key" in problems[0]) == (version == HASH_KEYED)


def _legacy_events(count):
    """Events as the code before keyed hashing wrote them (or as anyone can compute them)."""
    raw(
        "INSERT INTO audit_auditchainhead (id, last_id, last_hash, count) VALUES (1, 0, %s, 0)",
        [GENESIS_HASH],
    )
    previous = GENESIS_HASH
    for n in range(count):
        event = AuditEvent(
            created_at=timezone.now(), action=f"test.old{n}", previous_hash=previous, hash_version=1
        )
        event.hash = event.compute_hash()
        assert event.hash == plain_sha256(event)
        previous = insert_event(event).hash


def test_a_chain_forged_from_the_start_with_unkeyed_hashes_is_found(db):
    _legacy_events(2)
    assert verify_chain().problems == [
        "the chain holds 2 unkeyed events and no keyed seal after them: they cannot be told "
        "apart from events added directly in the database"
    ]


def seal():
    migration = importlib.import_module("audit.migrations.0003_keyed_hashes")
    from django.apps import apps

    migration.seal_unkeyed_events(apps, SimpleNamespace(connection=connection))


def test_events_from_before_keyed_hashing_verify_once_sealed(db):
    _legacy_events(3)
    seal()
    record_event("monitor.exported", actor=None)
    result = verify_chain()
    assert result.ok, result.problems
    assert [e.hash_version for e in AuditEvent.objects.all()] == [1, 1, 1, 2, 2]
    sealed = AuditEvent.objects.get(action="audit.chain_sealed")
    assert sealed.details["unkeyed_events"] == 3


def test_unsealed_or_late_unkeyed_events_are_found(db):
    _legacy_events(2)
    record_event("monitor.exported", actor=None)  # keyed, but not the seal
    problems = verify_chain().problems
    assert len(problems) == 1 and "2 unkeyed events before it are not sealed" in problems[0]


def test_a_changed_old_event_stays_detectable_after_the_seal(db):
    _legacy_events(3)
    seal()
    without_triggers()
    first = AuditEvent.objects.order_by("id").first()
    raw("UPDATE audit_auditevent SET action = 'test.rewritten' WHERE id = %s", [first.pk])
    problems = verify_chain(check_triggers=False).problems
    assert problems == [
        f"event {first.pk}: its content was changed after it was written, or it was written "
        "without the audit key"
    ]


def test_the_key_matters(chain, settings):
    assert verify_chain().ok
    settings.SIGNAAL_AUDIT_KEY = "een-andere-sleutel-van-minstens-32-tekens"
    assert len(verify_chain().problems) == 5


@pytest.mark.parametrize("trigger", range(2))
def test_a_dropped_trigger_is_found(chain, trigger):
    name = TRIGGERS[connection.vendor][trigger]
    raw(f"DROP TRIGGER {name}")
    assert verify_chain().problems == [f"the database trigger {name.split(' ')[0]} is missing"]
    with pytest.raises(CommandError):
        call_command("verify_audit_log")


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's triggers")
def test_a_harmless_replacement_trigger_is_found(chain):
    raw("DROP TRIGGER audit_event_no_update")
    raw(
        "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_auditevent BEGIN SELECT 1; END"
    )
    assert verify_chain().problems == ["the database trigger audit_event_no_update was changed"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's triggers")
def test_a_disabled_trigger_or_a_harmless_function_is_found(chain):
    raw("SET CONSTRAINTS ALL IMMEDIATE")  # ALTER TABLE waits for no deferred foreign key check
    raw("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_no_truncate")
    assert verify_chain().problems == ["the database trigger audit_event_no_truncate is disabled"]
    raw("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_no_truncate")
    raw(
        "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$"
        " BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql"
    )
    assert len(verify_chain().problems) == 2


def test_a_cut_tail_is_found_after_anchoring(chain, anchors_file):
    anchor_head()
    cut_tail(keep=3)
    anchors, _ = read_anchors()
    # Without the anchor the shortened chain is consistent: that is what the anchor is for.
    assert verify_chain(check_triggers=False).ok
    problems = verify_chain(anchors, check_triggers=False).problems
    assert len(problems) == 1
    assert problems[0].startswith("the chain holds 3 events, but 5 events with head")
    with pytest.raises(CommandError):
        call_command("verify_audit_log")


def test_a_rewritten_tail_is_found_after_anchoring(chain, anchors_file):
    anchor_head()
    cut_tail(keep=3)
    # The application goes on writing: the count reaches the anchored one again.
    record_event("monitor.exported", actor=None)
    record_event("monitor.exported", actor=None)
    fifth = AuditEvent.objects.order_by("id")[4]
    assert verify_chain(check_triggers=False).ok
    problems = verify_chain(read_anchors()[0], check_triggers=False).problems
    assert len(problems) == 1
    assert problems[0].startswith(f"event {fifth.pk}: is not the head anchored 5 events")


def test_a_head_given_by_hand_is_compared(chain, capsys):
    head = AuditChainHead.objects.get()
    call_command("verify_audit_log", anchor=[f"5:{head.last_hash}"])
    assert "1 given" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("verify_audit_log", anchor=[f"6:{head.last_hash}"])
    with pytest.raises(CommandError, match="COUNT:HASH"):
        call_command("verify_audit_log", anchor=["vijf"])


def test_the_command_prints_the_head_to_anchor(chain, capsys):
    call_command("verify_audit_log")
    out = capsys.readouterr().out
    head = AuditChainHead.objects.get()
    assert f"head: 5:{head.last_hash} (5 events, last event id {head.last_id})" in out
    assert head.last_hash == chain[-1].hash
    assert "audit log intact: 5 events verified" in out


def test_the_daily_job_anchors_in_a_private_file_and_mails_the_privacy_officer(
    chain, anchors_file, personas
):
    anchor_head()
    anchor_head()
    lines = anchors_file.read_text().splitlines()
    assert len(lines) == 2
    first = json.loads(lines[0])
    head = AuditChainHead.objects.get()
    assert (first["count"], first["hash"]) == (5, chain[-1].hash)
    assert first["count"] == head.count
    assert stat.S_IMODE(anchors_file.stat().st_mode) == 0o600
    mails = list(OutgoingEmail.objects.all())
    assert len(mails) == 2
    officer = personas[Role.PRIVACY_OFFICER].email
    assert json.loads(mails[0].recipients) == [officer]
    assert f"5:{chain[-1].hash}" in mails[0].body
    assert "reden" not in mails[0].body  # the events' content is not mailed


def test_the_daily_job_tells_when_the_chain_is_not_intact(chain, anchors_file, personas):
    anchor_head()
    cut_tail(keep=3)
    assert "NOT intact" in anchor_head()
    first, second = OutgoingEmail.objects.order_by("created_at")
    with translation.override("nl"):
        assert first.subject == gettext("Head of the audit log")
        assert second.subject == gettext("Audit log NOT intact: head of the audit log")
    assert "LET OP" in second.body and "LET OP" not in first.body
    # The shorter head is anchored too, but the earlier anchor keeps reporting the cut.
    anchors, _ = read_anchors()
    assert [a.count for a in anchors] == [5, 3]
    assert not verify_chain(anchors, check_triggers=False).ok


def test_a_damaged_anchor_file_is_reported(chain, anchors_file):
    anchor_head()
    with anchors_file.open("a") as handle:
        handle.write("geen json\n")
    anchors, problems = read_anchors()
    assert len(anchors) == 1 and problems == [
        f"line 2 of the anchor file {anchors_file} cannot be read"
    ]
    with pytest.raises(CommandError):
        call_command("verify_audit_log")


def test_anchor_lines_round_trip():
    anchor = Anchor(count=3, hash="a" * 64, at="2026-12-06T06:00:00+00:00", last_id=9)
    assert json.loads(anchor.line()) == {
        "count": 3,
        "hash": "a" * 64,
        "at": anchor.at,
        "last_id": 9,
    }


@pytest.mark.parametrize("value", ["te-kort", " " + "x" * 40, "x" * 40 + "\n"])
def test_a_bad_audit_key_is_refused(monkeypatch, value):
    monkeypatch.setenv("SIGNAAL_AUDIT_KEY", value)
    with pytest.raises(ImproperlyConfigured, match="SIGNAAL_AUDIT_KEY"):
        project_settings._audit_key()


def test_a_good_audit_key_is_used(monkeypatch):
    monkeypatch.setenv("SIGNAAL_AUDIT_KEY", "x" * 40)
    assert project_settings._audit_key() == "x" * 40
