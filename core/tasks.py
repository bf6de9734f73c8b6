from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email(*, to, subject, body):
    """Send one plain-text e-mail. Runs in the task worker so a slow mail server never holds up a
    request; a failure is retried by re-enqueueing, never by the request."""
    EmailMessage(subject=subject, body=body, to=to).send()
