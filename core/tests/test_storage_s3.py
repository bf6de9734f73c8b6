"""Files on S3-compatible storage (SIGNAAL_STORAGE=s3) and on the filesystem (the default).

With S3 (moto's in-process S3): attachments are stored encrypted in the private bucket, read back
through the audited download view and deleted by retention; knowledge-base documents go into the
media bucket and are served by our view, never by a redirect to the bucket; key rotation rewrites
the objects; a backup holds the objects and a restore writes them into empty buckets. On the
filesystem: attachments are written atomically and a full disk leaves no temporary file behind."""

import errno
import io
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from unittest import mock

import boto3
import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from moto import mock_aws
from PIL import Image
from pyrage import x25519

from accounts.models import Role
from config import settings as project_settings
from core import crypto
from core.storage import MediaS3Storage, PrivateFileSystemStorage, PrivateS3Storage
from reports import storage
from reports.actions import add_attachment
from reports.models import Attachment, Report
from reports.tests.conftest import make_report

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
REGION = "eu-west-1"
MEDIA_BUCKET = "signaal-media"
PRIVATE_BUCKET = "signaal-private"
S3_ENV = {
    "SIGNAAL_STORAGE": "s3",
    "SIGNAAL_S3_BUCKET": MEDIA_BUCKET,
    "SIGNAAL_S3_PRIVATE_BUCKET": PRIVATE_BUCKET,
    "SIGNAAL_S3_REGION": REGION,
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",  # noqa: S105 - moto's fake credentials
}


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "red").save(buffer, "JPEG")
    return buffer.getvalue()


def storages_from(monkeypatch, env):
    """STORAGES as config/settings.py builds it from these environment variables."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(project_settings, "SIGNAAL_STORAGE", env.get("SIGNAAL_STORAGE", ""))
    return project_settings._storages()


@pytest.fixture
def private_dir(settings, tmp_path):
    settings.SIGNAAL_PRIVATE_DIR = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.SIGNAAL_PRIVATE_DIR


@pytest.fixture
def s3(settings, monkeypatch, private_dir):
    """Both storages in moto's S3; returns a boto3 client to look into the buckets."""
    with mock_aws():
        client = boto3.client("s3", region_name=REGION)
        for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
            client.create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION}
            )
        settings.STORAGES = storages_from(monkeypatch, S3_ENV)
        yield client


def keys(client, bucket):
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", []))


def body(client, bucket, key):
    return client.get_object(Bucket=bucket, Key=key)["Body"].read()


# --- settings ------------------------------------------------------------------------------------


def test_the_filesystem_is_the_default(private_dir):
    assert project_settings.SIGNAAL_STORAGE == "filesystem"
    assert isinstance(storages["private"], PrivateFileSystemStorage)
    assert storages["default"].location == str(private_dir.parent / "media")
    name = storage.save(b"inhoud")
    path = private_dir / "attachments" / name[:2] / name
    assert path.is_file() and (path.stat().st_mode & 0o777) == 0o600
    assert (path.parent.stat().st_mode & 0o777) == 0o700
    assert path.read_bytes() != b"inhoud" and storage.read(name) == b"inhoud"
    assert [p.name for p in path.parent.iterdir()] == [name]  # no temporary file left
    with pytest.raises(ValueError, match="no URL"):
        storages["private"].url(f"attachments/{name[:2]}/{name}")
    storage.delete(name)
    storage.delete(name)  # already gone: nothing happens
    with pytest.raises(FileNotFoundError):
        storage.read(name)


@pytest.mark.parametrize("name", ["", ".hidden", "../x", "a/b", "a\\b", "a\x00b", None])
def test_bad_storage_names_are_refused(private_dir, name):
    with pytest.raises(ValueError, match="bad storage name"):
        storage.read(name)


def test_s3_settings(monkeypatch):
    configured = storages_from(monkeypatch, S3_ENV)
    media, private = configured["default"], configured["private"]
    assert media["BACKEND"] == "core.storage.MediaS3Storage"
    assert media["OPTIONS"]["bucket_name"] == MEDIA_BUCKET
    assert private["BACKEND"] == "core.storage.PrivateS3Storage"
    assert private["OPTIONS"]["bucket_name"] == PRIVATE_BUCKET
    for options in (media["OPTIONS"], private["OPTIONS"]):
        assert options["default_acl"] == "private" and options["querystring_auth"] is False
    assert media["OPTIONS"]["location"] != private["OPTIONS"]["location"]
    monkeypatch.delenv("SIGNAAL_S3_PRIVATE_BUCKET")
    monkeypatch.setenv("SIGNAAL_S3_DEFAULT_ACL", "none")
    configured = storages_from(monkeypatch, {"SIGNAAL_STORAGE": "s3"})
    assert configured["private"]["OPTIONS"]["bucket_name"] == MEDIA_BUCKET
    assert configured["private"]["OPTIONS"]["location"] == "private"
    assert configured["private"]["OPTIONS"]["default_acl"] is None


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SIGNAAL_STORAGE": "nfs"}, "filesystem or s3"),
        ({"SIGNAAL_STORAGE": "s3", "SIGNAAL_S3_BUCKET": ""}, "SIGNAAL_S3_BUCKET"),
        ({**S3_ENV, "SIGNAAL_S3_DEFAULT_ACL": "public-read"}, "SIGNAAL_S3_DEFAULT_ACL"),
    ],
)
def test_wrong_storage_settings_are_refused(monkeypatch, env, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        storages_from(monkeypatch, env)


# --- the filesystem: a full disk -----------------------------------------------------------------


def test_a_full_disk_leaves_no_temporary_file_and_keeps_the_report(private_dir):
    report = make_report()
    full = OSError(errno.ENOSPC, "No space left on device")
    with mock.patch("core.storage.os.fsync", side_effect=full):
        failed = add_attachment(report, SimpleUploadedFile("foto.jpg", jpeg(), "image/jpeg"))
    assert failed == "foto.jpg"
    assert Report.objects.filter(pk=report.pk).exists()
    assert report.attachments.get().state == Attachment.State.FAILED
    leftovers = [path for path in private_dir.rglob("*") if path.is_file()]
    assert leftovers == []


def test_a_failed_write_on_disk_leaves_the_old_file_in_place(private_dir):
    name = storage.save(b"eerste")
    private = storages["private"]
    with (
        mock.patch("core.storage.os.replace", side_effect=OSError(errno.ENOSPC, "full")),
        pytest.raises(OSError, match="full"),
    ):
        private.save(f"attachments/{name[:2]}/{name}", io.BytesIO(b"x"))
    assert storage.read(name) == b"eerste"
    assert [p.name for p in (private_dir / "attachments" / name[:2]).iterdir()] == [name]


# --- S3: attachments -----------------------------------------------------------------------------


def test_an_attachment_is_stored_encrypted_in_the_bucket_read_back_and_deleted_by_retention(
    s3, client, personas, login, django_capture_on_commit_callbacks
):
    from privacy.retention import apply_retention

    assert isinstance(storages["private"], PrivateS3Storage)
    photo = jpeg()
    report = make_report()
    assert add_attachment(report, SimpleUploadedFile("foto.jpg", photo, "image/jpeg")) is None
    attachment = report.attachments.get()
    assert attachment.state == Attachment.State.STORED
    name = attachment.storage_name
    key = f"private/attachments/{name[:2]}/{name}"
    assert keys(s3, PRIVATE_BUCKET) == [key]
    assert keys(s3, MEDIA_BUCKET) == []
    stored = body(s3, PRIVATE_BUCKET, key)
    assert stored != photo and b"JFIF" not in stored and stored[:3] != b"\xff\xd8\xff"
    assert crypto.decrypt_bytes(stored)[:3] == b"\xff\xd8\xff"
    # No ACL but the owner's on the object.
    grants = s3.get_object_acl(Bucket=PRIVATE_BUCKET, Key=key)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]

    # Read back through the audited download view.
    login(client, personas[Role.REPORTING_POINT_STAFF])
    response = client.get(reverse("reports:attachment", args=[report.reference, attachment.pk]))
    assert response.status_code == 200
    assert response.content == storage.read(name)
    assert response.content[:3] == b"\xff\xd8\xff"

    # Deleted by retention.
    Report.objects.filter(pk=report.pk).update(
        status="closed",
        outcome="no_indication",
        closed_at=timezone.now() - timedelta(days=800),
    )
    with django_capture_on_commit_callbacks(execute=True):
        apply_retention()
    assert not Attachment.objects.exists()
    assert keys(s3, PRIVATE_BUCKET) == []
    with pytest.raises(FileNotFoundError):
        storage.read(name)
    with pytest.raises(ValueError, match="no URL"):
        storages["private"].url(key)


def test_an_attachment_that_cannot_be_uploaded_is_marked_failed(s3):
    report = make_report()
    s3.delete_bucket(Bucket=PRIVATE_BUCKET)  # every upload now fails
    failed = add_attachment(report, SimpleUploadedFile("foto.jpg", jpeg(), "image/jpeg"))
    assert failed == "foto.jpg"
    assert report.attachments.get().state == Attachment.State.FAILED


# --- S3: the knowledge base ----------------------------------------------------------------------


def test_a_document_goes_to_the_bucket_and_is_served_by_our_view(
    s3, client, personas, login, django_capture_on_commit_callbacks
):
    from wagtail.models import Collection

    from content.models import KnowledgeDocument
    from content.pdfgen import make_pdf

    assert isinstance(storages["default"], MediaS3Storage)
    buffer = io.BytesIO()
    make_pdf(buffer, title="Handreiking", paragraphs_by_page=[["Signalen in de kassen."]])
    pdf = buffer.getvalue()
    login(client, personas[Role.EDITOR])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Handreiking kassen",
                "file": SimpleUploadedFile("handreiking.pdf", pdf),
                "collection": Collection.get_first_root_node().pk,
                "document_type": "handbook",
                "language": "nl",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = KnowledgeDocument.objects.get(title="Handreiking kassen")
    assert keys(s3, MEDIA_BUCKET) == [f"media/{document.file.name}"]
    assert body(s3, MEDIA_BUCKET, f"media/{document.file.name}") == pdf
    assert document.extraction_status == "done" and "kassen" in document.text  # from the bucket
    grants = s3.get_object_acl(Bucket=MEDIA_BUCKET, Key=f"media/{document.file.name}")["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]

    client.logout()
    response = client.get(document.url)
    assert response.status_code == 200 and "Location" not in response
    assert b"".join(response.streaming_content) == pdf
    assert response["Content-Disposition"].startswith("attachment")
    page = client.get(document.detail_url).content.decode()
    assert document.url in page
    assert MEDIA_BUCKET not in page and "amazonaws" not in page
    # A storage URL would be unsigned: against a private bucket it opens nothing.
    assert "Signature" not in storages["default"].url(document.file.name)

    # A file gone from the bucket is a 404, not an error.
    s3.delete_object(Bucket=MEDIA_BUCKET, Key=f"media/{document.file.name}")
    assert client.get(document.url).status_code == 404


# --- S3: key rotation ----------------------------------------------------------------------------


def test_key_rotation_rewrites_the_objects(s3, monkeypatch):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setattr(settings, "SIGNAAL_ENCRYPTION_KEYS", [old])
    crypto.reset_keys()
    try:
        names = [storage.save(f"bijlage {n}".encode()) for n in range(3)]
        before = {name: storage.read_raw(name) for name in names}
        monkeypatch.setattr(settings, "SIGNAAL_ENCRYPTION_KEYS", [new, old])
        out = io.StringIO()
        call_command("rotate_encryption_keys", "--dry-run", stdout=out)
        assert "and 3 files" in out.getvalue()
        assert {name: storage.read_raw(name) for name in names} == before
        out = io.StringIO()
        call_command("rotate_encryption_keys", stdout=out)
        assert "re-encrypted" in out.getvalue() and "and 3 files" in out.getvalue()
        assert len(keys(s3, PRIVATE_BUCKET)) == 3  # rewritten in place, nothing added
        monkeypatch.setattr(settings, "SIGNAAL_ENCRYPTION_KEYS", [new])  # the old key is gone
        crypto.reset_keys()
        for n, name in enumerate(names):
            assert storage.read(name) == f"bijlage {n}".encode()
            assert crypto.is_current(storage.read_raw(name))
        out = io.StringIO()
        call_command("rotate_encryption_keys", stdout=out)
        assert "and 0 files" in out.getvalue()
    finally:
        monkeypatch.setattr(settings, "SIGNAAL_ENCRYPTION_KEYS", [])
        crypto.reset_keys()


# --- S3: backup and restore ----------------------------------------------------------------------

# Runs manage.py commands and code in one process with moto's S3 (state lives in the process):
# each instance starts with empty buckets.
RUNNER = """
import json, os, sys
from moto import mock_aws

with mock_aws():
    import boto3
    client = boto3.client("s3", region_name=os.environ["SIGNAAL_S3_REGION"])
    for bucket in (os.environ["SIGNAAL_S3_BUCKET"], os.environ["SIGNAAL_S3_PRIVATE_BUCKET"]):
        client.create_bucket(
            Bucket=bucket,
            CreateBucketConfiguration={"LocationConstraint": os.environ["SIGNAAL_S3_REGION"]},
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    for kind, *args in json.loads(sys.argv[1]):
        if kind == "manage":
            call_command(*args)
        else:
            exec(args[0])
"""

SEED = """
import io, uuid
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from PIL import Image
from reports.actions import add_attachment, submit_report
from django.core.files.uploadedfile import SimpleUploadedFile

report = submit_report(
    fields={"description": "Zes mensen in de loods", "acute_danger": "no",
            "reporter_type": "citizen"},
    kind="report", channel="public", language="nl", idempotency_key=uuid.uuid4(),
).report
image = io.BytesIO()
Image.new("RGB", (40, 20), "red").save(image, "JPEG")
upload = SimpleUploadedFile("foto.jpg", image.getvalue(), "image/jpeg")
assert add_attachment(report, upload) is None
storages["default"].save("documents/handreiking.txt", ContentFile(b"Handreiking kassen"))
"""

CHECK = """
import hashlib, json
from django.core.files.storage import storages
from reports import storage
from reports.models import Attachment

data = storage.read(Attachment.objects.get().storage_name)
print("RESULT " + json.dumps({
    "media": sorted(o.key for o in storages["default"].bucket.objects.all()),
    "private": sorted(o.key for o in storages["private"].bucket.objects.all()),
    "jpeg": data[:3] == b"\\xff\\xd8\\xff",
    "document": storages["default"].open("documents/handreiking.txt").read().decode(),
}))
"""


OCCUPY = """
from django.core.files.base import ContentFile
from django.core.files.storage import storages

storages["default"].save("documents/ander.txt", ContentFile(b"ander"))
"""


def run(root, steps, *, expect_ok=True):
    identity_file = root / "backup-identity.txt"
    identity_file.write_text(f"{BACKUP_IDENTITY}\n")
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DATABASE_URL", "MEDIA_ROOT", "SIGNAAL_PRIVATE_DIR", "SIGNAAL_DEMO"}
    }
    env.update(
        S3_ENV,
        SIGNAAL_ENV="test",
        SIGNAAL_VAR_DIR=str(root / "var"),
        SQLITE_PATH=str(root / "signaal.sqlite3"),
        MEDIA_ROOT=str(root / "media"),
        SIGNAAL_PRIVATE_DIR=str(root / "private"),
        SIGNAAL_ENCRYPTION_KEYS=ENCRYPTION_KEY,
        SIGNAAL_BACKUP_RECIPIENTS=str(BACKUP_IDENTITY.to_public()),
        SIGNAAL_BACKUP_IDENTITY_FILE=str(identity_file),
        SECRET_KEY="storage-test",
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
    )
    result = subprocess.run(  # noqa: S603 - this interpreter, our own script
        [sys.executable, "-c", RUNNER, json.dumps(steps)],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if expect_ok:
        assert result.returncode == 0, (result.stdout, result.stderr[-3000:])
    return result


ENCRYPTION_KEY = Fernet.generate_key().decode()
BACKUP_IDENTITY = x25519.Identity.generate()


def test_a_backup_holds_the_objects_and_restores_them_into_empty_buckets(tmp_path):
    archive = tmp_path / "signaal.tar.gz.age"
    source, target = tmp_path / "source", tmp_path / "target"
    source.mkdir()
    target.mkdir()
    result = run(
        source,
        [
            ["manage", "migrate", "--verbosity", "0"],
            ["code", SEED],
            ["manage", "backup", "--output", str(archive)],
        ],
    )
    assert archive.is_file(), result.stdout
    # Nothing was written to the local directories: the files are in the buckets.
    assert not (source / "media").exists() and not (source / "private").exists()

    from core import backup

    entries = {}
    identity_file = source / "backup-identity.txt"
    for kind, name, handle in backup.iter_archive(archive, identity_file=identity_file):
        entries[(kind, name)] = handle.read()
    assert entries[("media", "documents/handreiking.txt")] == b"Handreiking kassen"
    private = [name for kind, name in entries if kind == "private"]
    assert len(private) == 1 and private[0].startswith("attachments/")
    assert b"\xff\xd8\xff" not in entries[("private", private[0])][:3]  # still encrypted

    result = run(target, [["manage", "restore", str(archive)], ["code", CHECK]])
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    restored = json.loads(line.removeprefix("RESULT "))
    assert restored["media"] == ["media/documents/handreiking.txt"]
    assert restored["private"] == [f"private/{private[0]}"]
    assert restored["jpeg"] and restored["document"] == "Handreiking kassen"

    # A restore refuses a bucket that already holds files.
    (tmp_path / "again").mkdir()
    refused = run(
        tmp_path / "again",
        [["code", OCCUPY], ["manage", "restore", str(archive)]],
        expect_ok=False,
    )
    assert refused.returncode != 0
    assert "media storage (bucket signaal-media/media) is not empty" in refused.stderr
