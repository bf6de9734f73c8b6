"""Attachments on disk: encrypted with the application's keys, under a private directory that no
URL serves. Only the permission-checking, audited download view reads them back."""

import os
import uuid
from pathlib import Path

from django.conf import settings

from core import crypto


def _root():
    return Path(settings.SIGNAAL_PRIVATE_DIR) / "attachments"


def _path(storage_name):
    if not storage_name or "/" in storage_name or storage_name.startswith("."):
        raise ValueError("bad storage name")
    return _root() / storage_name[:2] / storage_name


def save(data: bytes) -> str:
    """Encrypt and write `data`; returns the storage name. The file appears complete or not at
    all (written to a temporary name, synced, then renamed)."""
    storage_name = uuid.uuid4().hex
    path = _path(storage_name)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_suffix(".part")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(crypto.encrypt_bytes(data))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    return storage_name


def read(storage_name) -> bytes:
    return crypto.decrypt_bytes(_path(storage_name).read_bytes())


def read_raw(storage_name) -> bytes:
    """The encrypted bytes as stored (for key rotation and tests)."""
    return _path(storage_name).read_bytes()


def delete(storage_name):
    _path(storage_name).unlink(missing_ok=True)
