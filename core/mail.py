"""E-mail from Signaal: rendered now, in the current language, sent by the task worker after the
surrounding transaction commits. E-mails never carry report content."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

from .tasks import send_email


def send_after_commit(template, to, context):
    """Render `<template>_subject.txt` and `<template>_body.txt` and queue the mail."""
    context = {"site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    body = render_to_string(f"{template}_body.txt", context)
    recipients = list(to)
    transaction.on_commit(lambda: send_email.enqueue(to=recipients, subject=subject, body=body))
