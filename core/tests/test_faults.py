"""Faults that can be checked in-process; bench/fault_suite.py makes the real ones (a killed task
worker, a PostgreSQL restart, a full tmpfs, a hanging or dead SMTP server) against production mode.

Here: a real SMTP server (aiosmtpd) that refuses, one that never answers and a port where nothing
listens; a disk that fills up under the attachments' own storage; the database failing inside the
last step of the report form, before and after the report was committed."""

import errno
import io
import re
import socket
import time
from email.parser import BytesHeaderParser
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.urls import reverse
from PIL import Image

from core.models import OutgoingEmail
from reports.draft import Draft
from reports.models import Attachment, Report

pytestmark = pytest.mark.django_db

NOT_SENT_YET = "Je melding is nog niet verstuurd"
FILES_NOT_SAVED = "Deze bestanden konden niet worden opgeslagen"
STEPS = {
    "what": {
        "description": "In de loods slapen twintig mannen op matrassen.",
        "acute_danger": "no",
    },
    "where": {"municipality": "GM0344", "postcode": "3511AB", "house_number": "4", "street": "X"},
    "who": {"age_group": "adult", "gender": "male", "victim_count": "20", "company_name": ""},
    "you": {"identity": "anonymous", "passphrase": "", "passphrase_again": ""},
}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def private_dir(settings, tmp_path):
    settings.SIGNAAL_PRIVATE_DIR = tmp_path / "private"
    return settings.SIGNAAL_PRIVATE_DIR


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_port(settings):
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 1
    return port


class MailServer:
    """aiosmtpd handler: refuses the first `refuse` messages with a 451, then accepts."""

    def __init__(self, refuse=0):
        self.refuse = refuse
        self.refused = 0
        self.accepted = []  # Message-IDs

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        if self.refused < self.refuse:
            self.refused += 1
            return "451 4.3.0 Try again later"
        headers = BytesHeaderParser().parsebytes(envelope.original_content)
        self.accepted.append(headers["Message-ID"].strip())
        return "250 Message accepted for delivery"


@pytest.fixture
def mail_server(smtp_port):
    from aiosmtpd.controller import Controller

    servers = []

    def start(refuse=0):
        handler = MailServer(refuse)
        controller = Controller(handler, hostname="127.0.0.1", port=smtp_port)
        controller.start()
        servers.append(controller)
        return handler

    yield start
    for controller in servers:
        controller.stop()


def queue_email():
    from core.mail import send_after_commit

    send_after_commit("accounts/email/verify", ["iemand@test.example"], {"link": "x"})
    return OutgoingEmail.objects.get()


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), "blue").save(buffer, "JPEG")
    return buffer.getvalue()


def last_step(client, token=None, files=None, **steps):
    """The public form's last step with action=send, as a browser posts it."""
    if token is None:
        data = {
            step: {k: [v] for k, v in {**STEPS[step], **steps.get(step, {})}.items()}
            for step in STEPS
        }
        token = Draft(
            kind="report", channel="public", language="nl", data=data, step="check"
        ).token()
    payload = {"draft": token, "action": "send", "website": ""}
    if files:
        payload["attachments"] = files
    return client.post(reverse("reports:report"), payload)


def page_draft(response):
    return re.search(r'name="draft" value="([^"]+)"', response.content.decode()).group(1)


# --- a mail server that refuses, hangs or is not there -------------------------------------------


def test_a_refusing_mail_server_gets_the_mail_once_when_it_accepts(database_queue, mail_server):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from core.tasks import deliver_email

    server = mail_server(refuse=1)
    email = queue_email()
    assert deliver_email.call(email_id=str(email.pk)) == "retry"
    email.refresh_from_db()
    assert email.attempts == 1 and email.sent_at is None
    assert email.last_error == "SMTPDataError 451"
    retry = DBTaskResult.objects.filter(status=TaskResultStatus.READY).order_by("-run_after")[0]
    assert retry.args_kwargs["kwargs"] == {"email_id": str(email.pk)}
    assert deliver_email.call(email_id=str(email.pk)) == "sent"
    assert deliver_email.call(email_id=str(email.pk)) == "nothing to do"
    assert server.accepted == [email.message_id]
    email.refresh_from_db()
    assert email.sent_at is not None and email.attempts == 2


@pytest.mark.parametrize("fault", ["never answers", "nothing listens"])
def test_a_hanging_or_dead_mail_server_never_holds_up_a_report(
    fault, client, database_queue, smtp_port, mail_server
):
    """The request only writes the outbox; the worker's attempt fails within EMAIL_TIMEOUT and is
    retried; once the server is back the e-mail is delivered once."""
    from core.tasks import deliver_email

    blackhole = None
    if fault == "never answers":
        blackhole = socket.socket()
        blackhole.bind(("127.0.0.1", smtp_port))
        blackhole.listen(8)  # connections are accepted by the kernel, never answered
    try:
        with mock.patch("smtplib.SMTP.connect") as connect:
            connect.side_effect = AssertionError("a request talked to the mail server")
            response = last_step(
                client,
                you={"identity": "contact", "reporter_email": "melder@test.example"},
            )
        assert response.status_code == 302
        email = OutgoingEmail.objects.get()
        assert email.sent_at is None and email.attempts == 0
        started = time.monotonic()
        assert deliver_email.call(email_id=str(email.pk)) == "retry"
        assert time.monotonic() - started < 3  # EMAIL_TIMEOUT is 1 s here
    finally:
        if blackhole is not None:
            blackhole.close()
    email.refresh_from_db()
    # smtplib reports the timed-out greeting as a disconnect
    expected = "SMTPServerDisconnected" if fault == "never answers" else "ConnectionRefusedError"
    assert email.attempts == 1 and email.last_error == expected
    server = mail_server()
    assert deliver_email.call(email_id=str(email.pk)) == "sent"
    assert deliver_email.call(email_id=str(email.pk)) == "nothing to do"
    assert server.accepted == [email.message_id]


# --- a full disk under the attachments ------------------------------------------------------------


def test_a_full_disk_keeps_the_report_and_tells_the_reporter(client, private_dir):
    full = OSError(errno.ENOSPC, "No space left on device")
    with mock.patch("core.storage.os.fsync", side_effect=full):
        response = last_step(client, files=[SimpleUploadedFile("foto.jpg", jpeg(), "image/jpeg")])
    assert response.status_code == 302
    report = Report.objects.get()
    attachment = report.attachments.get()
    assert attachment.state == Attachment.State.FAILED
    assert attachment.original_name == "foto.jpg" and not attachment.storage_name
    # The storage's temporary file is gone too: nothing half-written stays on the disk.
    assert [p for p in private_dir.rglob("*") if p.is_file()] == []
    page = client.get(response["Location"]).content.decode()
    assert FILES_NOT_SAVED in page and "foto.jpg" in page

    response = last_step(client, files=[SimpleUploadedFile("foto2.jpg", jpeg(), "image/jpeg")])
    assert response.status_code == 302
    stored = Report.objects.latest("pk").attachments.get()
    assert stored.state == Attachment.State.STORED
    assert FILES_NOT_SAVED not in client.get(response["Location"]).content.decode()
    assert [p.name for p in private_dir.rglob("*") if p.is_file()] == [stored.storage_name]


# --- the database failing during the last step ---------------------------------------------------


def test_a_database_failure_inside_the_submission_stores_nothing_and_keeps_the_draft(client):
    from audit.models import AuditEvent

    events = AuditEvent.objects.count()
    with mock.patch(
        "reports.actions.intake.record_event",
        side_effect=OperationalError("terminating connection"),
    ):
        response = last_step(client)
    assert response.status_code == 503
    assert NOT_SENT_YET in response.content.decode()
    assert response["Retry-After"] and "no-store" in response["Cache-Control"]
    assert not Report.objects.exists() and AuditEvent.objects.count() == events
    response = last_step(client, token=page_draft(response))
    assert response.status_code == 302 and Report.objects.count() == 1


def test_an_answer_lost_after_the_commit_is_safe_to_send_again(client):
    """The database went away after the report was committed: the reporter sees the 503 page,
    sends the same draft again and gets the report that was stored, not a second one."""
    from reports import actions

    real = actions.submit_report

    def stored_then_lost(**kwargs):
        real(**kwargs)
        raise OperationalError("server closed the connection unexpectedly")

    with mock.patch("reports.actions.submit_report", side_effect=stored_then_lost):
        first = last_step(client)
    assert first.status_code == 503 and NOT_SENT_YET in first.content.decode()
    token = page_draft(first)
    stored = Report.objects.get()
    assert str(stored.idempotency_key) == Draft.from_token(token).key
    again = last_step(client, token=token)
    assert again.status_code == 302
    assert Report.objects.get().pk == stored.pk
    assert stored.reference in client.get(again["Location"]).content.decode()
