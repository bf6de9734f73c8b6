import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from core import crypto


@pytest.fixture
def keys(monkeypatch):
    """Run with explicit keys from the environment, and forget them afterwards."""

    def use(*keys):
        monkeypatch.setattr(settings, "SIGNAAL_ENCRYPTION_KEYS", list(keys))
        crypto.reset_keys()

    yield use
    monkeypatch.setattr(settings, "SIGNAAL_ENCRYPTION_KEYS", [])
    crypto.reset_keys()


def test_round_trip_and_marker(keys):
    keys(Fernet.generate_key().decode())
    token = crypto.encrypt("Jan Jansen, 06 12345678")
    assert token.startswith(crypto.PREFIX) and "Jansen" not in token
    assert crypto.decrypt(token) == "Jan Jansen, 06 12345678"


def test_old_keys_still_decrypt_after_a_new_key_is_put_in_front(keys):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    keys(old)
    token = crypto.encrypt("geheim")
    keys(new, old)
    assert crypto.decrypt(token) == "geheim"
    rotated = crypto.rotate(token)
    keys(new)
    assert crypto.decrypt(rotated) == "geheim"
    with pytest.raises(crypto.InvalidToken):
        crypto.decrypt(token)


def test_plain_text_is_never_taken_for_an_encrypted_value(keys):
    keys(Fernet.generate_key().decode())
    with pytest.raises(crypto.InvalidToken):
        crypto.decrypt("Jan Jansen")


def test_a_bad_key_is_a_configuration_error(keys):
    keys("not-a-key")
    with pytest.raises(ImproperlyConfigured):
        crypto.encrypt("x")


def test_the_embedded_default_keeps_a_private_key_file(settings, tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "SIGNAAL_ENCRYPTION_KEYS", [])
    settings.VAR_DIR = tmp_path
    crypto.reset_keys()
    try:
        token = crypto.encrypt("x")
        key_file = tmp_path / "encryption_keys"
        assert key_file.stat().st_mode & 0o777 == 0o600
        crypto.reset_keys()
        assert crypto.decrypt(token) == "x"  # the same key is read back
    finally:
        crypto.reset_keys()


def test_blind_index_is_stable_keyed_and_separated_by_purpose(settings):
    crypto.reset_keys()
    first = crypto.blind_index("3511AB|12", "address")
    assert first == crypto.blind_index("3511AB|12", "address")
    assert first != crypto.blind_index("3511AB|12", "company")
    assert crypto.blind_index("", "address") == ""
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    crypto.reset_keys()
    assert crypto.blind_index("3511AB|12", "address") != first
    crypto.reset_keys()
