"""A report being written travels with the form, not in the database.

Each step posts what was typed so far as one encrypted token (Fernet: nobody can read or alter it
on the way). Nothing is stored before the reporter presses "Send", a reporter does not need a
session or cookie beyond CSRF, and when the database is unreachable at the moment of sending the
page comes back with everything still in it.

A draft lives for DRAFT_HOURS after the page that carries it was shown (every step encrypts it
anew, so the time counts from the last step, not from the start). An older one is refused as
`DraftExpired`: a token lingering in a shared computer's history or back button must not bring
back what was typed, so the form starts over. A draft never holds the mailbox passphrase: that
is typed on the last step, posted once with "Send", and never put back into a page.
"""

import json
import time
import uuid
from dataclasses import dataclass, field

from django.utils.datastructures import MultiValueDict

from core import crypto

STEPS = ["what", "where", "who", "you", "check"]
DRAFT_HOURS = 3
DRAFT_SECONDS = DRAFT_HOURS * 60 * 60
# Fields that never travel in a draft, whatever form they appear in.
SECRET_FIELDS = ("passphrase", "passphrase_again", "website")
# The longest value a draft keeps of a field without a max_length (choices, dates, numbers).
MAX_VALUE = 1000


class BadDraft(Exception):
    pass


class DraftExpired(BadDraft):
    """Authentic, but older than DRAFT_SECONDS. Carries the language and channel (not secret) so
    the notice can be given in the reporter's language; nothing of the content."""

    def __init__(self, language="", channel=""):
        super().__init__("draft expired")
        self.language = language
        self.channel = channel


def _open(token):
    """The draft's JSON, refusing a token older than DRAFT_SECONDS."""
    value = token or ""
    if not value.startswith(crypto.PREFIX):
        raise crypto.InvalidToken("not an encrypted value")
    raw = value[len(crypto.PREFIX) :].encode()
    keyring = crypto.keyring()
    try:
        return keyring.decrypt(raw, ttl=DRAFT_SECONDS).decode()
    except crypto.InvalidToken:
        # Authentic but too old? (A forged or altered token fails here too.)
        written = keyring.extract_timestamp(raw)
        if time.time() - written <= DRAFT_SECONDS:
            raise
        payload = json.loads(keyring.decrypt(raw).decode())
        raise DraftExpired(
            language=str(payload.get("language", "")), channel=str(payload.get("channel", ""))
        ) from None


@dataclass
class Draft:
    kind: str
    channel: str
    language: str
    key: str = field(default_factory=lambda: str(uuid.uuid4()))
    data: dict = field(default_factory=dict)  # step -> {field name: [values as typed]}
    step: str = "what"

    def token(self):
        payload = json.dumps(
            {
                "v": 1,
                "kind": self.kind,
                "channel": self.channel,
                "language": self.language,
                "key": self.key,
                "data": self.data,
                "step": self.step,
            },
            ensure_ascii=False,
        )
        return crypto.encrypt(payload)

    @classmethod
    def from_token(cls, token):
        try:
            payload = json.loads(_open(token))
            draft = cls(
                kind=payload["kind"],
                channel=payload["channel"],
                language=payload["language"],
                key=str(uuid.UUID(payload["key"])),
                data={
                    step: {k: v for k, v in dict(typed).items() if k not in SECRET_FIELDS}
                    for step, typed in dict(payload["data"]).items()
                },
                step=payload["step"] if payload["step"] in STEPS else "what",
            )
        except DraftExpired:
            raise
        except (crypto.InvalidToken, ValueError, KeyError, TypeError, AttributeError) as error:
            raise BadDraft from error
        return draft

    def remember(self, step, form, post):
        """Keep what was typed in `form`'s fields (valid or not), each value cut at its field's
        max_length (MAX_VALUE for the others): an oversized post does not make an oversized
        draft, and the page that carries it stays below DATA_UPLOAD_MAX_MEMORY_SIZE."""
        self.data[step] = {
            name: [
                value[: getattr(field, "max_length", None) or MAX_VALUE]
                for value in post.getlist(name)[:200]
            ]
            for name, field in form.fields.items()
            if not name.startswith("attachments") and name not in SECRET_FIELDS
        }

    def bound(self, step):
        """What was typed in `step`, as form data."""
        return MultiValueDict(self.data.get(step, {}))

    def has(self, step):
        return step in self.data
