"""Writing and checking the audit log. Every audited change calls record_event() inside the same
transaction as the change itself."""

from collections import defaultdict
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .events import NAMES
from .models import (
    GENESIS_HASH,
    HASH_KEYED,
    HASH_PLAIN,
    SEAL_ACTION,
    AuditChainHead,
    AuditEvent,
)
from .triggers import trigger_problems


def client_ip(request):
    # REMOTE_ADDR only: a proxy in front of Signaal must set it (see docs/operations.md).
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def hash_ip(ip):
    if not ip:
        return ""
    return salted_hmac("signaal.audit.ip", ip, algorithm="sha256").hexdigest()


def record_event(
    action,
    *,
    actor,
    organisation=None,
    target=None,
    object_type="",
    object_id="",
    request=None,
    reason="",
    details=None,
):
    """Append one event to the hash chain. `action` is an audit.events.Event (a name that is not
    one is a programming error); `actor` is the acting user or None (anonymous, system); `target`
    is the model instance the event is about, if any."""
    if action not in NAMES:
        raise ValueError(f"unknown audit event {action!r}: add it to audit.events.Event")
    action = str(action)
    if target is not None:
        object_type = object_type or target._meta.label_lower
        object_id = object_id or str(target.pk)
    if actor is not None and not actor.is_authenticated:
        actor = None
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        event = AuditEvent(
            created_at=timezone.now(),
            actor=actor,
            organisation=organisation,
            action=action,
            object_type=object_type,
            object_id=str(object_id),
            ip_hash=hash_ip(client_ip(request)),
            reason=reason,
            details=details or {},
            previous_hash=head.last_hash,
            hash_version=HASH_KEYED,
        )
        event.hash = event.compute_hash()
        event.save()
        head.last_id = event.pk
        head.last_hash = event.hash
        head.count += 1
        head.save()
    return event


@dataclass
class Verification:
    checked: int
    problems: list
    head_hash: str = GENESIS_HASH
    head_id: int | None = None
    anchors_compared: int = 0

    @property
    def ok(self):
        return not self.problems


def _is_seal(event, unkeyed, last_unkeyed_hash):
    details = event.details if isinstance(event.details, dict) else {}
    return (
        event.action == SEAL_ACTION
        and details.get("unkeyed_events") == unkeyed
        and details.get("last_unkeyed_hash") == last_unkeyed_hash
    )


def verify_chain(anchors=(), *, check_triggers=True):
    """Walk the chain from the first event; report every row whose hash or link is wrong, rows
    missing from the end, rows that could have been written by someone without the audit key,
    every anchored head (audit.anchoring.Anchor: a count and the hash of that many events' last
    one, kept outside the database) the chain no longer matches, and missing triggers."""
    problems = []
    by_count = defaultdict(list)
    for anchor in anchors:
        if anchor.count > 0:
            by_count[anchor.count].append(anchor)
    expected_previous = GENESIS_HASH
    checked = 0
    last_id = None
    unkeyed = 0
    keyed_seen = False
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        checked += 1
        if event.previous_hash != expected_previous:
            problems.append(
                f"event {event.pk}: does not follow the event before it "
                "(an event was removed or inserted before it)"
            )
        if event.hash_version == HASH_PLAIN:
            if keyed_seen:
                problems.append(
                    f"event {event.pk}: carries an unkeyed hash after keyed hashing began "
                    "(it was added directly in the database)"
                )
            else:
                unkeyed += 1
        elif event.hash_version == HASH_KEYED:
            if not keyed_seen and unkeyed and not _is_seal(event, unkeyed, expected_previous):
                problems.append(
                    f"event {event.pk}: the {unkeyed} unkeyed events before it are not sealed "
                    "by the keyed seal event (they may have been added directly in the database)"
                )
            keyed_seen = True
        else:
            problems.append(f"event {event.pk}: unknown hash version {event.hash_version}")
        if event.hash_version in (HASH_PLAIN, HASH_KEYED) and event.compute_hash() != event.hash:
            problems.append(
                f"event {event.pk}: its content was changed after it was written, or it was "
                "written without the audit key"
            )
        for anchor in by_count.get(checked, ()):
            if anchor.hash != event.hash:
                problems.append(
                    f"event {event.pk}: is not the head anchored {anchor.described()}: events "
                    "up to it were rewritten"
                )
        expected_previous = event.hash
        last_id = event.pk
    if unkeyed and not keyed_seen:
        problems.append(
            f"the chain holds {unkeyed} unkeyed events and no keyed seal after them: they cannot "
            "be told apart from events added directly in the database"
        )
    for count in sorted(by_count):
        if count > checked:
            for anchor in by_count[count]:
                problems.append(
                    f"the chain holds {checked} events, but {anchor.described()} was anchored: "
                    "events were removed from the end"
                )
    head = AuditChainHead.objects.filter(pk=1).first()
    head_hash = head.last_hash if head else GENESIS_HASH
    head_count = head.count if head else 0
    if head_hash != expected_previous or head_count != checked:
        problems.append(
            f"the chain ends at a different event than recorded ({checked} events found, "
            f"{head_count} recorded): events were removed or added at the end"
        )
    if check_triggers:
        problems.extend(trigger_problems(connection))
    return Verification(
        checked=checked,
        problems=problems,
        head_hash=expected_previous,
        head_id=last_id,
        anchors_compared=sum(len(items) for items in by_count.values()),
    )
