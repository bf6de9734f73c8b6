"""Attachments: encrypted with the application's keys and kept in the "private" storage
(settings.STORAGES: a directory under SIGNAAL_PRIVATE_DIR, or a private S3 bucket), which no URL
serves. Only the permission-checking, audited download views read them back."""

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import storages

from core import crypto

DIRECTORY = "attachments"


def _storage():
    return storages["private"]


def _name(storage_name):
    """The file's name in the private storage: attachments/<first 2 characters>/<name>."""
    if (
        not storage_name
        or not isinstance(storage_name, str)
        or any(character in storage_name for character in "/\\\x00")
        or storage_name.startswith(".")
    ):
        raise ValueError("bad storage name")
    return f"{DIRECTORY}/{storage_name[:2]}/{storage_name}"


def save(data: bytes) -> str:
    """Encrypt and store `data`; returns the storage name. The file appears complete or not at
    all (on disk: written to a temporary name, synced, then renamed; in S3: one upload)."""
    storage_name = uuid.uuid4().hex
    name = _name(storage_name)
    stored = _storage().save(name, ContentFile(crypto.encrypt_bytes(data)))
    if stored != name:  # the storage chose another name: then we would not find it again
        _storage().delete(stored)
        raise RuntimeError(f"the private storage stored {name} as {stored}")
    return storage_name


def read(storage_name) -> bytes:
    return crypto.decrypt_bytes(read_raw(storage_name))


def read_raw(storage_name) -> bytes:
    """The encrypted bytes as stored (for key rotation and tests). FileNotFoundError when the
    file is not there."""
    with _storage().open(_name(storage_name), "rb") as handle:
        return handle.read()


def delete(storage_name):
    """Remove the file; nothing happens when it is already gone."""
    _storage().delete(_name(storage_name))
