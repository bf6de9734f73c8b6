"""Encrypted backups: the database, MEDIA_ROOT and SIGNAAL_PRIVATE_DIR in one archive.

The files come from the storages (settings.STORAGES "default" and "private"): directories are read
from the disk, other storages (S3 buckets, SIGNAAL_STORAGE=s3) through the storage API, and a
restore writes them back the same way.

The archive is a tar stream (manifest.json first, then the database dump, then media/... and
private/...) that is encrypted while it is written, so no unencrypted archive ever touches the
disk:

    "SIGNAALBK1" + 16 random bytes (the archive's id)
    then frames: a 4-byte big-endian length + a Fernet token

Each token holds at most 4 MiB of the tar stream, zlib-compressed, behind the archive id, the
frame's number and a flag for the last frame. Fernet authenticates every frame; the id, the
number and the last-frame flag make a changed, removed, reordered, spliced or truncated archive
fail as well.

The database dump is native per engine, so that a restore is exact (primary keys, the audit
log's hashes, sequences): SQLite's online backup API (a consistent snapshot, also under WAL), or
`pg_dump --format=custom` taken from a snapshot that the manifest's counts come from too. A
backup restores into the same engine only.

The key: SIGNAAL_BACKUP_KEY (a Fernet key; several separated by commas, the first encrypts, all
decrypt), or else the first of SIGNAAL_ENCRYPTION_KEYS. A separate backup key is better: whoever
holds the archive and the backup key still cannot read the personal data, which is encrypted per
field with the encryption keys. Neither key is in the archive: keep them (and SECRET_KEY or
SIGNAAL_INDEX_KEY, on which follow-up codes depend) apart from the archives.
"""

import io
import json
import os
import shutil
import sqlite3
import struct
import subprocess  # noqa: S404 - pg_dump and pg_restore, with argument lists
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import django
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import connections, transaction
from django.utils import timezone

from core import crypto
from core.storage import is_local, walk

MAGIC = b"SIGNAALBK1"
FORMAT_VERSION = 1
CHUNK_BYTES = 4 * 1024 * 1024
ID_BYTES = 16
# A frame's plaintext starts with the archive id, the frame number and the last-frame flag.
FRAME_HEADER = struct.Struct(">16sQB")
LENGTH = struct.Struct(">I")
# A token for 4 MiB, even incompressible, is about 5.6 MB; anything much longer is damage.
MAX_TOKEN_BYTES = 16 * 1024 * 1024

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


def _env_keys(name):
    return [key.strip() for key in os.environ.get(name, "").split(",") if key.strip()]


def _fernet(key, source):
    try:
        return Fernet(key)
    except (ValueError, TypeError):
        raise BackupError(f"{source} is not a valid Fernet key") from None


def encryption_key(key=None):
    """(Fernet, where the key came from) for writing an archive."""
    if key:
        return _fernet(key, "the given backup key"), "the given key"
    keys = _env_keys("SIGNAAL_BACKUP_KEY")
    if keys:
        return _fernet(keys[0], "SIGNAAL_BACKUP_KEY"), "SIGNAAL_BACKUP_KEY"
    return crypto._fernets()[0], "the first encryption key (SIGNAAL_BACKUP_KEY is not set)"


def decryption_keys(key=None):
    """The keys an archive may be encrypted with: the given key, else SIGNAAL_BACKUP_KEY's keys,
    else all encryption keys (so an archive made before a key rotation still opens)."""
    if key:
        return MultiFernet([_fernet(key, "the given backup key")])
    keys = _env_keys("SIGNAAL_BACKUP_KEY")
    if keys:
        return MultiFernet([_fernet(k, "SIGNAAL_BACKUP_KEY") for k in keys])
    return crypto.keyring()


# --- the encrypted stream ------------------------------------------------------------------------


class EncryptingWriter:
    """A write-only file object: encrypts what is written in frames of CHUNK_BYTES. close()
    writes the last frame (it does not close the underlying file)."""

    def __init__(self, fileobj, fernet, chunk_bytes=CHUNK_BYTES):
        self.file = fileobj
        self.fernet = fernet
        self.chunk_bytes = chunk_bytes
        self.archive_id = os.urandom(ID_BYTES)
        self.index = 0
        self.buffer = bytearray()
        self.closed = False
        self.file.write(MAGIC + self.archive_id)

    def write(self, data):
        if self.closed:
            raise ValueError("write to a closed archive")
        self.buffer += data
        while len(self.buffer) > self.chunk_bytes:
            self._frame(bytes(self.buffer[: self.chunk_bytes]), final=False)
            del self.buffer[: self.chunk_bytes]
        return len(data)

    def close(self):
        if not self.closed:
            self._frame(bytes(self.buffer), final=True)
            self.buffer = bytearray()
            self.closed = True

    def _frame(self, data, *, final):
        plain = FRAME_HEADER.pack(self.archive_id, self.index, final) + zlib.compress(data, 6)
        token = self.fernet.encrypt(plain)
        self.file.write(LENGTH.pack(len(token)) + token)
        self.index += 1


class DecryptingReader:
    """A read-only file object over an archive: checks every frame (key, order, completeness) and
    raises BackupError when anything is wrong."""

    def __init__(self, fileobj, fernet):
        self.file = fileobj
        self.fernet = fernet
        header = fileobj.read(len(MAGIC) + ID_BYTES)
        if len(header) < len(MAGIC) or header[: len(MAGIC)] != MAGIC:
            raise BackupError("not a Signaal backup archive (the file lacks its mark)")
        if len(header) < len(MAGIC) + ID_BYTES:
            raise BackupError(f"the archive is truncated: {TAMPERED}")
        self.archive_id = header[len(MAGIC) :]
        self.index = 0
        self.done = False
        self.data = b""
        self.position = 0

    def _read_exactly(self, size):
        data = self.file.read(size)
        if len(data) < size:
            raise BackupError(f"the archive is truncated: {TAMPERED}")
        return data

    def _next_frame(self):
        if self.done:
            return False
        (length,) = LENGTH.unpack(self._read_exactly(LENGTH.size))
        if not FRAME_HEADER.size < length <= MAX_TOKEN_BYTES:
            raise BackupError(f"frame {self.index} has an impossible length: {TAMPERED}")
        token = self._read_exactly(length)
        try:
            plain = self.fernet.decrypt(token)
        except InvalidToken:
            raise BackupError(
                f"frame {self.index} cannot be decrypted: the backup key is wrong (set "
                "SIGNAAL_BACKUP_KEY, or SIGNAAL_ENCRYPTION_KEYS, to the key the backup was made "
                f"with), or {TAMPERED}"
            ) from None
        archive_id, index, final = FRAME_HEADER.unpack_from(plain)
        if archive_id != self.archive_id or index != self.index:
            raise BackupError(f"frame {self.index} is out of place: {TAMPERED}")
        try:
            self.data = zlib.decompress(plain[FRAME_HEADER.size :])
        except zlib.error:
            raise BackupError(f"frame {self.index} cannot be unpacked: {TAMPERED}") from None
        self.position = 0
        self.index += 1
        if final:
            self.done = True
            if self.file.read(1):
                raise BackupError(f"there is data after the last frame: {TAMPERED}")
        return True

    def read(self, size=-1):
        if size is None or size < 0:
            parts = [self.data[self.position :]]
            while self._next_frame():
                parts.append(self.data)
            self.data, self.position = b"", 0
            return b"".join(parts)
        while self.position >= len(self.data):
            if not self._next_frame():
                return b""
        chunk = self.data[self.position : self.position + size]
        self.position += len(chunk)
        return chunk

    def drain(self):
        """Read and check the rest of the archive (tar stops reading before its end)."""
        while self._next_frame():
            pass


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


def _tar_info(name, size, mtime, mode=0o600):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(mtime)
    info.mode = mode
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def _add_file(tar, path, name):
    stat = path.stat()
    with path.open("rb") as handle:
        tar.addfile(_tar_info(name, stat.st_size, stat.st_mtime, stat.st_mode & 0o777), handle)


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
    key_source: str


def create_backup(path, *, force=False, key=None, using="default"):
    """Write an encrypted archive of the database, MEDIA_ROOT and SIGNAAL_PRIVATE_DIR to `path`
    (mode 600). Refuses to overwrite an existing file unless `force`."""
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
    fernet, key_source = encryption_key(key)
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
                writer = EncryptingWriter(handle, fernet)
                with tarfile.open(fileobj=writer, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                    data = json.dumps(manifest, indent=2, sort_keys=True).encode()
                    tar.addfile(
                        _tar_info(MANIFEST_NAME, len(data), timezone.now().timestamp()),
                        io.BytesIO(data),
                    )
                    _add_file(tar, dump, DATABASE_FILES[vendor])
                    dump.unlink()
                    for area in AREAS:
                        if area in roots:
                            root = roots[area]
                            others = [other for name, other in roots.items() if name != area]
                            for file_path, relative in _area_files(area, root, others):
                                _add_file(tar, file_path, f"{area}/{relative}")
                                files[area] += 1
                        else:
                            storage = remotes[area]
                            mtime = timezone.now().timestamp()
                            for name in walk(storage):
                                _add_stored(
                                    tar,
                                    storage,
                                    name,
                                    f"{area}/{name}",
                                    mtime,
                                    private=area == "private",
                                )
                                files[area] += 1
                writer.close()
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, path)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    return BackupResult(path, manifest, path.stat().st_size, files, key_source)


# --- reading an archive -------------------------------------------------------------------------


def _open_tar(handle, fernet):
    reader = DecryptingReader(handle, fernet)
    try:
        tar = tarfile.open(fileobj=reader, mode="r|")  # noqa: SIM115 - the caller holds the file
    except tarfile.TarError as error:
        raise BackupError(f"the archive holds no valid tar stream ({error}): {TAMPERED}") from None
    return reader, tar


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


def read_manifest(path, *, key=None):
    """The manifest of an archive (decrypts only its beginning)."""
    fernet = decryption_keys(key)
    with Path(path).open("rb") as handle:
        _, tar = _open_tar(handle, fernet)
        try:
            return _load_manifest(tar, tar.next())
        except tarfile.TarError as error:
            raise BackupError(f"the archive's tar stream is broken ({error}): {TAMPERED}") from None


def iter_archive(path, *, key=None):
    """Yield (kind, name, file object) for every entry of an archive, after checking its place;
    kind is "manifest", "database", "media" or "private". The whole archive is read and checked,
    to its last frame, before the iteration ends."""
    fernet = decryption_keys(key)
    with Path(path).open("rb") as handle:
        reader, tar = _open_tar(handle, fernet)
        try:
            first = tar.next()
            manifest = _load_manifest(tar, first)
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
            reader.drain()
        except tarfile.TarError as error:
            raise BackupError(f"the archive's tar stream is broken ({error}): {TAMPERED}") from None


def verify_archive(path, *, key=None):
    """Decrypt and check a whole archive without restoring anything: (manifest, files per area)."""
    manifest, files = None, dict.fromkeys(AREAS, 0)
    for kind, _name, handle in iter_archive(path, key=key):
        if kind == "manifest":
            manifest = json.loads(handle.read())
            continue
        while handle.read(1024 * 1024):
            pass
        if kind in files:
            files[kind] += 1
    return manifest, files


# --- restore ------------------------------------------------------------------------------------


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
    # Private files stay readable by the application's user only; media files get the mode that
    # Django's file storage gives uploads.
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700 if private else 0o755)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, 0o600 if private else 0o644)
    with os.fdopen(fd, "wb") as handle:
        shutil.copyfileobj(source, handle, 1024 * 1024)


def _write_stored(source, storage, name):
    """Write a file into a storage without local paths, replacing a file of the same name."""
    with tempfile.SpooledTemporaryFile(max_size=CHUNK_BYTES) as spool:
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


def restore_backup(path, *, force=False, key=None, using="default", check_only=False):
    """Restore an archive into the configured database (which must be empty) and directories
    (which must hold no files), unless `force`; then compare with the manifest and verify the
    audit log's hash chain. With check_only, only decrypt and check the archive."""
    from audit.actions import verify_chain

    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    connection = connections[using]
    manifest = read_manifest(path, key=key)
    engine = manifest["database"]["engine"]
    if check_only:
        manifest, files = verify_archive(path, key=key)
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
    _, expected_files = verify_archive(path, key=key)
    roots, remotes = _area_roots(), _remote_areas()
    files = dict.fromkeys(AREAS, 0)
    for kind, name, handle in iter_archive(path, key=key):
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
