"""Encryption at rest of personal data, by the application.

Keys come from SIGNAAL_ENCRYPTION_KEYS (comma-separated Fernet keys, newest first); the embedded
default keeps a generated key file under var/ beside the database, never in the repository. Data
is encrypted with the first key and decrypted with any of them (MultiFernet), so a new key can be
put in front and the old ones kept until everything is re-encrypted (key rotation).

Encrypted values cannot be searched. Where we must find equal values (the same address, the same
follow-up code) we store a keyed hash beside them: blind_index().
"""

import base64
import hashlib
import hmac
import os
import sys
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

__all__ = [
    "InvalidToken",
    "EncryptedTextField",
    "EncryptedBinaryField",
    "encrypt",
    "decrypt",
    "blind_index",
]

# Every encrypted text starts with this marker, so that a stored value is never mistaken for plain
# text (and a column can be checked for values that escaped encryption).
PREFIX = "enc1:"


def _key_file():
    return settings.VAR_DIR / "encryption_keys"


def _configured_keys():
    if settings.SIGNAAL_ENCRYPTION_KEYS:
        return list(settings.SIGNAAL_ENCRYPTION_KEYS)
    key_file = _key_file()
    if not key_file.exists():
        if settings.PRODUCTION and settings.DATABASE_URL:
            raise ImproperlyConfigured(
                "SIGNAAL_ENCRYPTION_KEYS must be set when Signaal runs on a database server"
            )
        key_file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(Fernet.generate_key().decode() + "\n")
        print(
            f"WARNING: generated an encryption key in {key_file}. Back it up separately from the "
            "database: without it the personal data in reports cannot be read.",
            file=sys.stderr,
        )
    return [line.strip() for line in key_file.read_text().splitlines() if line.strip()]


@cache
def _fernets():
    keys = _configured_keys()
    if not keys:
        raise ImproperlyConfigured("no encryption key configured")
    try:
        return [Fernet(key) for key in keys]
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            f"an encryption key is not a valid Fernet key: {error}"
        ) from None


@cache
def keyring():
    return MultiFernet(_fernets())


def is_current(token: bytes) -> bool:
    """Was `token` encrypted with the newest key (nothing to rotate)?"""
    try:
        _fernets()[0].decrypt(token)
    except InvalidToken:
        return False
    return True


@cache
def _index_key():
    # Derived from the first key ever configured would break on rotation; the blind index has its
    # own key, derived from SECRET_KEY unless set explicitly.
    explicit = settings.SIGNAAL_INDEX_KEY
    material = explicit or settings.SECRET_KEY
    return hashlib.sha256(("signaal-blind-index:" + material).encode()).digest()


def reset_keys():
    """Forget cached keys (after rotation, and in tests)."""
    _fernets.cache_clear()
    keyring.cache_clear()
    _index_key.cache_clear()


def encrypt_bytes(data: bytes) -> bytes:
    return keyring().encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return keyring().decrypt(token)


def encrypt(text: str) -> str:
    return PREFIX + keyring().encrypt(text.encode()).decode()


def decrypt(value: str) -> str:
    if not value.startswith(PREFIX):
        raise InvalidToken("not an encrypted value")
    return keyring().decrypt(value[len(PREFIX) :].encode()).decode()


def rotate(value: str) -> str:
    """Re-encrypt with the newest key."""
    return PREFIX + keyring().rotate(value[len(PREFIX) :].encode()).decode()


def rotate_bytes(token: bytes) -> bytes:
    return keyring().rotate(token)


def needs_rotation(value: str) -> bool:
    encrypted = bool(value) and value.startswith(PREFIX)
    return encrypted and not is_current(value[len(PREFIX) :].encode())


def blind_index(value: str, purpose: str) -> str:
    """A keyed hash for finding equal values without storing them readably. Normalise `value`
    before calling; `purpose` keeps indexes of different fields apart."""
    if not value:
        return ""
    return hmac.new(_index_key(), f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """Text stored encrypted; reads back as plain text. The empty string stays empty (it reveals
    only that a field was left blank). Not searchable, not orderable."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, "core.crypto.EncryptedTextField", args, kwargs


class EncryptedBinaryField(EncryptedTextField):
    """Bytes stored encrypted (an uploaded file kept until it is imported): the bytes as base64
    text, encrypted like EncryptedTextField, so that rotate_encryption_keys re-encrypts them with
    the rest. Reads back as bytes; empty bytes stay empty."""

    def get_prep_value(self, value):
        if value is None:
            return None
        data = bytes(value)
        if not data:
            return ""
        return encrypt(base64.b64encode(data).decode("ascii"))

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        if value == "":
            return b""
        return base64.b64decode(decrypt(value))

    def to_python(self, value):
        if value is None or isinstance(value, bytes | bytearray | memoryview):
            return value if value is None else bytes(value)
        return base64.b64decode(value)

    def value_to_string(self, obj):
        """The bytes as base64 for a serializer (as BinaryField writes them; to_python reads
        them back), never the bytes' repr."""
        return base64.b64encode(bytes(self.value_from_object(obj) or b"")).decode("ascii")

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "core.crypto.EncryptedBinaryField", args, kwargs
