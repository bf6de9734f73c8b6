"""Backup and restore: one encrypted archive of the database, media and private files restores
into a fresh instance with identical reports, attachments and a valid audit chain, and neither the
archive nor the database dump in it reveals personal data. The archive is a tar.gz encrypted with
age: the machine that makes it has only the public key, the standard `age` tool opens it, and a
changed or truncated archive is refused.

The round trip runs in separate instances (subprocesses of manage.py with their own database and
directories), on the engine of this test run: SQLite files, or two throwaway databases on the
PostgreSQL server of DATABASE_URL."""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

import pyrage
import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from pyrage import x25519

from config import settings as project_settings
from core import backup

BASE_DIR = Path(__file__).resolve().parents[2]
SERVER_URL = os.environ.get("DATABASE_URL", "")
ENGINE = "postgresql" if SERVER_URL else "sqlite"
OTHER_ENGINE = "sqlite" if SERVER_URL else "postgresql"

# Both instances share the encryption keys and SECRET_KEY (the follow-up code's index depends on
# it); the archive is encrypted to an age public key, whose private key only the restoring
# instance has.
ENCRYPTION_KEY = Fernet.generate_key().decode()
IDENTITY = x25519.Identity.generate()
RECIPIENT = str(IDENTITY.to_public())
IDENTITY_FILE_TEXT = f"# created: 2026-12-06\n# public key: {RECIPIENT}\n{IDENTITY}\n"
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
from reports import actions as report_actions
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
report_actions.add_person(report, actor=staff, role="victim", **seed["person"])
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
    "SIGNAAL_BACKUP_RECIPIENTS",
    "SIGNAAL_BACKUP_IDENTITY_FILE",
    "SIGNAAL_DEMO",
]


class Instance:
    """One Signaal installation: its own database and directories, run through manage.py."""

    def __init__(self, root, database_url="", identity_file=None):
        self.root = root
        self.database_url = database_url
        self.identity_file = identity_file
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
            SIGNAAL_BACKUP_RECIPIENTS=RECIPIENT,
            SECRET_KEY=SECRET_KEY,
            TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        )
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        if self.identity_file:
            env["SIGNAAL_BACKUP_IDENTITY_FILE"] = str(self.identity_file)
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
        self.identity_file = root / "backup-identity.txt"
        self.identity_file.write_text(IDENTITY_FILE_TEXT)

    def _server(self, sql):
        import psycopg

        with psycopg.connect(SERVER_URL, autocommit=True) as connection:
            connection.execute(sql)

    def instance(self, name, *, identity=True):
        """A fresh instance; with `identity`, SIGNAAL_BACKUP_IDENTITY_FILE is set."""
        url = ""
        if SERVER_URL:
            database = f"signaal_backup_{uuid.uuid4().hex[:10]}_{name}"
            self._server(f'CREATE DATABASE "{database}"')
            self.databases.append(database)
            url = urlunsplit(urlsplit(SERVER_URL)._replace(path=f"/{database}"))
        return Instance(self.root / name, url, self.identity_file if identity else None)

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
    and a fresh instance restored from that backup. Neither has SIGNAAL_BACKUP_IDENTITY_FILE: the
    source has only the public key, the target is given the identity file on the command line."""
    source, target = lab.instance("source", identity=False), lab.instance("target", identity=False)
    source.manage("migrate", "--noinput", "-v", "0")
    (source.media / MEDIA_FILE).parent.mkdir(parents=True)
    (source.media / MEDIA_FILE).write_bytes(MEDIA_TEXT)
    seed = {"report": REPORT, "person": PERSON, "file_name": FILE_NAME, "passphrase": PASSPHRASE}
    seeded = source.manage(
        "shell", "-c", SEED, extra_env={"BACKUP_TEST_SEED": json.dumps(seed)}
    ).stdout
    archive = lab.root / "signaal.tar.gz.age"
    backed_up = source.manage("backup", "--output", str(archive))
    restored = target.manage(
        "restore", "--identity", str(lab.identity_file), str(archive), expect=None
    )
    return SimpleNamespace(
        source=source,
        target=target,
        archive=archive,
        seeded=json.loads(seeded.strip().splitlines()[-1]),
        backed_up=backed_up,
        restored=restored,
    )


# --- the round trip ------------------------------------------------------------------------------


def test_backup_writes_a_private_archive_with_a_manifest(round_trip, lab):
    archive = round_trip.archive
    assert archive.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert archive.stat().st_mode & 0o777 == 0o600
    assert f"encrypted with age for {RECIPIENT}" in round_trip.backed_up.stdout
    manifest = backup.read_manifest(archive, identity_file=lab.identity_file)
    assert manifest["database"]["engine"] == ENGINE
    assert manifest["format_version"] == backup.FORMAT_VERSION
    counts = manifest["counts"]
    assert counts["reports.Report"] == counts["reports.Person"] == 1
    assert counts["reports.Attachment"] == 1
    ((latest,),) = round_trip.source.rows(
        "SELECT MAX(name) FROM django_migrations WHERE app = 'audit'"
    )
    assert latest.startswith("00") and manifest["migrations"]["audit"] == latest
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


def _database_dump_text(archive, work, identity_file):
    """The database dump inside the archive, as text: the SQLite file itself, or the SQL script
    of the PostgreSQL dump."""
    for kind, name, handle in backup.iter_archive(archive, identity_file=identity_file):
        if kind == "database":
            dump = work / Path(name).name
            dump.write_bytes(handle.read())
    if ENGINE == "sqlite":
        return dump.read_bytes().decode("latin-1")
    return subprocess.run(
        ["pg_restore", "--file=-", str(dump)], capture_output=True, text=True, check=True
    ).stdout


def test_neither_the_archive_nor_the_database_dump_reveals_personal_data(round_trip, lab, tmp_path):
    raw = round_trip.archive.read_bytes()
    for value in [*PLAIN_VALUES, round_trip.seeded["reference"], MEDIA_TEXT.decode()]:
        assert value.encode() not in raw, value
    assert b"\xff\xd8\xff" not in raw
    assert b"sqlite format" not in raw.lower() and b"PGDMP" not in raw
    dump = _database_dump_text(round_trip.archive, tmp_path, lab.identity_file)
    assert round_trip.seeded["reference"] in dump  # the dump is real: the reference is not secret
    known = [*PLAIN_VALUES, round_trip.seeded["mailbox_code"]]
    found = [value for value in known if value.lower() in dump.lower()]
    assert found == [], f"readable in the database dump: {found}"


def test_a_tampered_or_truncated_archive_is_refused_and_changes_nothing(round_trip, lab):
    data = round_trip.archive.read_bytes()
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x01
    fresh = lab.instance("fresh")
    for name, damaged in [("flipped", bytes(flipped)), ("truncated", data[: len(data) - 100])]:
        tampered = lab.root / f"{name}.tar.gz.age"
        tampered.write_bytes(damaged)
        result = fresh.manage("restore", str(tampered), expect=1)
        assert "damaged or was tampered with" in result.stderr, name
        assert fresh.tables() == set()
        assert fresh.files() == {}


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")
def test_the_standard_age_and_tar_tools_open_an_archive(round_trip, lab):
    plain = subprocess.run(
        ["age", "--decrypt", "--identity", str(lab.identity_file), str(round_trip.archive)],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:gz") as tar:
        names = tar.getnames()
        assert names[:2] == ["manifest.json", backup.DATABASE_FILES[ENGINE]]
        assert tar.extractfile(f"media/{MEDIA_FILE}").read() == MEDIA_TEXT
        manifest = json.loads(tar.extractfile("manifest.json").read())
    assert manifest["counts"]["reports.Report"] == 1
    assert [name for name in names if name.startswith("private/attachments/")] != []
    listing = subprocess.run(["tar", "-tz"], input=plain, capture_output=True, check=True).stdout
    assert listing.decode().splitlines() == names


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")
def test_an_archive_encrypted_by_the_age_tool_is_read(tmp_path, identity_file):
    plain = pyrage.decrypt(_archive([(backup.DATABASE_FILES[ENGINE], b"dump")]), [IDENTITY])
    path = tmp_path / "by-age.tar.gz.age"
    subprocess.run(
        ["age", "--encrypt", "--recipient", RECIPIENT, "--output", str(path)],
        input=plain,
        check=True,
    )
    manifest, files = backup.verify_archive(path, identity_file=identity_file)
    assert manifest["database"]["engine"] == ENGINE and files == {"media": 0, "private": 0}


def test_restore_refuses_a_non_empty_target(round_trip, lab):
    source = round_trip.source
    before = source.table("audit_auditevent")
    # The machine that makes the backups cannot open them.
    result = source.manage("restore", "--check", str(round_trip.archive), expect=1)
    assert "no identity to decrypt the archive" in result.stderr
    with_identity = {"SIGNAAL_BACKUP_IDENTITY_FILE": str(lab.identity_file)}
    result = source.manage("restore", str(round_trip.archive), extra_env=with_identity, expect=1)
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


def _archive(members, *, engine=ENGINE, recipient=RECIPIENT):
    """An archive made by hand: a tar.gz with a manifest and the given (name, bytes) entries,
    encrypted with age."""
    manifest = {
        "format": "signaal-backup",
        "format_version": backup.FORMAT_VERSION,
        "created_at": "2026-01-01T00:00:00+00:00",
        "database": {"engine": engine, "file": backup.DATABASE_FILES[engine]},
        "migrations": {},
        "counts": {},
        "audit_head": {"count": 0, "last_hash": "0" * 64},
    }
    plain = io.BytesIO()
    with tarfile.open(fileobj=plain, mode="w:gz", format=tarfile.PAX_FORMAT) as tar:
        for name, data in [("manifest.json", json.dumps(manifest).encode()), *members]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return pyrage.encrypt(plain.getvalue(), [x25519.Recipient.from_str(recipient)])


def _chunk_starts(data):
    """Where age's payload chunks start: after the header (its last line is "--- MAC") and a
    16-byte nonce, every 64 KiB plus a 16-byte tag."""
    header_end = data.index(b"\n", data.index(b"\n---") + 1) + 1
    return list(range(header_end + 16, len(data), 64 * 1024 + 16))


@pytest.fixture
def identity_file(tmp_path):
    path = tmp_path / "backup-identity.txt"
    path.write_text(IDENTITY_FILE_TEXT)
    return path


def test_archive_round_trip_and_damage(tmp_path, identity_file):
    payload = os.urandom(200_000)  # incompressible: four chunks of age's payload
    members = [(backup.DATABASE_FILES[ENGINE], payload), ("private/attachments/ab/abcd", b"x")]
    data = _archive(members)
    path = tmp_path / "a.tar.gz.age"
    path.write_bytes(data)
    manifest, files = backup.verify_archive(path, identity_file=identity_file)
    assert manifest["database"]["engine"] == ENGINE and files == {"media": 0, "private": 1}
    entries = {
        name: handle.read()
        for _, name, handle in backup.iter_archive(path, identity_file=identity_file)
    }
    assert entries[backup.DATABASE_FILES[ENGINE]] == payload
    starts = _chunk_starts(data)
    assert len(starts) == 4

    def refused(damaged, message, identity=identity_file):
        path.write_bytes(damaged)
        with pytest.raises(backup.BackupError, match=message):
            backup.verify_archive(path, identity_file=identity)

    flipped = bytearray(data)
    flipped[starts[2] + 100] ^= 0x01
    refused(bytes(flipped), backup.TAMPERED)
    refused(data[:-1], backup.TAMPERED)
    refused(data[: starts[-1]], backup.TAMPERED)  # whole chunks, but not the last one
    refused(data[: starts[1]], backup.TAMPERED)
    refused(data + b"\0", backup.TAMPERED)
    swapped = data[: starts[1]] + data[starts[2] : starts[3]] + data[starts[1] : starts[2]]
    refused(swapped + data[starts[3] :], backup.TAMPERED)
    header = bytearray(data)
    header[starts[0] - 20] ^= 0x01  # the header's MAC
    refused(bytes(header), backup.TAMPERED)
    other = tmp_path / "other-identity.txt"
    other.write_text(f"{x25519.Identity.generate()}\n")
    refused(data, "cannot be decrypted with this identity", identity=other)
    refused(b"PK\x03\x04" + data, "not a Signaal backup archive")
    refused(b"", "not a Signaal backup archive")
    refused(backup.OLD_MAGIC + os.urandom(64), "format of earlier versions of Signaal")
    refused(_archive([("../escape", b"x"), *members]), "unexpected entry")
    refused(_archive([("private/attachments/ab/abcd", b"x")]), "holds no database")


def test_the_whole_archive_is_checked_even_where_tar_stops_reading(tmp_path, identity_file):
    data = pyrage.encrypt(os.urandom(3 * 64 * 1024 + 10), [IDENTITY.to_public()])
    path = tmp_path / "a.age"
    path.write_bytes(data[:-1])  # only the last chunk is wrong
    keys = backup.load_identities(identity_file)
    with backup._decrypted(path, keys, whole=False) as stream:
        assert len(stream.read(1000)) == 1000  # the beginning is sound
    with (
        pytest.raises(backup.BackupError, match=backup.TAMPERED),
        backup._decrypted(path, keys) as stream,
    ):
        stream.read(1000)


def test_a_backup_restores_into_the_same_engine_only(tmp_path, identity_file):
    path = tmp_path / "other.tar.gz.age"
    path.write_bytes(_archive([(backup.DATABASE_FILES[OTHER_ENGINE], b"")], engine=OTHER_ENGINE))
    with pytest.raises(backup.BackupError, match="an SQLite backup restores into SQLite"):
        backup.restore_backup(path, identity_file=identity_file)


def test_backups_need_a_public_key_and_restores_a_private_key(settings, tmp_path):
    settings.SIGNAAL_BACKUP_RECIPIENTS = []
    with pytest.raises(backup.BackupError, match="set SIGNAAL_BACKUP_RECIPIENTS"):
        backup.load_recipients()
    second = x25519.Identity.generate()
    settings.SIGNAAL_BACKUP_RECIPIENTS = [RECIPIENT, str(second.to_public())]
    encrypted = pyrage.encrypt(b"archive", backup.load_recipients())
    # Each recipient's private key opens the archive.
    assert pyrage.decrypt(encrypted, [IDENTITY]) == pyrage.decrypt(encrypted, [second])
    assert pyrage.decrypt(encrypted, [second]) == b"archive"
    settings.SIGNAAL_BACKUP_IDENTITY_FILE = None
    with pytest.raises(backup.BackupError, match="no identity to decrypt"):
        backup.load_identities()
    path = tmp_path / "backup-identity.txt"
    path.write_text(IDENTITY_FILE_TEXT)  # comments, as age-keygen writes them
    settings.SIGNAAL_BACKUP_IDENTITY_FILE = path
    assert [str(key) for key in backup.load_identities()] == [str(IDENTITY)]
    path.write_text(f"# public key: {RECIPIENT}\n{RECIPIENT}\n")
    with pytest.raises(backup.BackupError, match="is not an age identity file"):
        backup.load_identities()
    with pytest.raises(backup.BackupError, match="cannot be read"):
        backup.load_identities(tmp_path / "missing.txt")


def test_the_backup_recipients_setting_is_checked(monkeypatch):
    other = str(x25519.Identity.generate().to_public())
    monkeypatch.setenv("SIGNAAL_BACKUP_RECIPIENTS", f" {RECIPIENT} , {other}")
    assert project_settings._backup_recipients() == [RECIPIENT, other]
    monkeypatch.setenv("SIGNAAL_BACKUP_RECIPIENTS", f"{RECIPIENT},age1notakey")
    with pytest.raises(ImproperlyConfigured, match="item 2 is not an age public key"):
        project_settings._backup_recipients()
    monkeypatch.setenv("SIGNAAL_BACKUP_RECIPIENTS", str(IDENTITY))
    with pytest.raises(ImproperlyConfigured, match=r"holds a private key \(item 1\)") as error:
        project_settings._backup_recipients()
    assert str(IDENTITY)[15:] not in str(error.value)  # the secret is not repeated in a log
    monkeypatch.delenv("SIGNAAL_BACKUP_RECIPIENTS")
    assert project_settings._backup_recipients() == []


def test_encryption_errors_come_through_and_nothing_hangs():
    keys = backup.load_recipients([RECIPIENT])

    class FullDisk(io.RawIOBase):
        def writable(self):
            return True

        def write(self, data):
            raise OSError(28, "No space left on device")

    with (
        pytest.raises(backup.BackupError, match="No space left on device"),
        backup._encrypting(FullDisk(), keys) as sink,
    ):
        for _ in range(64):
            sink.write(os.urandom(64 * 1024))
    # An error while the archive is written is the caller's (who removes the file); age still
    # ends what it was given.
    output = io.BytesIO()
    with (
        pytest.raises(ValueError, match="the bucket is gone"),
        backup._encrypting(output, keys) as sink,
    ):
        sink.write(b"the beginning")
        raise ValueError("the bucket is gone")
    assert pyrage.decrypt(output.getvalue(), [IDENTITY]) == b"the beginning"


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
