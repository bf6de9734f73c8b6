"""The platform's own bookkeeping: task-worker heartbeats, periodic jobs and the e-mail outbox."""

import uuid

from django.db import models

from .crypto import EncryptedTextField


class WorkerHeartbeat(models.Model):
    """A running task worker (`manage.py run_worker`) says it is alive every few seconds. A worker
    whose heartbeat is stale is dead: the jobs it had claimed are put back in the queue, and the
    readiness check fails when no worker is alive."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.hostname}:{self.pid} ({self.worker_id})"


class ScheduledJob(models.Model):
    """A periodic job (core.scheduling.PERIODIC): when it runs next and how its last run went. The
    task workers' heartbeat queues it when it is due and moves `next_run_at` on in the same
    transaction, so a run that fails or never finishes cannot stop the next one; the readiness
    check lists the jobs whose due run has not succeeded in time (`late`)."""

    name = models.CharField(max_length=50, unique=True)
    next_run_at = models.DateTimeField()
    # When the last run was queued, started, succeeded, failed.
    queued_at = models.DateTimeField(null=True, blank=True)
    # When the oldest run that has not been followed by a success was queued (None once one
    # succeeds): the job is late when this is longer ago than its grace time.
    waiting_since = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    succeeded_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    # The last failure: the exception's class only (a message could hold personal data).
    last_error = models.CharField(max_length=200, blank=True)

    def __str__(self):
        return f"{self.name} (next {self.next_run_at:%Y-%m-%d %H:%M})"


class OutgoingEmail(models.Model):
    """One e-mail, written in the same transaction as the action that causes it and delivered by
    the task worker (core.tasks.deliver_email). Recipients and text are encrypted at rest (they can
    hold sign-in links). Delivery is retried with a growing pause; a delivered e-mail is never sent
    again, also when the job runs a second time after a worker died."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField()
    recipients = EncryptedTextField(help_text="JSON list of addresses")
    subject = EncryptedTextField()
    body = EncryptedTextField()
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return str(self.id)

    @property
    def message_id(self):
        """Stable over attempts, so a mail server or client can recognise a repeat."""
        return f"<{self.id}@signaal>"


class PageCacheState(models.Model):
    """One row whose `generation` is part of every key of the anonymous page cache
    (core/pagecache.py): core.pagecache.invalidate_all() writes a new random token, in the
    transaction of the change that called it, and every web process stops serving the pages it
    kept at once (they read the row per cached request)."""

    generation = models.CharField(max_length=32)

    def __str__(self):
        return self.generation
