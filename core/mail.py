"""E-mail from Signaal: rendered now, in the current language, written to the outbox in the
caller's transaction and delivered by the task worker once it commits. E-mails never carry report
content."""

import json

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import default_task_backend

from .models import OutgoingEmail
from .tasks import deliver_email


def send_after_commit(template, to, context):
    """Render `<template>_subject.txt` and `<template>_body.txt` and queue the mail."""
    context = {"site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}_body.txt", context)
    email = OutgoingEmail.objects.create(
        created_at=timezone.now(), recipients=json.dumps(list(to)), subject=subject, body=body
    )
    if default_task_backend.supports_defer:
        # The database queue: the job is written in the same transaction as the e-mail and the
        # action, so a crash right after the commit cannot lose it.
        deliver_email.enqueue(email_id=str(email.pk))
    else:
        transaction.on_commit(lambda: deliver_email.enqueue(email_id=str(email.pk)))
