"""Anchoring the audit chain outside the database. Every day the head of the chain (how many
events, the last one's hash, when) is appended to SIGNAAL_AUDIT_ANCHOR_FILE and e-mailed to the
privacy officers. verify_chain() compares the chain with every anchored head: a chain shorter
than an anchored count (a cut tail) or whose event at an anchored count has another hash (a
rewritten chain) is reported, even when the rewrite is otherwise consistent."""

import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from .actions import verify_chain

HASH = re.compile(r"[0-9a-f]{64}")


class AnchorError(ValueError):
    pass


@dataclass(frozen=True)
class Anchor:
    count: int
    hash: str
    at: str = ""
    last_id: int | None = None

    def described(self):
        when = f" on {self.at}" if self.at else ""
        return f"{self.count} events with head {self.hash[:16]}…{when}"

    def line(self):
        return json.dumps(asdict(self), sort_keys=True) + "\n"


def parse_anchor(text):
    """An anchor given by hand: COUNT:HASH, as the command and the e-mail print it."""
    count, _, hash_ = text.strip().partition(":")
    if not count.isdigit() or not HASH.fullmatch(hash_.strip().lower()):
        raise AnchorError(f"{text!r} is not COUNT:HASH (a number, a colon, 64 hex characters)")
    return Anchor(count=int(count), hash=hash_.strip().lower())


def anchor_file():
    return Path(settings.SIGNAAL_AUDIT_ANCHOR_FILE)


def read_anchors(path=None):
    """The anchored heads in the file, and a problem for every line that cannot be read (a
    damaged or edited file). No file: nothing anchored yet."""
    path = Path(path) if path else anchor_file()
    anchors, problems = [], []
    if not path.exists():
        return anchors, problems
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not text.strip():
            continue
        try:
            data = json.loads(text)
            anchor = Anchor(
                count=int(data["count"]),
                hash=str(data["hash"]),
                at=str(data.get("at", "")),
                last_id=data.get("last_id"),
            )
            if anchor.count < 0 or not HASH.fullmatch(anchor.hash):
                raise ValueError
        except (ValueError, KeyError, TypeError):
            problems.append(f"line {number} of the anchor file {path} cannot be read")
            continue
        anchors.append(anchor)
    return anchors, problems


def write_anchor(anchor, path=None):
    """Append one line; the file is created readable by its owner only."""
    path = Path(path) if path else anchor_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, anchor.line().encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def privacy_officer_emails():
    from accounts.models import Membership, Role

    members = Membership.objects.active().filter(role=Role.PRIVACY_OFFICER)
    return sorted({m.user.email for m in members.select_related("user")})


def anchor_head():
    """The daily job: verify against the anchors so far, then anchor the current head in the file
    and by e-mail. The head is anchored also when something is wrong: earlier anchors keep
    reporting what was done before, and a later cut or rewrite is still found."""
    from core.mail import send_after_commit

    anchors, problems = read_anchors()
    result = verify_chain(anchors)
    problems += result.problems
    anchor = Anchor(
        count=result.checked,
        hash=result.head_hash,
        at=timezone.now().isoformat(timespec="seconds"),
        last_id=result.head_id,
    )
    recipients = privacy_officer_emails()
    if recipients:
        with transaction.atomic(), translation.override("nl"):
            send_after_commit(
                "audit/email/anchor",
                recipients,
                {
                    "count": anchor.count,
                    "hash": anchor.hash,
                    "at": anchor.at,
                    "problems": len(problems),
                },
            )
    write_anchor(anchor)
    state = "intact" if not problems else f"NOT intact: {len(problems)} problem(s)"
    return f"anchored {anchor.count}:{anchor.hash} ({state}, e-mailed to {len(recipients)})"
