"""Rate limits per client address (a keyed hash) or per given key, in the database so that every
web process counts together."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from audit.actions import client_ip, hash_ip

from .models import ThrottleHit


def throttled(bucket, request, limit, *, per=timedelta(hours=1), key=None):
    """Count one attempt for the client (or `key`); True when the limit is exceeded. Runs in its
    own small transaction so a refused attempt is still counted."""
    key = key or hash_ip(client_ip(request)) or "unknown"
    now = timezone.now()
    with transaction.atomic():
        recent = ThrottleHit.objects.filter(bucket=bucket, key=key, at__gte=now - per).count()
        if recent >= limit:
            return True
        ThrottleHit.objects.create(bucket=bucket, key=key, at=now)
    return False


def prune_throttle(older_than=timedelta(days=1)):
    return ThrottleHit.objects.filter(at__lt=timezone.now() - older_than).delete()[0]
