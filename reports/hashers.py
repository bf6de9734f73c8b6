"""Passphrases of anonymous mailboxes are hashed with Argon2id at OWASP's recommended minimum
(19 MiB, 2 passes, 1 lane) rather than Django's login defaults (100 MiB, 8 lanes): a public form
must stay fast under load, and online guessing is already stopped by the lockout after five
wrong attempts and the 12-character follow-up code that must be known first."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class MailboxPassphraseHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1


HASHER = MailboxPassphraseHasher()
_DUMMY = None


def hash_passphrase(passphrase):
    return HASHER.encode(passphrase, HASHER.salt())


def verify_passphrase(passphrase, encoded):
    if not encoded:
        return False
    return HASHER.verify(passphrase, encoded)


def spend_time_like_a_check(passphrase):
    """The same work as a real check, so that an unknown code takes as long as a wrong
    passphrase."""
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_passphrase("timing")
    HASHER.verify(passphrase, _DUMMY)
