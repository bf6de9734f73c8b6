"""Production mode: health endpoints, task-worker heartbeats and reaping, the e-mail outbox,
the page for an unreachable database, and logs without personal data."""

import json
import logging
import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import RequestFactory
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from core import worker
from core.logging import JsonFormatter, RedactFilter, redact
from core.models import OutgoingEmail, WorkerHeartbeat

pytestmark = pytest.mark.django_db


def heartbeat(worker_id, seconds_ago):
    now = timezone.now()
    return WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        hostname="test",
        pid=1,
        started_at=now - timedelta(hours=1),
        seen_at=now - timedelta(seconds=seconds_ago),
    )


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def running_job(worker_id, started_seconds_ago=5):
    from django_tasks_db.models import DBTaskResult

    from core.tasks import deliver_email

    result = deliver_email.enqueue(email_id="00000000-0000-0000-0000-000000000000")
    DBTaskResult.objects.filter(pk=result.id).update(
        status=TaskResultStatus.RUNNING,
        worker_ids=[worker_id],
        started_at=timezone.now() - timedelta(seconds=started_seconds_ago),
    )
    return result.id


def status_of(pk):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.get(pk=pk).status


# --- health --------------------------------------------------------------------------------------


def test_liveness_needs_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_readiness_needs_a_live_task_worker(client):
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "ok",
        "task_workers": "none alive",
        "late_jobs": [],
    }
    heartbeat("dead", seconds_ago=120)
    assert client.get("/health/ready/").status_code == 503
    heartbeat("alive", seconds_ago=2)
    response = client.get("/health/ready/")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "task_workers": "ok",
        "late_jobs": [],
    }


def test_a_failing_probe_is_a_warning_not_an_error(client, caplog):
    client.get("/health/ready/")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r for r in caplog.records if r.getMessage() == "readiness: no task worker alive"]


def test_readiness_fails_without_database(client):
    with mock.patch("core.health.connection.cursor", side_effect=OperationalError("gone")):
        response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_health_is_not_redirected_to_https(settings, client):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/live/").status_code == 200
    assert client.get("/toegankelijkheid/").status_code == 301


# --- task workers --------------------------------------------------------------------------------


def test_jobs_of_a_dead_worker_go_back_in_the_queue(database_queue):
    heartbeat("dead", seconds_ago=120)
    heartbeat("alive", seconds_ago=1)
    of_dead = running_job("dead")
    of_alive = running_job("alive", started_seconds_ago=3600)
    of_unknown_new = running_job("never-beat", started_seconds_ago=5)
    of_unknown_old = running_job("never-beat", started_seconds_ago=3600)
    assert worker.reap() == 2
    assert status_of(of_dead) == TaskResultStatus.READY
    assert status_of(of_unknown_old) == TaskResultStatus.READY
    assert status_of(of_alive) == TaskResultStatus.RUNNING
    assert status_of(of_unknown_new) == TaskResultStatus.RUNNING


def test_heartbeat_records_the_worker():
    started = timezone.now()
    worker.beat("w1", started)
    worker.beat("w1", started)
    row = WorkerHeartbeat.objects.get()
    assert row.worker_id == "w1"
    assert list(worker.alive_workers()) == [row]


def test_worker_survives_a_database_restart(database_queue, monkeypatch):
    """The loop raises OperationalError (the database went away mid-job): the worker waits until
    it can requeue its interrupted job, then carries on instead of exiting."""
    monkeypatch.setattr(worker, "Heartbeat", mock.MagicMock())
    monkeypatch.setattr(worker.time, "sleep", lambda seconds: None)
    monkeypatch.setattr(worker.connection, "close", lambda: None)
    ids = {}

    class FakeWorker:
        running = True
        running_task = False
        runs = 0

        def __init__(self, worker_id):
            ids["id"] = worker_id
            ids["job"] = running_job(worker_id)

        def configure_signals(self):
            pass

        def run(self):
            FakeWorker.runs += 1
            if FakeWorker.runs == 1:
                raise OperationalError("server closed the connection unexpectedly")

    attempts = []
    real = worker._requeue_own

    def requeue_own(worker_id):
        attempts.append(worker_id)
        return len(attempts) > 2 and real(worker_id)  # the database is back at the third try

    monkeypatch.setattr(worker, "_requeue_own", requeue_own)
    worker.run(FakeWorker)
    assert FakeWorker.runs == 2
    assert len(attempts) == 3
    assert status_of(ids["job"]) == TaskResultStatus.READY


# --- e-mail --------------------------------------------------------------------------------------


def outbox_email():
    from core.mail import send_after_commit

    send_after_commit("accounts/email/verify", ["iemand@test.example"], {"link": "x"})
    return OutgoingEmail.objects.get()


def test_an_email_is_delivered_once(database_queue, mailoutbox):
    from core.tasks import deliver_email

    email = outbox_email()
    assert deliver_email.call(email_id=str(email.pk)) == "sent"
    assert deliver_email.call(email_id=str(email.pk)) == "nothing to do"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["iemand@test.example"]


def test_the_outbox_is_encrypted(database_queue):
    from django.db import connection

    outbox_email()
    with connection.cursor() as cursor:
        cursor.execute("SELECT recipients, subject, body FROM core_outgoingemail")
        row = cursor.fetchone()
    assert all(value.startswith("enc1:") for value in row)  # stored, and stored encrypted
    assert all("iemand" not in value and "Signaal" not in value for value in row)


def test_a_failed_delivery_is_retried_later_without_the_address(database_queue, mailoutbox):
    from django_tasks_db.models import DBTaskResult

    from core.tasks import deliver_email

    email = outbox_email()
    refused = smtplib.SMTPRecipientsRefused({"iemand@test.example": (550, b"no such user")})
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=refused):
        assert deliver_email.call(email_id=str(email.pk)) == "retry"
    email.refresh_from_db()
    assert email.attempts == 1 and email.sent_at is None and email.failed_at is None
    assert "iemand" not in email.last_error
    queued = DBTaskResult.objects.filter(status=TaskResultStatus.READY).order_by("-enqueued_at")
    assert queued.count() == 2  # the first job (still queued: called directly here) and the retry
    assert queued.first().run_after > timezone.now() + timedelta(seconds=50)


def test_delivery_is_given_up_after_the_last_attempt(database_queue, caplog):
    from core.tasks import RETRY_MINUTES, deliver_email

    email = outbox_email()
    OutgoingEmail.objects.filter(pk=email.pk).update(attempts=len(RETRY_MINUTES))
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=ConnectionRefusedError()):
        assert deliver_email.call(email_id=str(email.pk)) == "given up"
    email.refresh_from_db()
    assert email.failed_at is not None


def test_old_outbox_rows_are_pruned(database_queue):
    from core.tasks import prune_sent_email

    email = outbox_email()
    OutgoingEmail.objects.filter(pk=email.pk).update(sent_at=timezone.now() - timedelta(days=31))
    assert prune_sent_email() == 1
    assert not OutgoingEmail.objects.exists()


# --- an unreachable database ---------------------------------------------------------------------


def test_an_unreachable_database_gives_a_clear_503():
    from core.views import server_error

    request = RequestFactory().get("/kennisbank/")
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    text = response.content.decode()
    assert "Signaal is even niet bereikbaar" in text
    assert 'lang="nl"' in text


def test_other_errors_stay_500():
    from core.views import server_error

    try:
        raise ValueError("bug")
    except ValueError:
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500


# --- logs ----------------------------------------------------------------------------------------


def record(message, *args, exc_info=None):
    return logging.LogRecord("test", logging.ERROR, __file__, 1, message, args, exc_info)


def test_logs_lose_personal_data():
    try:
        raise ValueError("duplicate key (email)=(jan.jansen@example.nl) at 3511 AB")
    except ValueError:
        import sys

        entry = record(
            "report of %s from %s", "jan.jansen@example.nl", "192.168.1.20", exc_info=sys.exc_info()
        )
    entry.request = object()
    RedactFilter().filter(entry)
    text = logging.Formatter().format(entry)
    assert "jan.jansen" not in text and "192.168" not in text and "3511 AB" not in text
    assert "[e-mail]" in text and "[ip]" in text and "[postcode]" in text
    assert not hasattr(entry, "request")


@pytest.mark.parametrize(
    "text",
    [
        "/melden/ontvangen/eyJyIjoxMjN9:1vK9xY:abcDEF123ghi/",
        "bel 06-12345678",
        "+31 6 1234 5678",
        "2001:db8::1",
        "123e4567-e89b-12d3-a456-426614174000",
    ],
)
def test_redaction(text):
    assert redact(text) != text


@pytest.mark.parametrize(
    "text", ["report MH-2026-00042 opened", "2026-11-24 01:02:03", "GET kennisbank/<slug>/ 200"]
)
def test_redaction_keeps_what_is_not_personal(text):
    assert redact(text) == text


def test_json_lines():
    entry = record("report %s opened", "MH-2026-00042")
    entry.route = "melden/"
    RedactFilter().filter(entry)
    line = json.loads(JsonFormatter().format(entry))
    assert line["level"] == "ERROR" and line["logger"] == "test"
    assert line["message"] == "report MH-2026-00042 opened"
    assert line["route"] == "melden/" and "time" in line


def test_requests_are_logged_by_pattern_not_path(client, caplog):
    caplog.set_level(logging.INFO, logger="signaal.request")
    client.get("/melden/ontvangen/eyJyIjoxMjN9:1vK9xY:abcDEF123ghi/")
    lines = [r for r in caplog.records if r.name == "signaal.request"]
    assert lines and "eyJy" not in lines[-1].getMessage()
    assert lines[-1].route == "melden/ontvangen/<str:token>/"


# --- behind a proxy ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("peer", "forwarded", "seen"),
    [
        ("127.0.0.1", "203.0.113.7", "203.0.113.7"),
        # the client may put anything in front; the proxy appends the real peer
        ("127.0.0.1", "198.51.100.1, 203.0.113.7", "203.0.113.7"),
        # two trusted proxies in a row
        ("10.0.0.2", "203.0.113.7, 10.0.0.5", "203.0.113.7"),
        # not from a trusted proxy: the header is ignored
        ("192.0.2.9", "203.0.113.7", "192.0.2.9"),
        # garbage is ignored
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
        ("127.0.0.1", "", "127.0.0.1"),
    ],
)
def test_the_client_address_behind_a_proxy(settings, peer, forwarded, seen):
    from core.middleware import client_address

    settings.SIGNAAL_BEHIND_PROXY = True
    settings.SIGNAAL_TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.0.0.0/8"]
    request = RequestFactory().get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    client_address(lambda r: r.META["REMOTE_ADDR"])(request)
    assert request.META["REMOTE_ADDR"] == seen


def test_without_a_proxy_the_header_is_ignored(settings):
    from django.core.exceptions import MiddlewareNotUsed

    from core.middleware import client_address

    settings.SIGNAAL_BEHIND_PROXY = False
    with pytest.raises(MiddlewareNotUsed):
        client_address(lambda r: None)


# --- deployment examples -------------------------------------------------------------------------


def test_the_nginx_example_never_serves_files_from_disk():
    from django.conf import settings

    text = (settings.BASE_DIR / "deploy" / "nginx.conf").read_text()
    directives = [line.split("#")[0].strip() for line in text.splitlines()]
    directives = [line for line in directives if line]
    assert not [line for line in directives if line.startswith(("alias ", "root "))]
    assert not [line for line in directives if "location" in line and "media" in line]
    assert any("X-Forwarded-For" in line for line in text.splitlines())


def test_gunicorn_configuration_keeps_addresses_out_of_the_logs(monkeypatch):
    import runpy

    from django.conf import settings

    monkeypatch.setenv("WEB_WORKERS", "3")
    config = runpy.run_path(str(settings.BASE_DIR / "config" / "gunicorn.py"))
    assert config["workers"] == 3 and config["worker_class"] == "gthread"
    assert config["accesslog"] is None
    handler = config["logconfig_dict"]["handlers"]["console"]
    assert handler["filters"] == ["redact"]


def test_jobs_that_failed_on_the_database_run_again(database_queue):
    from django_tasks_db.models import DBTaskResult

    def failed(exception, attempts=1, days_ago=0):
        pk = running_job(f"w{attempts}")
        DBTaskResult.objects.filter(pk=pk).update(
            status=TaskResultStatus.FAILED,
            exception_class_path=exception,
            worker_ids=[f"w{n}" for n in range(attempts)],
            finished_at=timezone.now() - timedelta(days=days_ago),
        )
        return pk

    lost_connection = failed("django.db.utils.OperationalError")
    gone = failed("django.db.utils.InterfaceError", attempts=4)
    bug = failed("builtins.ValueError")
    tried_enough = failed("django.db.utils.OperationalError", attempts=5)
    old = failed("django.db.utils.OperationalError", days_ago=2)
    assert worker.retry_database_failures() == 2
    assert status_of(lost_connection) == status_of(gone) == TaskResultStatus.READY
    assert status_of(bug) == status_of(tried_enough) == status_of(old) == TaskResultStatus.FAILED


def test_old_task_results_are_pruned_daily(database_queue):
    from django_tasks_db.models import DBTaskResult

    from core.scheduling import DAILY_JOBS

    assert "core.worker.prune_task_results" in DAILY_JOBS
    old_success, recent_success, old_failure, older_failure = (running_job("w") for _ in range(4))
    for pk, status, days in [
        (old_success, TaskResultStatus.SUCCESSFUL, 15),
        (recent_success, TaskResultStatus.SUCCESSFUL, 2),
        (old_failure, TaskResultStatus.FAILED, 15),
        (older_failure, TaskResultStatus.FAILED, 31),
    ]:
        DBTaskResult.objects.filter(pk=pk).update(
            status=status, finished_at=timezone.now() - timedelta(days=days)
        )
    assert worker.prune_task_results() == "pruned"
    kept = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert kept == {str(recent_success), str(old_failure)}


def test_pruning_without_a_database_queue_does_nothing():
    assert worker.prune_task_results() == "no database queue"


def test_a_bad_retry_setting_is_a_clear_configuration_error():
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {**os.environ, "SIGNAAL_EMAIL_RETRY_MINUTES": "1,vijf"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=settings.BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SIGNAAL_EMAIL_RETRY_MINUTES must be minutes" in result.stderr


def test_the_heartbeat_survives_an_unexpected_error(monkeypatch):
    """A dead heartbeat thread in a live worker would let another worker run its job again."""
    calls = []

    def broken(*args):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a bug")
        thread.stopping.set()

    monkeypatch.setattr(worker, "beat", broken)
    monkeypatch.setattr(worker.connection, "close", lambda: None)
    thread = worker.Heartbeat("w1")
    monkeypatch.setattr(thread.stopping, "wait", lambda seconds: None)
    thread.run()
    assert len(calls) == 2
