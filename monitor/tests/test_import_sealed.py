"""Uploaded import files are stored encrypted (an export may hold personal columns, also those
mapped to "ignored"): the database column never holds the file's text, the product reads the
bytes back, key rotation covers the column, and the migration seals files stored before."""

import pytest
from django.db import connection

from accounts.models import Role
from core import crypto
from core.management.commands.rotate_encryption_keys import encrypted_columns
from monitor.models import ImportBatch, ImportUpload
from monitor.tests.test_import_mapping import EXPORT, EXPORT_MAPPING, post_mapping, send

SECRET = "Jan Jansen, Dorpsstraat 1"  # a personal column of the export, mapped to "ignored"
FILE = EXPORT.replace("zie dossier", SECRET)


def stored(model, pk):
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT content FROM {table} WHERE id = %s", [pk])  # noqa: S608
        value = cursor.fetchone()[0]
    return bytes(value) if isinstance(value, bytes | memoryview) else value.encode()


@pytest.mark.django_db
def test_the_uploaded_file_is_encrypted_in_the_database_and_read_back_whole(
    client, personas, login, django_capture_on_commit_callbacks
):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    url = send(client, FILE)
    upload = ImportUpload.objects.get()
    assert bytes(ImportUpload.objects.get().content) == FILE.encode()
    raw = stored(ImportUpload, upload.pk)
    assert raw.startswith(crypto.PREFIX.encode())
    assert SECRET.encode() not in raw and b"Registratienummer" not in raw
    # the import reads it back: the batch holds it sealed too until it is imported
    with django_capture_on_commit_callbacks(execute=False):
        post_mapping(client, url, EXPORT_MAPPING)
    batch = ImportBatch.objects.get()
    assert bytes(batch.content) == FILE.encode()
    raw = stored(ImportBatch, batch.pk)
    assert raw.startswith(crypto.PREFIX.encode()) and SECRET.encode() not in raw


@pytest.fixture
def a_key(settings):
    """Explicit keys for a test without the database (as core/tests/test_crypto.py does)."""
    from cryptography.fernet import Fernet

    settings.SIGNAAL_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    crypto.reset_keys()
    yield
    crypto.reset_keys()


def test_empty_content_stays_empty_and_bytes_round_trip(a_key):
    field = crypto.EncryptedBinaryField()
    assert field.get_prep_value(b"") == ""
    assert field.from_db_value("", None, None) == b""
    data = bytes(range(256)) * 3
    assert field.from_db_value(field.get_prep_value(data), None, None) == data
    assert field.from_db_value(field.get_prep_value(memoryview(data)), None, None) == data


def test_a_serializer_writes_the_bytes_as_base64_and_reads_them_back():
    field = ImportUpload._meta.get_field("content")
    data = "Zoë; Łódź;\x00".encode() + bytes(range(200, 256))
    text = field.value_to_string(ImportUpload(content=data))
    assert isinstance(text, str) and text.isascii() and "b'" not in text
    assert field.to_python(text) == data


def test_key_rotation_covers_the_import_files():
    covered = dict(encrypted_columns())
    assert covered[ImportBatch] == ["content"]
    assert covered[ImportUpload] == ["content"]


MIGRATION_CHECK = """
import django
django.setup()
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

FILE = {file!r}.encode()
call_command("migrate", "monitor", "0004_released_cells_and_audit", verbosity=0)
old = MigrationExecutor(connection).loader.project_state(
    [("monitor", "0004_released_cells_and_audit")]
).apps
User = old.get_model(*settings.AUTH_USER_MODEL.split("."))
user = User.objects.create(email="import@example.org")
common = dict(format="records", uploaded_at=timezone.now(), uploaded_by_id=user.pk)
batch = old.get_model("monitor", "ImportBatch").objects.create(
    file_name="oud.csv", content=FILE, **common
)
empty = old.get_model("monitor", "ImportBatch").objects.create(
    file_name="klaar.csv", content=b"", **common
)
upload = old.get_model("monitor", "ImportUpload").objects.create(
    file_name="wacht.csv", content=FILE, headers=[], **common
)
call_command("migrate", verbosity=0)

from monitor.models import ImportBatch, ImportUpload

assert ImportBatch.objects.get(pk=batch.pk).content == FILE
assert ImportBatch.objects.get(pk=empty.pk).content == b""
assert ImportUpload.objects.get(pk=upload.pk).content == FILE
for table, pk in (("monitor_importbatch", batch.pk), ("monitor_importupload", upload.pk)):
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM " + table + " WHERE id = %s", [pk])
        raw = cursor.fetchone()[0]
    assert raw.startswith("enc1:") and {secret!r} not in raw, raw[:40]
print("sealed")
"""


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="it runs on SQLite whatever the engine: once is enough"
)
def test_the_migration_seals_files_stored_before_it(tmp_path):
    """On a fresh SQLite database of its own (a migration test cannot run inside the test
    database's transaction): files stored before the migration are sealed by it."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "SIGNAAL_ENV": "development", "SIGNAAL_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    env.pop("SIGNAAL_ENCRYPTION_KEYS", None)
    script = MIGRATION_CHECK.format(file=FILE, secret=SECRET)
    done = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip().endswith("sealed")
