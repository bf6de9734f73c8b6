"""Backups: the database, MEDIA_ROOT and SIGNAAL_PRIVATE_DIR in one archive of standard formats.

The archive is a gzip-compressed tar (manifest.json first, then the database's own dump, then the
files as they are under media/... and private/...), encrypted with age (https://age-encryption.org,
through pyrage, the binding of the maintained Rust implementation) while it is written: no
unencrypted archive ever touches the disk. Any age implementation opens it:

    age --decrypt --identity backup-identity.txt signaal.tar.gz.age | tar -tz

The files come from the storages (settings.STORAGES "default" and "private"): directories are read
from the disk, other storages (S3 buckets, SIGNAAL_STORAGE=s3) through the storage API, and a
restore writes them back the same way. The attachments stay encrypted with the encryption keys.

The database dump is native per engine, so that a restore is exact (primary keys, the audit log's
hashes, sequences): SQLite's online backup API (a consistent snapshot, also under WAL), or
`pg_dump --format=custom` taken from a snapshot that the manifest's counts come from too. A backup
restores into the same engine only.

Keys: the archive is encrypted to the age X25519 public keys of SIGNAAL_BACKUP_RECIPIENTS, and
decrypted with an age identity (private key) file, SIGNAAL_BACKUP_IDENTITY_FILE or
`restore --identity`. The machine that makes backups holds no key that opens them. age
authenticates every 64 KiB of the payload and its end, so a changed or truncated archive fails;
it does not sign, though: whoever has the public key can make an archive, so the restore also
checks the audit log's keyed hash chain. Archives of the earlier format (SIGNAALBK1, encrypted with
SIGNAAL_BACKUP_KEY) restore only with a version of Signaal from before age (docs/operations.md).
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump and pg_restore, with argument lists
import tarfile
import tempfile
import threading
import zlib
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import django
import pyrage
from cryptography.fernet import InvalidToken
from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import connections, transaction
from django.utils import timezone
from pyrage import x25519

from core import crypto
from core.storage import is_local, walk

FORMAT_VERSION = 2
AGE_MAGIC = b"age-encryption.org/v1\n"
OLD_MAGIC = b"SIGNAALBK1"  # the own container format of earlier versions
BLOCK = 1024 * 1024  # bytes read or written at a time

MANIFEST_NAME = "manifest.json"
DATABASE_FILES = {"sqlite": "database/signaal.sqlite3", "postgresql": "database/signaal.pgdump"}
AREAS = ("media", "private")
# Counted into the manifest, compared after a restore.
COUNTED_MODELS = [
    "accounts.User",
    "accounts.Organisation",
    "reports.Report",
    "reports.Person",
    "reports.Attachment",
    "reports.Message",
    "audit.AuditEvent",
    "content.KnowledgeDocument",
]
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
TAMPERED = "the archive is damaged or was tampered with"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why."""


# --- keys ----------------------------------------------------------------------------------------


def load_recipients(values=None):
    """The age public keys an archive is encrypted to: the given ones, else
    SIGNAAL_BACKUP_RECIPIENTS (checked by config/settings.py)."""
    values = list(values or settings.SIGNAAL_BACKUP_RECIPIENTS)
    if not values:
        raise BackupError(
            "no backup key: set SIGNAAL_BACKUP_RECIPIENTS to the public key (age1...) of an age "
            "identity kept off this machine; `age-keygen -o backup-identity.txt` makes one and "
            "prints the public key. (SIGNAAL_BACKUP_KEY, the Fernet key of earlier versions, is "
            "no longer used.)"
        )
    try:
        return [x25519.Recipient.from_str(value) for value in values]
    except pyrage.RecipientError:
        raise BackupError("a backup recipient is not an age public key (age1...)") from None


def load_identities(identity_file=None):
    """The age identities (private keys) in an identity file: the given one, else
    SIGNAAL_BACKUP_IDENTITY_FILE. Lines starting with # are comments, as age-keygen writes them."""
    path = identity_file or settings.SIGNAAL_BACKUP_IDENTITY_FILE
    if not path:
        raise BackupError(
            "no identity to decrypt the archive with: give the age identity file with "
            "--identity FILE or set SIGNAAL_BACKUP_IDENTITY_FILE"
        )
    try:
        lines = Path(path).read_text().splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise BackupError(f"the identity file {path} cannot be read: {error}") from None
    keys = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    try:
        found = [x25519.Identity.from_str(key) for key in keys]
    except pyrage.IdentityError:
        found = []
    if not found:
        raise BackupError(
            f"{path} is not an age identity file (a line AGE-SECRET-KEY-..., as age-keygen writes)"
        )
    return found


# --- age in a thread, tar in the caller, a pipe between them ------------------------------------


def _tar_info(name, size, mtime, mode=0o600):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(mtime)
    info.mode = mode
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


@contextmanager
def _encrypting(handle, keys):
    """A writable file object whose content age encrypts, while it is written, into `handle`.
    When the block raises, age still ends the archive: the caller removes it."""
    read_end, write_end = os.pipe()
    errors = []

    def encrypt():
        try:
            with os.fdopen(read_end, "rb") as source:
                pyrage.encrypt_io(source, handle, keys)
        except BaseException as error:  # noqa: BLE001 - handed to the writing thread
            errors.append(error)

    thread = threading.Thread(target=encrypt, name="backup-encrypt", daemon=True)
    thread.start()
    sink = os.fdopen(write_end, "wb")
    try:
        yield sink
    finally:
        with suppress(BrokenPipeError):
            sink.close()
        thread.join()
        if errors:
            raise BackupError(f"encrypting the archive failed: {errors[0]}") from None


# --- reading: age decrypts in a thread, tar reads the pipe ---------------------------------------


class _Decrypted:
    """The reading end of the pipe that age decrypts into. Where it ends, age has finished: a
    read there raises BackupError when age found the archive wrong (so that whoever reads, tar
    or a file copy, reports that rather than a short file)."""

    def __init__(self, pipe, thread, errors):
        self.pipe, self.thread, self.errors = pipe, thread, errors

    def read(self, size=-1):
        data = self.pipe.read(size)
        if not data and size != 0:
            self.thread.join()
            if self.errors:
                raise _decrypt_error(self.errors[0])
        return data


def _decrypt_error(error):
    if isinstance(error, pyrage.DecryptError) and "No matching keys" in str(error):
        return BackupError(
            "the archive cannot be decrypted with this identity: give the identity file of one "
            "of the public keys it was made for (SIGNAAL_BACKUP_RECIPIENTS at the time)"
        )
    return BackupError(f"the archive cannot be decrypted ({error}): {TAMPERED}")


@contextmanager
def _decrypted(path, keys, *, whole=True):
    """A readable file object with the decrypted content of an archive. With `whole`, the rest of
    the archive is read when the block ends, so that age checks it to its end; a damaged or
    truncated archive raises BackupError."""
    with Path(path).open("rb") as handle:
        start = handle.read(len(AGE_MAGIC))
    if start.startswith(OLD_MAGIC):
        raise BackupError(
            "this archive has the format of earlier versions of Signaal (SIGNAALBK1, encrypted "
            "with SIGNAAL_BACKUP_KEY): restore it with such a version (docs/operations.md, "
            "'Backup and restore'), then make a new backup"
        )
    if start != AGE_MAGIC:
        raise BackupError("not a Signaal backup archive (it is not an age-encrypted file)")
    read_end, write_end = os.pipe()
    errors = []

    def decrypt():
        try:
            with Path(path).open("rb") as source, os.fdopen(write_end, "wb") as sink:
                pyrage.decrypt_io(source, sink, keys)
        except BaseException as error:  # noqa: BLE001 - handed to the reading thread
            errors.append(error)

    thread = threading.Thread(target=decrypt, name="backup-decrypt", daemon=True)
    thread.start()
    pipe = os.fdopen(read_end, "rb")
    stream = _Decrypted(pipe, thread, errors)
    try:
        yield stream
        if whole:
            while stream.read(BLOCK):
                pass
    finally:
        # Stopped early (an error, or only the beginning read; age releases no byte it has not
        # checked): a writer still at work gets a broken pipe and stops.
        pipe.close()
        thread.join()


# --- what the archive holds ----------------------------------------------------------------------


def _area_storages():
    return {"media": storages["default"], "private": storages["private"]}


def _area_roots():
    """The areas kept in local directories: {area: directory}."""
    areas = _area_storages()
    roots = {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.SIGNAAL_PRIVATE_DIR)}
    return {area: root for area, root in roots.items() if is_local(areas[area])}


def _remote_areas():
    """The areas kept elsewhere (object storage), read and written through the storage API."""
    return {area: storage for area, storage in _area_storages().items() if not is_local(storage)}


def _describe(storage):
    bucket = getattr(storage, "bucket_name", None)
    location = getattr(storage, "location", "")
    return f"bucket {bucket}/{location}" if bucket else type(storage).__name__


def _inside(path, root):
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _area_files(area, root, exclude):
    """Regular files under root, sorted; symbolic links and other areas' directories skipped."""
    if not root.is_dir():
        return
    for directory, dirnames, filenames in os.walk(root):
        current = Path(directory)
        dirnames[:] = sorted(
            name
            for name in dirnames
            if not (current / name).is_symlink()
            and not any(_inside(current / name, other) for other in exclude)
        )
        for name in sorted(filenames):
            path = current / name
            if path.is_symlink() or not path.is_file():
                continue
            if area == "private" and name.endswith(".part"):  # a write in progress
                continue
            yield path, path.relative_to(root).as_posix()


def _add_file(tar, path, name):
    with path.open("rb") as handle:
        stat = os.fstat(handle.fileno())
        tar.addfile(_tar_info(name, stat.st_size, stat.st_mtime, stat.st_mode & 0o777), handle)


def _add_stored(tar, storage, name, member, mtime, *, private):
    """A file from a storage without local paths (an S3 object, say)."""
    with storage.open(name, "rb") as handle:
        tar.addfile(_tar_info(member, handle.size, mtime, 0o600 if private else 0o644), handle)


def _member_parts(name):
    """Split and check a member's name: ("manifest", ""), ("database", file) or (area, relpath)."""
    if name == MANIFEST_NAME:
        return "manifest", ""
    path = PurePosixPath(name)
    parts = path.parts
    if (
        path.is_absolute()
        or len(parts) < 2
        or any(part in {"", ".", ".."} for part in parts)
        or "\\" in name
        or "\x00" in name
    ):
        raise BackupError(f"unexpected entry {name!r} in the archive")
    if parts[0] == "database" and name in DATABASE_FILES.values():
        return "database", name
    if parts[0] in AREAS:
        return parts[0], "/".join(parts[1:])
    raise BackupError(f"unexpected entry {name!r} in the archive")


# --- facts about a database (manifest and comparison after restore) -----------------------------


def _facts(cursor, tables):
    """Migration state, counts of some tables and the audit chain's head, through any DB-API
    cursor (the SQLite snapshot, or the PostgreSQL connection inside the dump's snapshot)."""
    migrations = {}
    if "django_migrations" in tables:
        cursor.execute("SELECT app, name FROM django_migrations")
        for app, name in cursor.fetchall():
            migrations[app] = max(migrations.get(app, ""), name)
    counts = {}
    for label in COUNTED_MODELS:
        try:
            table = apps.get_model(label)._meta.db_table
        except LookupError:
            continue
        if table in tables:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - a model's table
            counts[label] = cursor.fetchone()[0]
    audit = {"count": 0, "last_hash": "0" * 64}
    if "audit_auditchainhead" in tables:
        cursor.execute('SELECT "count", last_hash FROM audit_auditchainhead WHERE id = 1')
        row = cursor.fetchone()
        if row:
            audit = {"count": row[0], "last_hash": row[1]}
    return {"migrations": dict(sorted(migrations.items())), "counts": counts, "audit_head": audit}


def _django_facts(connection):
    with connection.cursor() as cursor:
        return _facts(cursor, set(connection.introspection.table_names(cursor)))


# --- engines ------------------------------------------------------------------------------------


def _vendor(connection):
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"backups support SQLite and PostgreSQL, not {connection.vendor}")
    return connection.vendor


def _sqlite_path(connection):
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        raise BackupError("an in-memory SQLite database cannot be backed up or restored")
    return Path(name).resolve()


def _sqlite_snapshot(connection, target):
    """Copy the live database with SQLite's backup API (consistent, also under WAL); returns the
    facts read from the copy."""
    source = sqlite3.connect(_sqlite_path(connection), timeout=30)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
        # A single self-contained file: Django switches it back to WAL when it opens it.
        destination.execute("PRAGMA journal_mode=DELETE")
        cursor = destination.cursor()
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {row[0] for row in cursor.fetchall()}
        return _facts(cursor, tables)
    finally:
        destination.close()
        source.close()


def _pg_env(settings_dict):
    """The environment for pg_dump and pg_restore: libpq reads the connection from it, so the
    password never appears on a command line."""
    env = os.environ.copy()
    options = settings_dict.get("OPTIONS") or {}
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
        "PGPASSFILE": options.get("passfile"),
        "PGSERVICE": options.get("service"),
        "PGCONNECT_TIMEOUT": options.get("connect_timeout"),
    }
    env.update({name: str(value) for name, value in values.items() if value})
    return env


def _run_pg_tool(args, env, what):
    if shutil.which(args[0]) is None:
        raise BackupError(
            f"{args[0]} not found: install the PostgreSQL client tools (postgresql-client) of the "
            "server's major version or newer"
        )
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{what} failed ({args[0]} exit {result.returncode}):\n{result.stderr}")


def _pg_snapshot(connection, target):
    """pg_dump (custom format) from the snapshot of a read-only transaction that also reads the
    manifest's facts, so that both describe the same moment."""
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        facts = _facts(cursor, set(connection.introspection.table_names(cursor)))
        _run_pg_tool(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={target}",
                f"--dbname={connection.settings_dict['NAME']}",
            ],
            _pg_env(connection.settings_dict),
            "the database dump",
        )
    return facts


# --- backup -------------------------------------------------------------------------------------


@dataclass
class BackupResult:
    path: Path
    manifest: dict
    size: int
    files: dict
    recipients: list


def create_backup(path, *, force=False, recipients=None, using="default"):
    """Write an encrypted archive of the database, MEDIA_ROOT and SIGNAAL_PRIVATE_DIR to `path`
    (mode 600), for the given age public keys or SIGNAAL_BACKUP_RECIPIENTS. Refuses to overwrite
    an existing file unless `force`."""
    path = Path(path).absolute()
    if path.exists() and not force:
        raise BackupError(f"{path} exists; choose another name or use --force to overwrite it")
    if not path.parent.is_dir():
        raise BackupError(f"the directory {path.parent} does not exist")
    roots = _area_roots()
    remotes = _remote_areas()
    for area, root in roots.items():
        if _inside(path, root):
            raise BackupError(f"write the backup outside the {area} directory {root}")
    keys = load_recipients(recipients)
    connection = connections[using]
    vendor = _vendor(connection)
    files = dict.fromkeys(AREAS, 0)
    with tempfile.TemporaryDirectory(prefix="signaal-backup-") as work:  # mode 700
        dump = Path(work) / Path(DATABASE_FILES[vendor]).name
        facts = (_sqlite_snapshot if vendor == "sqlite" else _pg_snapshot)(connection, dump)
        manifest = {
            "format": "signaal-backup",
            "format_version": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "django_version": django.get_version(),
            "database": {"engine": vendor, "file": DATABASE_FILES[vendor]},
            **facts,
        }
        fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as handle:
                with (
                    _encrypting(handle, keys) as sink,
                    tarfile.open(fileobj=sink, mode="w|gz", format=tarfile.PAX_FORMAT) as tar,
                ):
                    data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                    tar.addfile(
                        _tar_info(MANIFEST_NAME, len(data), timezone.now().timestamp()),
                        io.BytesIO(data),
                    )
                    _add_file(tar, dump, DATABASE_FILES[vendor])
                    dump.unlink()
                    for area in AREAS:
                        if area in roots:
                            others = [other for name, other in roots.items() if name != area]
                            for file_path, relative in _area_files(area, roots[area], others):
                                _add_file(tar, file_path, f"{area}/{relative}")
                                files[area] += 1
                        else:
                            mtime = timezone.now().timestamp()
                            for name in walk(remotes[area]):
                                _add_stored(
                                    tar,
                                    remotes[area],
                                    name,
                                    f"{area}/{name}",
                                    mtime,
                                    private=area == "private",
                                )
                                files[area] += 1
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, path)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    public = [str(key) for key in keys]
    return BackupResult(path, manifest, path.stat().st_size, files, public)


# --- reading an archive -------------------------------------------------------------------------


def _open_tar(stream):
    try:
        return tarfile.open(fileobj=stream, mode="r|gz")  # noqa: SIM115 - the caller closes
    except tarfile.TarError as error:
        raise BackupError(f"the archive holds no valid tar stream ({error}): {TAMPERED}") from None


def _load_manifest(tar, member):
    if member is None or member.name != MANIFEST_NAME or not member.isfile():
        raise BackupError(f"the archive does not start with its manifest: {TAMPERED}")
    try:
        manifest = json.loads(tar.extractfile(member).read())
    except ValueError:
        raise BackupError(f"the manifest cannot be read: {TAMPERED}") from None
    if manifest.get("format") != "signaal-backup":
        raise BackupError("the archive's manifest is not a Signaal backup manifest")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"the archive has format version {manifest.get('format_version')}; this version of "
            f"Signaal restores version {FORMAT_VERSION}"
        )
    return manifest


BROKEN = (tarfile.TarError, EOFError, zlib.error)


def read_manifest(path, *, identity_file=None):
    """The manifest of an archive (decrypts only its beginning)."""
    with _decrypted(path, load_identities(identity_file), whole=False) as stream:
        try:
            tar = _open_tar(stream)
            return _load_manifest(tar, tar.next())
        except BROKEN as error:
            raise BackupError(f"the archive's tar stream is broken ({error}): {TAMPERED}") from None


def iter_archive(path, *, identity_file=None):
    """Yield (kind, name, file object) for every entry of an archive, after checking its place;
    kind is "manifest", "database", "media" or "private". The whole archive is read and checked
    by age, to its end, before the iteration ends."""
    with _decrypted(path, load_identities(identity_file)) as stream:
        try:
            tar = _open_tar(stream)
            manifest = _load_manifest(tar, tar.next())
            yield "manifest", MANIFEST_NAME, io.BytesIO(json.dumps(manifest).encode())
            database_seen = False
            while (member := tar.next()) is not None:
                tar.members.clear()  # a stream: nothing to keep the entries for
                kind, name = _member_parts(member.name)
                if not member.isfile():
                    raise BackupError(f"unexpected entry {member.name!r} in the archive")
                if kind == "manifest":
                    raise BackupError(f"a second manifest in the archive: {TAMPERED}")
                if kind == "database":
                    if database_seen or name != manifest["database"]["file"]:
                        raise BackupError(f"unexpected database entry {name!r}: {TAMPERED}")
                    database_seen = True
                yield kind, name, tar.extractfile(member)
            if not database_seen:
                raise BackupError(f"the archive holds no database: {TAMPERED}")
        except BROKEN as error:
            raise BackupError(f"the archive's tar stream is broken ({error}): {TAMPERED}") from None


def verify_archive(path, *, identity_file=None):
    """Decrypt and check a whole archive without restoring anything: (manifest, files per area)."""
    manifest, files = None, dict.fromkeys(AREAS, 0)
    for kind, _name, handle in iter_archive(path, identity_file=identity_file):
        if kind == "manifest":
            manifest = json.loads(handle.read())
            continue
        while handle.read(BLOCK):
            pass
        if kind in files:
            files[kind] += 1
    return manifest, files


@dataclass
class RestoreResult:
    manifest: dict
    files: dict
    audit_checked: int = 0
    problems: list = field(default_factory=list)
    notes: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems


def _has_files(root):
    return root.is_dir() and any(path.is_file() for path in root.rglob("*"))


def _sqlite_table_count(path):
    if not path.exists() or path.stat().st_size == 0:
        return 0
    try:
        database = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            return database.execute(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        finally:
            database.close()
    except sqlite3.DatabaseError:
        return 1  # not a database we recognise: certainly not empty


def _pg_table_count(connection):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        )
        return cursor.fetchone()[0]


def _check_target(connection, vendor, force):
    if vendor == "sqlite":
        path = _sqlite_path(connection)
        if _sqlite_table_count(path) and not force:
            raise BackupError(
                f"the database {path} is not empty: restore into a fresh instance (point "
                "SQLITE_PATH at a new file), or use --force to replace this database"
            )
    else:
        if _pg_table_count(connection):
            raise BackupError(
                f"the database {connection.settings_dict['NAME']!r} is not empty: create an empty "
                "database (createdb NAME) and point DATABASE_URL at it; --force does not empty a "
                "PostgreSQL database"
            )
        connection.close()
    for area, root in _area_roots().items():
        if _has_files(root) and not force:
            raise BackupError(
                f"the {area} directory {root} is not empty: restore into empty directories, or "
                "use --force to write the archive's files over what is there"
            )
    for area, storage in _remote_areas().items():
        if next(walk(storage), None) is not None and not force:
            raise BackupError(
                f"the {area} storage ({_describe(storage)}) is not empty: restore into empty "
                "storage, or use --force to write the archive's files over what is there"
            )


def _write_file(source, target, *, private):
    # Private files stay readable by the application's user only; media files get the modes that
    # Django's file storage gives uploads.
    directory_mode = 0o700 if private else settings.FILE_UPLOAD_DIRECTORY_PERMISSIONS or 0o755
    target.parent.mkdir(parents=True, exist_ok=True, mode=directory_mode)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, 0o600 if private else settings.FILE_UPLOAD_PERMISSIONS or 0o644)
    with os.fdopen(fd, "wb") as handle:
        shutil.copyfileobj(source, handle, 1024 * 1024)


def _write_stored(source, storage, name):
    """Write a file into a storage without local paths, replacing a file of the same name."""
    with tempfile.SpooledTemporaryFile(max_size=4 * BLOCK) as spool:
        shutil.copyfileobj(source, spool, 1024 * 1024)
        spool.seek(0)
        if storage.exists(name):  # only with --force: the archive's file wins
            storage.delete(name)
        stored = storage.save(name, File(spool, name=name))
    if stored != name:
        raise BackupError(f"the storage ({_describe(storage)}) stored {name} as {stored}")


def _restore_sqlite(connection, source):
    path = _sqlite_path(connection)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".restoring", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            shutil.copyfileobj(source, handle, 1024 * 1024)
            handle.flush()
            os.fsync(handle.fileno())
        check = sqlite3.connect(partial)
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            check.close()
        if result != "ok":
            raise BackupError(f"the archive's database fails SQLite's integrity check: {result}")
        connection.close()
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def _restore_postgresql(connection, source):
    connection.close()
    with tempfile.TemporaryDirectory(prefix="signaal-restore-") as work:  # mode 700
        dump = Path(work) / "signaal.pgdump"
        with dump.open("wb") as handle:
            shutil.copyfileobj(source, handle, 1024 * 1024)
        _run_pg_tool(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(dump),
            ],
            _pg_env(connection.settings_dict),
            "restoring the database",
        )


def _check_keys(connection, result):
    """Can the configured encryption keys read the restored personal data?"""
    from core.management.commands.rotate_encryption_keys import encrypted_columns

    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model, columns in encrypted_columns():
            for column in columns:
                cursor.execute(
                    f"SELECT {quote(column)} FROM {quote(model._meta.db_table)} "  # noqa: S608
                    f"WHERE {quote(column)} <> '' LIMIT 1"
                )
                row = cursor.fetchone()
                if row and row[0]:
                    try:
                        crypto.decrypt(row[0])
                    except (InvalidToken, ValueError):
                        result.problems.append(
                            "the restored personal data cannot be decrypted with the configured "
                            "SIGNAAL_ENCRYPTION_KEYS: configure the keys of the instance the "
                            "backup was made from"
                        )
                    return


def _migration_notes(connection, manifest, result):
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    unknown = sorted(
        f"{app}.{name}"
        for app, name in executor.loader.applied_migrations
        if (app, name) not in executor.loader.disk_migrations
    )
    if unknown:
        result.notes.append(
            "the backup was made by a newer version of Signaal (migrations unknown to this "
            f"version: {', '.join(unknown[:5])}{'…' if len(unknown) > 5 else ''}); install that "
            "version"
        )
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        result.notes.append(
            f"this version of Signaal has {len(plan)} migration(s) the backup has not: run "
            "`manage.py migrate`"
        )


def restore_backup(path, *, force=False, identity_file=None, using="default", check_only=False):
    """Restore an archive into the configured database (which must be empty) and directories
    (which must hold no files), unless `force`; then compare with the manifest and verify the
    audit log's hash chain. With check_only, only decrypt and check the archive. The archive is
    decrypted with the age identity file `identity_file`, else SIGNAAL_BACKUP_IDENTITY_FILE."""
    from audit.actions import verify_chain

    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    connection = connections[using]
    manifest = read_manifest(path, identity_file=identity_file)
    engine = manifest["database"]["engine"]
    if check_only:
        manifest, files = verify_archive(path, identity_file=identity_file)
        return RestoreResult(manifest, files)
    vendor = _vendor(connection)
    if engine != vendor:
        raise BackupError(
            f"this is a {ENGINE_NAMES.get(engine, engine)} backup and the configured database is "
            f"{ENGINE_NAMES[vendor]}: an SQLite backup restores into SQLite, a PostgreSQL backup "
            "into PostgreSQL"
        )
    _check_target(connection, vendor, force)
    # Check the whole archive before anything is written: a damaged archive changes nothing.
    _, expected_files = verify_archive(path, identity_file=identity_file)
    roots, remotes = _area_roots(), _remote_areas()
    files = dict.fromkeys(AREAS, 0)
    for kind, name, handle in iter_archive(path, identity_file=identity_file):
        if kind == "database":
            (_restore_sqlite if vendor == "sqlite" else _restore_postgresql)(connection, handle)
        elif kind in roots:
            root = roots[kind]
            _write_file(handle, root.joinpath(*name.split("/")), private=kind == "private")
            files[kind] += 1
        elif kind in remotes:
            _write_stored(handle, remotes[kind], name)
            files[kind] += 1
    result = RestoreResult(manifest, files)
    connection.close()
    if files != expected_files:
        result.problems.append(f"restored {files} files, the archive holds {expected_files}")
    facts = _django_facts(connection)
    for item in ("migrations", "counts", "audit_head"):
        if facts[item] != manifest[item]:
            result.problems.append(
                f"the restored {item.replace('_', ' ')} differ from the manifest: "
                f"{facts[item]} instead of {manifest[item]}"
            )
    verification = verify_chain()
    result.audit_checked = verification.checked
    result.problems.extend(f"audit log: {problem}" for problem in verification.problems)
    _check_keys(connection, result)
    _migration_notes(connection, manifest, result)
    return result
