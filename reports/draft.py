"""A report being written travels with the form, not in the database.

Each step posts what was typed so far as one encrypted token (Fernet: nobody can read or alter it
on the way). Nothing is stored before the reporter presses "Send", a reporter does not need a
session or cookie beyond CSRF, and when the database is unreachable at the moment of sending the
page comes back with everything still in it.
"""

import json
import uuid
from dataclasses import dataclass, field

from django.utils.datastructures import MultiValueDict

from core import crypto

STEPS = ["what", "where", "who", "you", "check"]


class BadDraft(Exception):
    pass


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
            payload = json.loads(crypto.decrypt(token or ""))
            draft = cls(
                kind=payload["kind"],
                channel=payload["channel"],
                language=payload["language"],
                key=str(uuid.UUID(payload["key"])),
                data=dict(payload["data"]),
                step=payload["step"] if payload["step"] in STEPS else "what",
            )
        except (crypto.InvalidToken, ValueError, KeyError, TypeError) as error:
            raise BadDraft from error
        return draft

    def remember(self, step, form, post):
        """Keep what was typed in `form`'s fields (valid or not)."""
        self.data[step] = {
            name: list(post.getlist(name))[:200]
            for name in form.fields
            if not name.startswith("attachments") and name != "website"
        }

    def bound(self, step):
        """What was typed in `step`, as form data."""
        return MultiValueDict(self.data.get(step, {}))

    def has(self, step):
        return step in self.data
