"""E-mail delivery in the task worker: a slow or dead mail server never holds up a request."""

import json
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# Pause before each next attempt; after the last one the e-mail is given up (about a day).
# SIGNAAL_EMAIL_RETRY_MINUTES overrides it (the fault suite uses seconds).
RETRY_MINUTES = [1, 5, 15, 60, 180, 360, 720]


def retry_minutes():
    return settings.SIGNAAL_EMAIL_RETRY_MINUTES or RETRY_MINUTES


def error_summary(error):
    """What may be kept of a delivery error: its kind and SMTP code, never its text (a mail
    server's message can name the recipient)."""
    code = getattr(error, "smtp_code", None)
    return f"{type(error).__name__} {code}" if code else type(error).__name__


@task()
def deliver_email(email_id):
    """Send one outbox e-mail. Runs again safely: an e-mail that was delivered is not sent twice
    (when a worker dies mid-job the job is queued again, see core.worker)."""
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None or email.sent_at or email.failed_at:
        return "nothing to do"
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        to=json.loads(email.recipients),
        headers={"Message-ID": email.message_id},
    )
    attempts = email.attempts + 1
    pauses = retry_minutes()
    try:
        message.send()
    except Exception as error:
        now = timezone.now()
        summary = error_summary(error)
        with transaction.atomic():
            if attempts > len(pauses) or not default_task_backend.supports_defer:
                OutgoingEmail.objects.filter(pk=email.pk).update(
                    attempts=attempts, last_error=summary, failed_at=now
                )
                logger.error(
                    "e-mail %s given up after %d attempts: %s", email.pk, attempts, summary
                )
                return "given up"
            OutgoingEmail.objects.filter(pk=email.pk).update(attempts=attempts, last_error=summary)
            pause = timedelta(minutes=pauses[attempts - 1])
            deliver_email.using(run_after=now + pause).enqueue(email_id=str(email.pk))
        logger.warning("e-mail %s not delivered (%s), next attempt in %s", email.pk, summary, pause)
        return "retry"
    OutgoingEmail.objects.filter(pk=email.pk).update(
        attempts=attempts, sent_at=timezone.now(), last_error=""
    )
    return "sent"


def prune_sent_email(days=30):
    """Daily: delivered and given-up e-mails older than `days` are deleted (they can hold sign-in
    links)."""
    before = timezone.now() - timedelta(days=days)
    sent, _ = OutgoingEmail.objects.filter(sent_at__lt=before).delete()
    failed, _ = OutgoingEmail.objects.filter(failed_at__lt=before).delete()
    return sent + failed
