"""Writing and checking the audit log. Every audited change calls record_event() inside the same
transaction as the change itself."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import GENESIS_HASH, AuditChainHead, AuditEvent


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
    """Append one event to the hash chain. `actor` is the acting user or None (anonymous,
    system); `target` is the model instance the event is about, if any."""
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

    @property
    def ok(self):
        return not self.problems


def verify_chain():
    """Walk the chain from the first event; report every row whose hash or link is wrong, and
    rows missing from the end."""
    problems = []
    expected_previous = GENESIS_HASH
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        checked += 1
        if event.previous_hash != expected_previous:
            problems.append(
                f"event {event.pk}: does not follow the event before it "
                "(an event was removed or inserted before it)"
            )
        if event.compute_hash() != event.hash:
            problems.append(f"event {event.pk}: its content was changed after it was written")
        expected_previous = event.hash
    head = AuditChainHead.objects.filter(pk=1).first()
    head_hash = head.last_hash if head else GENESIS_HASH
    head_count = head.count if head else 0
    if head_hash != expected_previous or head_count != checked:
        problems.append(
            f"the chain ends at a different event than recorded ({checked} events found, "
            f"{head_count} recorded): events were removed or added at the end"
        )
    return Verification(checked=checked, problems=problems)
