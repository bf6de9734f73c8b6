"""Backup and restore: one encrypted archive of the database, media and private files restores
into a fresh instance with identical reports, attachments and a valid audit chain, and neither the
archive nor the database dump in it reveals personal data.

The round trip runs in separate instances (subprocesses of manage.py with their own database and
directories), on the engine of this test run: SQLite files, or two throwaway databases on the
PostgreSQL server of DATABASE_URL."""

import io
import json
import os
import sqlite3
import struct
import subprocess
import sys
import tarfile
import uuid
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

import pytest
from cryptography.fernet import Fernet

from core import backup, crypto

BASE_DIR = Path(__file__).resolve().parents[2]
SERVER_URL = os.environ.get("DATABASE_URL", "")
ENGINE = "postgresql" if SERVER_URL else "sqlite"
OTHER_ENGINE = "sqlite" if SERVER_URL else "postgresql"

# Both instances share the encryption keys and SECRET_KEY (the follow-up code's index depends on
# it); the archive has a key of its own.
ENCRYPTION_KEY = Fernet.generate_key().decode()
BACKUP_KEY = Fernet.generate_key().decode()
SECRET_KEY = "backup-test-" + uuid.uuid4().hex

REPORT = {
    "description": "Zes mensen slapen in de Zonnebloemkwekerij aan de Vlierbesweg.",
    "street": "Duizendpootstraat",
    "place": "Schuur Hazelworm",
    "reporter_name": "Melder Kwartelkoning",
    "reporter_phone": "0612398745",
}
PERSON = {"name": "Slachtoffer Goudvink", "phone": "0687001122", "birth_date": "1991-04-05"}
FILE_NAME = "foto-Salamander.jpg"
PASSPHRASE = "wachtwoordzin Boomklever"
MEDIA_FILE = "documents/handreiking.txt"
MEDIA_TEXT = b"Handreiking Lepelaarplassen, versie 3\n"
PLAIN_VALUES = [*REPORT.values(), *PERSON.values(), FILE_NAME, PASSPHRASE]

SEED = """
import io, json, os, uuid
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from accounts.models import User
from reports import handling
from reports.actions import add_attachment, submit_report

seed = json.loads(os.environ["BACKUP_TEST_SEED"])
staff = User.objects.create_user(
    "staff@backup.example", password="Een-lang-wachtwoord-2026", full_name="Medewerker Meldpunt"
)
report = submit_report(
    fields={**seed["report"], "acute_danger": "no", "reporter_type": "citizen"},
    kind="report",
    channel="public",
    language="nl",
    idempotency_key=uuid.uuid4(),
    passphrase=seed["passphrase"],
).report
handling.add_person(report, staff, role="victim", **seed["person"])
image = io.BytesIO()
Image.new("RGB", (40, 20), "red").save(image, "JPEG")
upload = SimpleUploadedFile(seed["file_name"], image.getvalue(), "image/jpeg")
assert add_attachment(report, upload) is None
print(json.dumps({"reference": report.reference, "mailbox_code": report.mailbox_code}))
"""

# In the restored instance: read the personal data back through the application, then carry on
# (a new audit event) and verify the chain again.
CONTINUE = """
import hashlib, json
from audit.actions import record_event, verify_chain
from reports import storage
from reports.models import Report

report = Report.objects.get()
person = report.persons.get()
attachment = report.attachments.get()
data = storage.read(attachment.storage_name)
record_event("backup.restored", actor=None, target=report)
result = verify_chain()
print(json.dumps({
    "reporter_name": report.reporter_name,
    "description": report.description,
    "person": person.name,
    "file_name": attachment.original_name,
    "jpeg": data[:3] == b"\\xff\\xd8\\xff",
    "sha256": hashlib.sha256(data).hexdigest(),
    "audit_ok": result.ok,
    "audit_checked": result.checked,
}))
"""

CLEARED = [
    "DATABASE_URL",
    "SQLITE_PATH",
    "MEDIA_ROOT",
    "SIGNAAL_PRIVATE_DIR",
    "SIGNAAL_INDEX_KEY",
    "SIGNAAL_BACKUP_KEY",
    "SIGNAAL_DEMO",
]


class Instance:
    """One Signaal installation: its own database and directories, run through manage.py."""

    def __init__(self, root, database_url=""):
        self.root = root
        self.database_url = database_url
        self.sqlite_path = root / "db" / "signaal.sqlite3"
        self.media = root / "media"
        self.private = root / "private"

    def env(self):
        env = {name: value for name, value in os.environ.items() if name not in CLEARED}
        env.update(
            SIGNAAL_ENV="test",
            SIGNAAL_VAR_DIR=str(self.root / "var"),
            SQLITE_PATH=str(self.sqlite_path),
            MEDIA_ROOT=str(self.media),
            SIGNAAL_PRIVATE_DIR=str(self.private),
            SIGNAAL_ENCRYPTION_KEYS=ENCRYPTION_KEY,
            SIGNAAL_BACKUP_KEY=BACKUP_KEY,
            SECRET_KEY=SECRET_KEY,
            TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        )
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def manage(self, *args, extra_env=None, expect=0):
        self.sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env={**self.env(), **(extra_env or {})},
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if expect is not None:
            assert result.returncode == expect, (args, result.stdout, result.stderr)
        return result

    def rows(self, sql):
        if self.database_url:
            import psycopg

            with psycopg.connect(self.database_url) as connection:
                return connection.execute(sql).fetchall()
        with closing(sqlite3.connect(self.sqlite_path)) as connection:
            return connection.execute(sql).fetchall()

    def tables(self):
        if self.database_url:
            sql = (
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
            )
        elif not self.sqlite_path.exists():
            return set()
        else:
            sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
        return {row[0] for row in self.rows(sql)}

    def table(self, name):
        rows = self.rows(f'SELECT * FROM "{name}"')  # noqa: S608 - names from the database
        return sorted(rows, key=repr)

    def files(self):
        return {
            f"{area}/{path.relative_to(root).as_posix()}": path.read_bytes()
            for area, root in (("media", self.media), ("private", self.private))
            if root.exists()
            for path in sorted(root.rglob("*"))
            if path.is_file()
        }


class Lab:
    """Makes fresh instances; on PostgreSQL each gets a new database, dropped at the end."""

    def __init__(self, root):
        self.root = root
        self.databases = []

    def _server(self, sql):
        import psycopg

        with psycopg.connect(SERVER_URL, autocommit=True) as connection:
            connection.execute(sql)

    def instance(self, name):
        url = ""
        if SERVER_URL:
            database = f"signaal_backup_{uuid.uuid4().hex[:10]}_{name}"
            self._server(f'CREATE DATABASE "{database}"')
            self.databases.append(database)
            url = urlunsplit(urlsplit(SERVER_URL)._replace(path=f"/{database}"))
        return Instance(self.root / name, url)

    def close(self):
        for database in self.databases:
            self._server(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    lab = Lab(tmp_path_factory.mktemp("backup"))
    yield lab
    lab.close()


@pytest.fixture(scope="module")
def round_trip(lab):
    """A source instance with a report, a person, an attachment and a media file; its backup;
    and a fresh instance restored from that backup."""
    source, target = lab.instance("source"), lab.instance("target")
    source.manage("migrate", "--noinput", "-v", "0")
    (source.media / MEDIA_FILE).parent.mkdir(parents=True)
    (source.media / MEDIA_FILE).write_bytes(MEDIA_TEXT)
    seed = {"report": REPORT, "person": PERSON, "file_name": FILE_NAME, "passphrase": PASSPHRASE}
    seeded = source.manage(
        "shell", "-c", SEED, extra_env={"BACKUP_TEST_SEED": json.dumps(seed)}
    ).stdout
    archive = lab.root / "signaal.backup"
    backed_up = source.manage("backup", "--output", str(archive))
    restored = target.manage("restore", str(archive), expect=None)
    return SimpleNamespace(
        source=source,
        target=target,
        archive=archive,
        seeded=json.loads(seeded.strip().splitlines()[-1]),
        backed_up=backed_up,
        restored=restored,
    )


# --- the round trip ------------------------------------------------------------------------------


def test_backup_writes_a_private_archive_with_a_manifest(round_trip):
    archive = round_trip.archive
    assert archive.read_bytes().startswith(backup.MAGIC)
    assert archive.stat().st_mode & 0o777 == 0o600
    assert "encrypted with SIGNAAL_BACKUP_KEY" in round_trip.backed_up.stdout
    manifest = backup.read_manifest(archive, key=BACKUP_KEY)
    assert manifest["database"]["engine"] == ENGINE
    assert manifest["format_version"] == backup.FORMAT_VERSION
    counts = manifest["counts"]
    assert counts["reports.Report"] == counts["reports.Person"] == 1
    assert counts["reports.Attachment"] == 1
    assert manifest["migrations"]["audit"] == "0002_append_only_triggers"
    head = round_trip.source.rows("SELECT count, last_hash FROM audit_auditchainhead")[0]
    assert manifest["audit_head"] == {"count": head[0], "last_hash": head[1]}
    assert head[0] == counts["audit.AuditEvent"] >= 3
    # Not overwritten without --force.
    with pytest.raises(backup.BackupError, match="exists"):
        backup.create_backup(archive)


def test_restore_into_a_fresh_instance_is_identical(round_trip):
    source, target = round_trip.source, round_trip.target
    assert round_trip.restored.returncode == 0, round_trip.restored.stderr
    assert "audit log intact" in round_trip.restored.stdout
    tables = source.tables()
    assert {"reports_report", "reports_attachment", "audit_auditevent"} <= tables
    assert target.tables() == tables
    for table in sorted(tables):
        # Every row of every table, the encrypted values byte for byte.
        assert target.table(table) == source.table(table), table
    assert (
        target.rows("SELECT hash FROM audit_auditevent ORDER BY id DESC")[0][0]
        == (source.rows("SELECT last_hash FROM audit_auditchainhead")[0][0])
    )
    files = source.files()
    assert files[f"media/{MEDIA_FILE}"] == MEDIA_TEXT
    assert target.files() == files
    (storage_name,) = source.rows("SELECT storage_name FROM reports_attachment")[0]
    path = Path("attachments") / storage_name[:2] / storage_name
    original = Fernet(ENCRYPTION_KEY).decrypt((source.private / path).read_bytes())
    assert original[:3] == b"\xff\xd8\xff"
    assert Fernet(ENCRYPTION_KEY).decrypt((target.private / path).read_bytes()) == original
    assert oct((target.private / path).stat().st_mode & 0o777) == oct(0o600)
    assert "audit log intact" in target.manage("verify_audit_log").stdout
    # The restored instance works on: it reads the personal data and continues the audit chain
    # (on PostgreSQL this also needs the sequences restored).
    after = json.loads(target.manage("shell", "-c", CONTINUE).stdout.strip().splitlines()[-1])
    assert after["reporter_name"] == REPORT["reporter_name"]
    assert after["description"] == REPORT["description"]
    assert after["person"] == PERSON["name"]
    assert after["file_name"] == FILE_NAME
    assert after["jpeg"] and after["audit_ok"]
    assert after["audit_checked"] == len(source.table("audit_auditevent")) + 1


def _database_dump_text(archive, work):
    """The database dump inside the archive, as text: the SQLite file itself, or the SQL script
    of the PostgreSQL dump."""
    for kind, name, handle in backup.iter_archive(archive, key=BACKUP_KEY):
        if kind == "database":
            dump = work / Path(name).name
            dump.write_bytes(handle.read())
    if ENGINE == "sqlite":
        return dump.read_bytes().decode("latin-1")
    return subprocess.run(
        ["pg_restore", "--file=-", str(dump)], capture_output=True, text=True, check=True
    ).stdout


def test_neither_the_archive_nor_the_database_dump_reveals_personal_data(round_trip, tmp_path):
    raw = round_trip.archive.read_bytes()
    for value in [*PLAIN_VALUES, round_trip.seeded["reference"], MEDIA_TEXT.decode()]:
        assert value.encode() not in raw, value
    assert b"\xff\xd8\xff" not in raw
    assert b"sqlite format" not in raw.lower() and b"PGDMP" not in raw
    dump = _database_dump_text(round_trip.archive, tmp_path)
    assert round_trip.seeded["reference"] in dump  # the dump is real: the reference is not secret
    known = [*PLAIN_VALUES, round_trip.seeded["mailbox_code"]]
    found = [value for value in known if value.lower() in dump.lower()]
    assert found == [], f"readable in the database dump: {found}"


def test_a_tampered_archive_is_refused_and_changes_nothing(round_trip, lab):
    data = bytearray(round_trip.archive.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = lab.root / "tampered.backup"
    tampered.write_bytes(bytes(data))
    fresh = lab.instance("fresh")
    result = fresh.manage("restore", str(tampered), expect=1)
    assert "damaged or was tampered with" in result.stderr
    assert fresh.tables() == set()
    assert fresh.files() == {}


def test_restore_refuses_a_non_empty_target(round_trip, lab):
    source = round_trip.source
    before = source.table("audit_auditevent")
    result = source.manage("restore", str(round_trip.archive), expect=1)
    assert "is not empty" in result.stderr
    assert source.table("audit_auditevent") == before
    # An empty database, but files in the media directory.
    fresh = lab.instance("media")
    (fresh.media / "documents").mkdir(parents=True)
    (fresh.media / "documents" / "other.pdf").write_bytes(b"%PDF-1.4 other")
    result = fresh.manage("restore", str(round_trip.archive), expect=1)
    assert "media directory" in result.stderr and "is not empty" in result.stderr
    assert fresh.tables() == set()


# --- the archive format (no database needed) ----------------------------------------------------


def _archive(members, *, engine=ENGINE, key=BACKUP_KEY, chunk_bytes=backup.CHUNK_BYTES):
    """An archive made by hand: a manifest and the given (name, bytes) entries."""
    manifest = {
        "format": "signaal-backup",
        "format_version": backup.FORMAT_VERSION,
        "created_at": "2026-01-01T00:00:00+00:00",
        "database": {"engine": engine, "file": backup.DATABASE_FILES[engine]},
        "migrations": {},
        "counts": {},
        "audit_head": {"count": 0, "last_hash": "0" * 64},
    }
    output = io.BytesIO()
    writer = backup.EncryptingWriter(output, Fernet(key), chunk_bytes=chunk_bytes)
    with tarfile.open(fileobj=writer, mode="w|", format=tarfile.PAX_FORMAT) as tar:
        for name, data in [("manifest.json", json.dumps(manifest).encode()), *members]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    writer.close()
    return output.getvalue()


def _frames(data):
    """Split an archive into its header and its frames (length prefix included)."""
    header_size = len(backup.MAGIC) + backup.ID_BYTES
    header, position, frames = data[:header_size], header_size, []
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        frames.append(data[position : position + 4 + length])
        position += 4 + length
    return header, frames


def test_archive_stream_round_trip_and_damage(tmp_path):
    payload = os.urandom(20_000)
    members = [(backup.DATABASE_FILES[ENGINE], payload), ("private/attachments/ab/abcd", b"x")]
    data = _archive(members, chunk_bytes=4096)
    path = tmp_path / "a.backup"
    path.write_bytes(data)
    manifest, files = backup.verify_archive(path, key=BACKUP_KEY)
    assert manifest["database"]["engine"] == ENGINE and files == {"media": 0, "private": 1}
    entries = {name: h.read() for _, name, h in backup.iter_archive(path, key=BACKUP_KEY)}
    assert entries[backup.DATABASE_FILES[ENGINE]] == payload
    header, frames = _frames(data)
    assert len(frames) > 5

    def refused(damaged, message, key=BACKUP_KEY):
        path.write_bytes(damaged)
        with pytest.raises(backup.BackupError, match=message):
            backup.verify_archive(path, key=key)

    refused(header + b"".join(frames[:-1]), "truncated")
    refused(header + b"".join([frames[1], frames[0], *frames[2:]]), "out of place")
    refused(header + b"".join(frames[:2] + frames[3:]), "out of place")
    refused(data + frames[-1], "after the last frame")
    other = _frames(_archive(members, chunk_bytes=4096))[1]
    refused(header + b"".join([frames[0], other[1], *frames[2:]]), "out of place")
    refused(data, "backup key is wrong", key=Fernet.generate_key().decode())
    refused(b"PK\x03\x04" + data, "not a Signaal backup archive")
    refused(b"", "not a Signaal backup archive")
    path.write_bytes(_archive([("../escape", b"x"), *members]))
    with pytest.raises(backup.BackupError, match="unexpected entry"):
        backup.verify_archive(path, key=BACKUP_KEY)


def test_a_backup_restores_into_the_same_engine_only(tmp_path):
    path = tmp_path / "other.backup"
    path.write_bytes(_archive([(backup.DATABASE_FILES[OTHER_ENGINE], b"")], engine=OTHER_ENGINE))
    with pytest.raises(backup.BackupError, match="an SQLite backup restores into SQLite"):
        backup.restore_backup(path, key=BACKUP_KEY)


def test_the_backup_key_defaults_to_the_first_encryption_key(monkeypatch):
    first, second, own = (Fernet.generate_key().decode() for _ in range(3))
    monkeypatch.setenv("SIGNAAL_ENCRYPTION_KEYS", f"{first},{second}")
    monkeypatch.delenv("SIGNAAL_BACKUP_KEY", raising=False)
    crypto.reset_keys()
    try:
        fernet, source = backup.encryption_key()
        assert "first encryption key" in source
        assert Fernet(first).decrypt(fernet.encrypt(b"x")) == b"x"
        # Archives made before a key rotation still open.
        assert backup.decryption_keys().decrypt(Fernet(second).encrypt(b"y")) == b"y"
        monkeypatch.setenv("SIGNAAL_BACKUP_KEY", own)
        fernet, source = backup.encryption_key()
        assert source == "SIGNAAL_BACKUP_KEY"
        assert Fernet(own).decrypt(fernet.encrypt(b"z")) == b"z"
        monkeypatch.setenv("SIGNAAL_BACKUP_KEY", "not-a-key")
        with pytest.raises(backup.BackupError, match="not a valid Fernet key"):
            backup.encryption_key()
    finally:
        monkeypatch.undo()
        crypto.reset_keys()


def test_pg_tools_get_the_connection_from_the_environment():
    env = backup._pg_env(
        {
            "NAME": "signaal",
            "USER": "u",
            "PASSWORD": "geheim",
            "HOST": "db",
            "PORT": 5433,
            "OPTIONS": {"sslmode": "require"},
        }
    )
    assert env["PGPASSWORD"] == "geheim" and env["PGPORT"] == "5433"
    assert env["PGHOST"] == "db" and env["PGSSLMODE"] == "require"
