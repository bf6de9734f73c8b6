r"""Fault suite: what Signaal in production mode does when its parts fail, on loopback.

The requirement: "Fault suite: kill a task worker in the middle of a job -> the job completes once,
the e-mail goes once; restart PostgreSQL during submissions -> reporters get a clear message, no
accepted report is lost, the platform recovers by itself; fill the media disk (a small tmpfs) ->
the report is kept without the attachment and the reporter is told; a slow or dead SMTP server
never blocks a request."

How. The suite starts Signaal exactly as deployed, `scripts/serve <python>` (check --deploy,
collectstatic, migrate, gunicorn per config/gunicorn.py with 2 workers x 2 threads, two supervised
`manage.py run_worker` task workers), in its own process group, on an EMPTY throwaway database
(--database-url or $DATABASE_URL; pg_virtualenv makes one; a database with tables is refused) and
waits for /health/ready/ to answer 200. Production settings need HTTPS: the suite acts as the
TLS-terminating proxy (SIGNAAL_BEHIND_PROXY=true, `X-Forwarded-Proto: https` on every request; the
health probes need none). The limit of submissions per address is off
(SIGNAAL_REPORTS_PER_HOUR=100000000: every request comes from one loopback address). Task workers
count as dead after SIGNAAL_WORKER_STALE_SECONDS=10 (default 30; heartbeat every 5 s), and e-mail
retry pauses are short (SIGNAAL_EMAIL_RETRY_MINUTES="0.05,0.05,0.1,0.2,0.5,1": 3 s ... 60 s,
about two minutes before an e-mail is given up, longer than any outage the suite makes). Both
values are printed. The SMTP server (EMAIL_HOST=127.0.0.1, EMAIL_USE_TLS=false) is in this process
on one fixed port whose behaviour is switched without restarting Signaal: healthy (aiosmtpd, which
counts every message it accepts by Message-ID), a blackhole (accepts connections, never answers),
or dead (nothing listens: connection refused). A message counts as delivered when the server
answered 250 to its DATA; a client that disappears before that answer (a killed worker) leaves an
aborted message, which a real mail server does not deliver either. One reporting-point staff
member is created, so every report queues a staff notice (reports.actions.intake._notify_staff).
SIGNAAL_PRIVATE_DIR is a directory in the suite's temporary directory; disk-full mounts a small
tmpfs over it while Signaal runs. Each scenario also reads the server's log (gunicorn and the task
workers, JSON lines) written meanwhile and counts its tracebacks by exception; one that the fault
does not explain fails the scenario.

Scenarios (each prints PASS, FAIL or SKIPPED with figures; --only NAME runs one):
1. worker-killed: the mail server stalls --stall-seconds (8; below the 10 s EMAIL_TIMEOUT) in the
   DATA of the first message. A report queues one staff notice; when its delivery is stalled, the
   worker holding the deliver_email job (DBTaskResult RUNNING -> worker_ids[-1] ->
   WorkerHeartbeat.pid) is killed with SIGKILL. Checks: one DBTaskResult for that e-mail, ending
   SUCCESSFUL ("sent"), claimed by the killed worker and then another; exactly one delivered message
   with its Message-ID; OutgoingEmail.sent_at set; scripts/serve started the worker again (a new
   heartbeat with another pid); both workers alive. Time from the kill to the delivery is printed.
2. database-restart: --rate submissions a second for --seconds (8 clients, the last step of the
   public form as bench/report_bench.py sends it); --restart-at seconds in, PostgreSQL is stopped
   (fast), left down --down-seconds and started again (pg_ctlcluster of pg_virtualenv's cluster,
   found by SHOW data_directory; else pg_ctl). Clients behave like people: on a 503 they wait 2 s
   and send again the draft of the page's hidden input (the same idempotency key). Readiness and
   liveness are polled every 0.25 s. Checks: no 5xx but 503; every 503 of the report form is the
   Dutch "Je melding is nog niet verstuurd" page with the same draft; every submission accepted
   (302) in the end; no accepted report lost, none twice, each 302 names its own report, the audit
   chain intact; /health/ready/ back to 200 by itself within 30 s of PostgreSQL being back (the
   figure is printed), /health/live/ 200 throughout; the task workers deliver a new e-mail
   afterwards; tracebacks only of OperationalError/InterfaceError. The e-mails queued around the
   restart are counted too (delivered, twice, stranded).
3. disk-full: a tmpfs of 256 KiB over SIGNAAL_PRIVATE_DIR (needs root; when mount fails the
   scenario is SKIPPED with the reason, never counted as passed), filled with a file until ENOSPC.
   A report with a photo (a small JPEG) must give a 302, the report stored, its attachment FAILED,
   the received page in Dutch naming the file ("Deze bestanden konden niet worden opgeslagen"),
   no *.part left on the disk. After the filler is removed the next report stores its photo.
   Unmounted in any case.
4. smtp-slow: latency of 40 report submissions at 4/s from two clients that queue e-mails (each
   leaves the reporter's address: a confirmation and a staff notice) and of 8 password-reset
   requests (each mails the staff member), first with the healthy server (the baseline, measured
   just before: the machine is shared), then with the blackhole. PASS when every answer is the
   usual 302, p95 <= 2 x baseline p95 + 100 ms, no request > 2 s (a request that waited on this
   server would take EMAIL_TIMEOUT, 10 s), the expected e-mails are queued, and after the server
   is healthy again every queued e-mail is delivered exactly once within 90 s. The slowest
   requests and the machine's load average are printed, to recognise a disturbed run.
5. smtp-dead: the same with nothing listening on the port (connection refused); then a healthy
   server is started on that port and every queued e-mail must be delivered exactly once (counted
   by Message-ID) within 90 s, none given up.
The whole suite takes about two and a half minutes (of which ~30 s to start scripts/serve); it exits
non-zero when any scenario FAILs.

    pg_virtualenv -t sh -c '.venv/bin/python bench/fault_suite.py \
        --database-url postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE'
    pg_virtualenv -t sh -c '.venv/bin/python bench/fault_suite.py --only disk-full \
        --database-url postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE'
    .venv/bin/python bench/fault_suite.py --only smtp-dead     # SQLite (database-restart skipped)
"""

import argparse
import asyncio
import contextlib
import email.parser
import errno
import html
import http.client
import io
import json
import logging
import os
import random
import re
import secrets
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report_bench import (  # noqa: E402 - after the path is set
    CSRF_INPUT,
    FORM,
    RECEIVED,
    Client,
    Submission,
    build_env,
    free_port,
    percentile,
    setup_django,
)

COMMAND = ".venv/bin/python bench/fault_suite.py"
SCENARIOS = ["worker-killed", "database-restart", "disk-full", "smtp-slow", "smtp-dead"]
STALE_SECONDS = 10
RETRY_MINUTES = "0.05,0.05,0.1,0.2,0.5,1"
TASK_WORKERS = 2
STAFF_EMAIL = "medewerker@meldpunt.example"
REPORTER_EMAIL = "melder@example.org"
DELIVER = "core.tasks.deliver_email"
# The Dutch texts the reporter must see (locale/nl/LC_MESSAGES/django.po).
NOT_SENT_YET = "Je melding is nog niet verstuurd"
UNAVAILABLE = "Signaal is even niet bereikbaar"
FILES_NOT_SAVED = "Deze bestanden konden niet worden opgeslagen"
RECEIVED_TEXT = "Je melding is ontvangen"
DRAFT_INPUT = re.compile(r'name="draft" value="([^"]+)"')
# Tracebacks a fault explains: a database that is away, a disk that is full.
DATABASE_ERRORS = {"OperationalError", "InterfaceError"}


def say(text=""):
    print(text, flush=True)


def clock():
    return time.perf_counter()


# --- the mail server ------------------------------------------------------------------------------


class Blackhole(threading.Thread):
    """Accepts connections and never says a word (a mail server that hangs)."""

    def __init__(self, port):
        super().__init__(name="blackhole", daemon=True)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", port))
        self.listener.listen(64)
        self.held = []
        self.stopping = False

    def run(self):
        while not self.stopping:
            ready, _, _ = select.select([self.listener], [], [], 0.1)
            if ready and not self.stopping:
                with contextlib.suppress(OSError):
                    self.held.append(self.listener.accept()[0])

    def stop(self):
        self.stopping = True
        self.join(timeout=2)
        for held in self.held:
            with contextlib.suppress(OSError):
                held.close()
        self.listener.close()
        return len(self.held)


class MailServer:
    """SMTP on one fixed port: healthy (aiosmtpd), blackhole or dead, switched on the fly."""

    def __init__(self, port):
        self.port = port
        self.mode = "dead"
        self.controller = None
        self.blackhole = None
        self.lock = threading.Lock()
        self.delivered = []  # (Message-ID, monotonic time) of every 250 to a DATA
        self.aborted = []  # Message-IDs whose client went away before the answer
        self.stall_next = 0.0
        self.stall_started = threading.Event()

    def switch(self, mode):
        from aiosmtpd.controller import Controller

        if self.controller is not None:
            self.controller.stop()
            self.controller = None
        held = self.blackhole.stop() if self.blackhole is not None else 0
        self.blackhole = None
        if mode == "healthy":
            self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
            self.controller.start()
        elif mode == "blackhole":
            self.blackhole = Blackhole(self.port)
            self.blackhole.start()
        self.mode = mode
        return held

    def stall_first(self, seconds):
        self.stall_started.clear()
        self.stall_next = seconds

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        headers = email.parser.BytesHeaderParser().parsebytes(envelope.original_content or b"")
        message_id = (headers.get("Message-ID") or "").strip()
        if self.stall_next:
            stall, self.stall_next = self.stall_next, 0.0
            self.stall_started.set()
            try:
                await asyncio.sleep(stall)
            except asyncio.CancelledError:  # the client went away: nothing is delivered
                with self.lock:
                    self.aborted.append(message_id)
                raise
        with self.lock:
            self.delivered.append((message_id, time.monotonic()))
        return "250 Message accepted for delivery"

    def counts(self):
        with self.lock:
            return Counter(message_id for message_id, _ in self.delivered)


# --- the server -----------------------------------------------------------------------------------


class Server:
    """scripts/serve in its own process group, its output in one log file."""

    def __init__(self, env, directory):
        self.env = env
        self.log_path = Path(directory) / "serve.log"
        self.process = None
        self.port = None

    def start(self, timeout=240):
        self.port = free_port()
        env = {
            **self.env,
            "BIND": f"127.0.0.1:{self.port}",
            "WEB_WORKERS": "2",
            "WEB_THREADS": "2",
            "TASK_WORKERS": str(TASK_WORKERS),
        }
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [str(ROOT / "scripts" / "serve"), sys.executable],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        started = clock()
        while clock() - started < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"scripts/serve stopped at start:\n{self.tail()}")
            if probe(self.port, "/health/ready/")[0] == 200:
                return clock() - started
            time.sleep(0.3)
        raise RuntimeError(f"not ready within {timeout} s:\n{self.tail()}")

    def stop(self):
        """SIGTERM (a graceful stop), then SIGKILL for whatever of its group is left; returns the
        number of processes left behind after the graceful stop."""
        if self.process is None:
            return 0
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=45)
            except subprocess.TimeoutExpired:
                say("scripts/serve did not stop within 45 s")
        time.sleep(0.5)
        left = self.group()
        if left:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        return len(left)

    def group(self):
        """Live processes (not zombies) in scripts/serve's process group."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[2]) == self.process.pid and fields[0] != "Z":
                    found.append(int(stat.parent.name))
        return found

    def size(self):
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def log_since(self, offset):
        with open(self.log_path, "rb") as handle:
            handle.seek(offset)
            return handle.read().decode(errors="replace")

    def tail(self, lines=40):
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_since(0).splitlines()[-lines:])

    def descendants(self):
        children = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(stat.parent.name))
        found, todo = set(), [self.process.pid]
        while todo:
            for child in children.get(todo.pop(), []):
                if child not in found:
                    found.add(child)
                    todo.append(child)
        return found


def probe(port, path, timeout=3):
    """One GET on a new connection (health probes: no proxy header)."""
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, body
    except (OSError, http.client.HTTPException):
        return None, b""


def tracebacks(text):
    """Tracebacks in the server's log, by exception class: JSON lines' exc_info, plain text."""
    kinds = Counter()
    for line in text.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            if "Traceback (most recent call last)" in line:
                kinds["plain-text traceback"] += 1
            continue
        if isinstance(entry, dict) and entry.get("exc_info"):
            kinds[exception_name(str(entry["exc_info"]))] += 1
    return kinds


def exception_name(text):
    """The class of the exception a traceback ends with (its message may span lines)."""
    for line in reversed(text.strip().splitlines()):
        match = re.match(r"([A-Za-z_][\w.]*)(:|$)", line)
        if match and line != "Traceback (most recent call last):":
            return match.group(1).rsplit(".", 1)[-1]
    return "unrecognised traceback"


def status_lines(text):
    """Responses by status from the request log (one JSON line per request)."""
    statuses = Counter()
    for line in text.splitlines():
        with contextlib.suppress(ValueError, AttributeError):
            entry = json.loads(line)
            if entry.get("logger") == "signaal.request":
                statuses[int(entry["status"])] += 1
    return statuses


# --- the reporter's browser -----------------------------------------------------------------------


def jpeg(colour="red"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


class Browser(Client):
    """bench.report_bench's client behind the suite's "TLS proxy": every request says https."""

    def exchange(self, method, path, body=None, headers=None):
        return super().exchange(
            method, path, body, {"X-Forwarded-Proto": "https", **(headers or {})}
        )

    def origin_headers(self, path):
        origin = f"https://127.0.0.1:{self.port}"
        return {"Cookie": self.cookie, "Origin": origin, "Referer": origin + path}

    def send_step(self, token, files=()):
        """The last step with action=send: (status, Location, page text, seconds). A connection
        error is tried once more on a new connection (same draft, so safe)."""
        boundary = "----SignaalFaults" + secrets.token_hex(12)
        parts = []
        for name, value in (("csrfmiddlewaretoken", self.csrf), ("draft", token)):
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for filename, data in files or [("", b"")]:
            kind = "image/jpeg" if filename else "application/octet-stream"
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="attachments"; '
                f'filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n'.encode()
                + data
                + b"\r\n"
            )
        for name, value in (("website", ""), ("action", "send")):
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        parts.append(f"--{boundary}--\r\n".encode())
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            **self.origin_headers(FORM),
        }
        return self.timed("POST", FORM, b"".join(parts), headers)

    def timed(self, method, path, body=None, headers=None):
        error = None
        for _ in (1, 2):
            started = clock()
            try:
                response, content = self.exchange(method, path, body, headers)
            except (OSError, http.client.HTTPException) as failure:
                self.connection_errors += 1
                error = failure
                self.connect()
                continue
            if response.getheader("Connection", "").lower() == "close":
                self.connect()
            return (
                response.status,
                response.getheader("Location", ""),
                content.decode(errors="replace"),
                clock() - started,
            )
        raise ConnectionError(f"{type(error).__name__}: {error}")

    def get(self, location):
        parts = urlsplit(location)
        return self.timed("GET", parts.path + (f"?{parts.query}" if parts.query else ""))

    def password_reset(self, address):
        """Django's password reset: the form, then the address (an e-mail for the staff)."""
        path = "/account/wachtwoord-vergeten/"
        status, _, text, _ = self.timed("GET", path, headers={"Cookie": self.cookie})
        match = CSRF_INPUT.search(text)
        if status != 200 or not match:
            raise RuntimeError(f"GET {path}: {status}")
        body = urlencode({"csrfmiddlewaretoken": match.group(1), "email": address}).encode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            **self.origin_headers(path),
        }
        return self.timed("POST", path, body, headers)


def submission(number, rng, reporter_email=""):
    """A draft at the last step (bench.report_bench's), with the reporter's address if given."""
    from reports.draft import Draft

    made = Submission(number, rng, mailbox_every=0)
    if reporter_email:
        draft = Draft.from_token(made.token)
        draft.data["you"] = {
            "identity": ["contact"],
            "reporter_name": ["Een melder"],
            "reporter_phone": [""],
            "reporter_email": [reporter_email],
            "may_contact": ["on"],
            "passphrase": [""],
            "passphrase_again": [""],
        }
        made.token = draft.token()
    return made


def browsers(port, count):
    made = [Browser(port) for _ in range(count)]
    for browser in made:
        browser.prepare()  # GET /melden/ for the CSRF cookie and token, through exchange()
    return made


# --- database checks (in this process) ------------------------------------------------------------


def fresh_connection():
    from django.db import connection

    connection.close()
    return connection


def outbox_ids():
    from core.models import OutgoingEmail

    fresh_connection()
    return set(OutgoingEmail.objects.values_list("pk", flat=True))


def pending_email():
    from core.models import OutgoingEmail

    return OutgoingEmail.objects.filter(sent_at__isnull=True, failed_at__isnull=True).count()


def drain(seconds=120):
    """Wait until the outbox has nothing left to deliver; the seconds it took, or None."""
    started = clock()
    while clock() - started < seconds:
        fresh_connection()
        if not pending_email():
            return clock() - started
        time.sleep(0.5)
    return None


def wait_delivered(ids, mail, seconds):
    """Wait until every e-mail in `ids` has sent_at (or failed_at); returns figures."""
    from core.models import OutgoingEmail

    started = clock()
    while True:
        fresh_connection()
        rows = list(
            OutgoingEmail.objects.filter(pk__in=ids).values_list("pk", "sent_at", "failed_at")
        )
        open_ = [pk for pk, sent, failed in rows if not sent and not failed]
        if not open_ or clock() - started > seconds:
            break
        time.sleep(0.5)
    counts = mail.counts()
    message_ids = {f"<{pk}@signaal>" for pk in ids}
    return {
        "queued": len(ids),
        "sent": sum(1 for _, sent, _ in rows if sent),
        "given_up": sum(1 for _, _, failed in rows if failed),
        "open": len(open_),
        "delivered_once": sum(1 for m in message_ids if counts.get(m) == 1),
        "delivered_twice": sum(1 for m in message_ids if counts.get(m, 0) > 1),
        "not_delivered": sum(1 for m in message_ids if not counts.get(m)),
        "seconds": clock() - started,
    }


def delivery_line(figures):
    return (
        f"e-mails queued {figures['queued']}: sent {figures['sent']}, given up "
        f"{figures['given_up']}, still open {figures['open']}; at the mail server: once "
        f"{figures['delivered_once']}, twice or more {figures['delivered_twice']}, never "
        f"{figures['not_delivered']} (waited {figures['seconds']:.1f} s)"
    )


def delivered_exactly_once(figures):
    return (
        figures["open"] == 0
        and figures["given_up"] == 0
        and figures["delivered_once"] == figures["queued"]
    )


def report_keys():
    from reports.models import Report

    fresh_connection()
    return {str(key): pk for pk, key in Report.objects.values_list("pk", "idempotency_key")}


def named_report(location):
    from django.core import signing

    from reports.views import RECEIVED_SALT

    match = RECEIVED.search(location or "")
    try:
        return signing.loads(match.group(1), salt=RECEIVED_SALT)["r"]
    except (AttributeError, signing.BadSignature, KeyError, TypeError):
        return None


# --- the scenarios --------------------------------------------------------------------------------


class Result:
    def __init__(self, name):
        self.name = name
        self.failures = []
        self.skipped = ""
        self.lines = []

    def line(self, text):
        self.lines.append(text)
        say(f"  {text}")

    def check(self, ok, text):
        self.line(("ok    " if ok else "FAIL  ") + text)
        if not ok:
            self.failures.append(text)
        return ok

    @property
    def verdict(self):
        if self.skipped:
            return "SKIPPED"
        return "FAIL" if self.failures else "PASS"


class Suite:
    def __init__(self, args, env, directory, mail, server):
        self.args = args
        self.env = env
        self.directory = Path(directory)
        self.mail = mail
        self.server = server
        self.rng = random.Random(20260401)
        self.number = 0

    def next_submission(self, reporter_email=""):
        self.number += 1
        return submission(self.number, self.rng, reporter_email)

    def check_tracebacks(self, result, offset, allowed=frozenset()):
        kinds = tracebacks(self.server.log_since(offset))
        expected = {k: v for k, v in kinds.items() if k in allowed}
        other = {k: v for k, v in kinds.items() if k not in allowed}
        result.check(
            not other,
            f"tracebacks in the server log: {sum(kinds.values())} "
            f"(explained by the fault: {expected or 'none'}; other: {other or 'none'})",
        )
        return kinds

    # 1 --------------------------------------------------------------------------------------------

    def worker_killed(self, result):
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        from core.models import OutgoingEmail, WorkerHeartbeat

        if drain() is None:
            return result.check(False, "the outbox did not drain before the scenario")
        offset = self.server.size()
        self.mail.stall_first(self.args.stall_seconds)
        before = outbox_ids()
        client = browsers(self.server.port, 1)[0]
        status, _, _, _ = client.send_step(self.next_submission().token)
        result.check(status == 302, f"anonymous report (one staff notice): {status}")
        if not self.mail.stall_started.wait(30):
            return result.check(False, "the mail server never saw the staff notice's DATA")
        stalled_at = clock()
        new = outbox_ids() - before
        if len(new) != 1:
            return result.check(False, f"expected one new e-mail, found {len(new)}")
        email_id = new.pop()
        message_id = f"<{email_id}@signaal>"
        jobs = DBTaskResult.objects.filter(
            task_path=DELIVER, args_kwargs__kwargs__email_id=str(email_id)
        )
        job = jobs.filter(status=TaskResultStatus.RUNNING).first()
        if job is None:
            return result.check(False, "no RUNNING deliver_email job while the server stalls")
        holder = job.worker_ids[-1]
        beat = WorkerHeartbeat.objects.filter(worker_id=holder).first()
        if beat is None:
            return result.check(False, f"no heartbeat for worker {holder}")
        pid = beat.pid
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        if pid not in self.server.descendants() or "run_worker" not in command:
            return result.check(False, f"pid {pid} is not one of scripts/serve's task workers")
        time.sleep(max(0.0, 1.0 - (clock() - stalled_at)))  # well inside the stall
        os.kill(pid, signal.SIGKILL)
        killed_at = clock()
        killed_wall = time.time()
        result.line(
            f"killed task worker pid {pid} ({holder}) with SIGKILL "
            f"{killed_at - stalled_at:.1f} s into the {self.args.stall_seconds:g} s stall of "
            f"e-mail {message_id}"
        )
        sent_after = restarted_after = None
        new_pid = None
        while clock() - killed_at < 90 and (sent_after is None or restarted_after is None):
            fresh_connection()
            if (
                sent_after is None
                and OutgoingEmail.objects.filter(pk=email_id, sent_at__isnull=False).exists()
            ):
                sent_after = clock() - killed_at
            if restarted_after is None:
                fresh = WorkerHeartbeat.objects.exclude(pid=pid).filter(
                    started_at__gte=_aware(killed_wall)
                )
                if fresh.exists():
                    restarted_after = clock() - killed_at
                    new_pid = fresh.first().pid
            time.sleep(0.2)
        time.sleep(1)  # let the job's own status be written
        fresh_connection()
        rows = list(jobs.values_list("status", "return_value", "worker_ids"))
        email = OutgoingEmail.objects.get(pk=email_id)
        alive = _alive_workers()
        delivered = self.mail.counts().get(message_id, 0)
        result.check(
            sent_after is not None,
            "e-mail delivered after the kill: "
            + (f"{sent_after:.1f} s (time to recovery)" if sent_after is not None else "never"),
        )
        result.check(
            len(rows) == 1 and rows[0][0] == TaskResultStatus.SUCCESSFUL and rows[0][1] == "sent",
            f"deliver_email jobs for the e-mail: {len(rows)} "
            + ", ".join(f"{s} ({v}) claimed by {len(w)} worker(s)" for s, v, w in rows),
        )
        result.check(
            bool(rows) and len(rows[0][2]) >= 2 and rows[0][2][0] == holder,
            "the job was claimed by the killed worker, then by another",
        )
        result.check(
            delivered == 1,
            f"messages with that Message-ID delivered: {delivered} (aborted when the worker "
            f"died: {self.mail.aborted.count(message_id)})",
        )
        result.check(
            email.sent_at is not None and email.failed_at is None,
            f"OutgoingEmail: sent_at {'set' if email.sent_at else 'EMPTY'}, "
            f"attempts {email.attempts}",
        )
        result.check(
            restarted_after is not None,
            "scripts/serve started the worker again: "
            + (
                f"new heartbeat (pid {new_pid}) {restarted_after:.1f} s after the kill"
                if restarted_after is not None
                else "no new heartbeat within 90 s"
            ),
        )
        result.check(alive == TASK_WORKERS, f"task workers alive afterwards: {alive}")
        ready, _ = probe(self.server.port, "/health/ready/")
        result.check(ready == 200, f"/health/ready/ afterwards: {ready}")
        self.check_tracebacks(result, offset)

    # 2 --------------------------------------------------------------------------------------------

    def database_restart(self, result):
        from django.db import connection

        if connection.vendor != "postgresql":
            result.skipped = "needs PostgreSQL (--database-url)"
            return
        control = cluster_control(connection)
        result.line(f"PostgreSQL control: {control['how']}")
        drain()
        offset = self.server.size()
        before_keys = report_keys()
        before_load = outbox_ids()
        total = round(self.args.rate * self.args.seconds)
        subs = [self.next_submission() for _ in range(total)]
        clients = browsers(self.server.port, 8)
        events = {"five": Counter(), "not_form_page": 0, "draft_changed": 0, "no_draft": 0}
        lock = threading.Lock()
        end_of_tries = [None]

        def person(client, sub):
            """Send; on a 503 read the page, wait 2 s like a person and send its draft again."""
            token = sub.token
            sub.attempts = 0
            while True:
                sub.attempts += 1
                try:
                    status, location, text, _ = client.send_step(token)
                except ConnectionError as error:
                    sub.error = str(error)
                    status, location, text = None, "", ""
                with lock:
                    if status is not None and status >= 500:
                        events["five"][status] += 1
                    if status == 503:
                        if NOT_SENT_YET not in text:
                            events["not_form_page"] += 1
                        match = DRAFT_INPUT.search(text)
                        if match is None:
                            events["no_draft"] += 1
                        else:
                            page_token = html.unescape(match.group(1))
                            if _draft_key(page_token) != sub.key:
                                events["draft_changed"] += 1
                            else:
                                token = page_token
                if status == 302:
                    sub.status, sub.location, sub.done = 302, location, clock()
                    return
                sub.status = status
                if end_of_tries[0] is not None and clock() > end_of_tries[0]:
                    return
                time.sleep(2)

        jobs = []
        lock_jobs = threading.Condition()

        def work(client):
            while True:
                with lock_jobs:
                    while not jobs:
                        lock_jobs.wait()
                    job = jobs.pop(0)
                if job is None:
                    return
                person(client, job)

        monitor = HealthMonitor(self.server.port)
        monitor.start()
        threads = [threading.Thread(target=work, args=(c,), daemon=True) for c in clients]
        for thread in threads:
            thread.start()
        t0 = clock()
        restart = {}
        restarter = threading.Thread(
            target=self._restart_postgres, args=(control, t0, restart), daemon=True
        )
        restarter.start()
        for number, sub in enumerate(subs):
            sub.due = t0 + number / self.args.rate
            delay = sub.due - clock()
            if delay > 0:
                time.sleep(delay)
            with lock_jobs:
                jobs.append(sub)
                lock_jobs.notify()
        restarter.join()
        end_of_tries[0] = clock() + 60
        with lock_jobs:
            jobs.extend([None] * len(threads))
            lock_jobs.notify_all()
        for thread in threads:
            thread.join()
        monitor.stop()
        elapsed = clock() - t0
        if "error" in restart:
            return result.check(False, f"restarting PostgreSQL failed: {restart['error']}")
        result.line(
            f"load: {total} submissions at {self.args.rate:g}/s over {self.args.seconds:g} s, "
            f"{len(clients)} clients; PostgreSQL stopped at {restart['down'] - t0:.1f} s "
            f"(stop took {restart['stop']:.1f} s), down {restart['up'] - restart['down']:.1f} s, "
            f"back (start returned) at {restart['up'] - t0:.1f} s; run {elapsed:.1f} s"
        )
        accepted = [s for s in subs if s.status == 302]
        retried = [s for s in subs if s.attempts > 1]
        answers = status_lines(self.server.log_since(offset))
        result.line(
            f"submissions: {len(accepted)} of {total} accepted, {len(retried)} sent more than "
            f"once (up to {max((s.attempts for s in subs), default=0)} times); server answers "
            f"by status: {dict(sorted(answers.items()))}"
        )
        five = events["five"]
        result.check(
            not {k: v for k, v in five.items() if k != 503},
            f"5xx other than 503: {sum(v for k, v in five.items() if k != 503)} "
            f"(503: {five.get(503, 0)})",
        )
        result.check(
            five.get(503, 0) > 0,
            f"reporters met the outage: {five.get(503, 0)} answers 503 from the report form",
        )
        result.check(
            not events["not_form_page"] and not events["no_draft"] and not events["draft_changed"],
            f"503 pages without '{NOT_SENT_YET}': {events['not_form_page']}, without the draft: "
            f"{events['no_draft']}, with another draft: {events['draft_changed']}",
        )
        result.check(
            len(accepted) == total,
            f"every submission accepted in the end: {len(accepted)}/{total}"
            + "".join(
                f"; e.g. #{s.number}: last answer {s.status} {s.error}"
                for s in [s for s in subs if s.status != 302][:1]
            ),
        )
        keys = report_keys()
        new_keys = {k: pk for k, pk in keys.items() if k not in before_keys}
        lost = [s for s in accepted if s.key not in new_keys]
        wrong = [s for s in accepted if named_report(s.location) != new_keys.get(s.key)]
        extra = len(new_keys) - len({s.key for s in subs} & set(new_keys))
        from audit.actions import verify_chain

        chain = verify_chain()
        result.check(
            not lost and not wrong and not extra and chain.ok,
            f"reports stored: {len(new_keys)}; accepted but lost: {len(lost)}; 302 naming "
            f"another report: {len(wrong)}; reports nobody sent: {extra}; audit chain "
            + ("intact" if chain.ok else f"BROKEN {chain.problems[:3]}")
            + f" ({chain.checked} events)",
        )
        first_bad, back = monitor.recovery(restart["down"], restart["up"])
        result.line(
            "readiness: "
            + (
                f"first non-200 {first_bad - restart['down']:+.1f} s after the stop"
                if first_bad
                else "never failed"
            )
            + f"; liveness answers other than 200: {monitor.live_failures}"
        )
        result.check(
            back is not None and back - restart["up"] <= 30,
            "/health/ready/ back to 200 by itself "
            + (
                f"{max(0.0, back - restart['up']):.1f} s after PostgreSQL was back (N)"
                if back is not None
                else "NEVER"
            ),
        )
        result.check(monitor.live_failures == 0, "/health/live/ answered 200 throughout")
        load_emails = outbox_ids() - before_load
        # The task workers work afterwards: a report with the reporter's address.
        before = outbox_ids()
        status, _, _, _ = clients[0].send_step(self.next_submission(REPORTER_EMAIL).token)
        after = wait_delivered(outbox_ids() - before, self.mail, 60)
        result.check(
            status == 302 and delivered_exactly_once(after) and after["queued"] == 2,
            f"after the restart: report {status}; {delivery_line(after)}",
        )
        # The staff notices queued around the restart.
        around = wait_delivered(load_emails, self.mail, 60)
        result.line(f"staff notices of the load: {delivery_line(around)}")
        result.check(
            around["open"] == 0 and around["given_up"] == 0 and around["not_delivered"] == 0,
            "no e-mail of the load stranded (each delivered at least once)",
        )
        kinds = self.check_tracebacks(result, offset, DATABASE_ERRORS)
        result.line(
            "expected tracebacks (OperationalError/InterfaceError): "
            f"{sum(v for k, v in kinds.items() if k in DATABASE_ERRORS)}"
        )

    def _restart_postgres(self, control, t0, restart):
        try:
            time.sleep(max(0.0, t0 + self.args.restart_at - clock()))
            started = clock()
            subprocess.run(control["stop"], check=True, capture_output=True, timeout=60)
            restart["down"] = started
            restart["stop"] = clock() - started
            time.sleep(self.args.down_seconds)
            subprocess.run(control["start"], check=True, capture_output=True, timeout=60)
            restart["up"] = clock()
        except (subprocess.SubprocessError, OSError) as error:
            restart["error"] = f"{error} {getattr(error, 'stderr', b'')!r}"
            restart.setdefault("down", clock())
            restart.setdefault("stop", 0.0)
            restart.setdefault("up", clock())

    # 3 --------------------------------------------------------------------------------------------

    def disk_full(self, result):
        from reports.models import Attachment, Report

        private = Path(self.env["SIGNAAL_PRIVATE_DIR"])
        private.mkdir(parents=True, exist_ok=True)
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(private)],
            capture_output=True,
            text=True,
        )
        if mounted.returncode != 0:
            result.skipped = (
                f"mount -t tmpfs failed: {mounted.stderr.strip() or mounted.returncode}"
            )
            return
        try:
            offset = self.server.size()
            filler = private / "filler"
            written = 0
            descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
            try:
                while True:
                    written += os.write(descriptor, b"\0" * 4096)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
            finally:
                os.close(descriptor)
            result.line(f"tmpfs of 256 KiB on SIGNAAL_PRIVATE_DIR, filled with {written} bytes")
            client = browsers(self.server.port, 1)[0]
            photo = jpeg()
            sub = self.next_submission()
            status, location, _, seconds = client.send_step(
                sub.token, [("foto-schijf-vol.jpg", photo)]
            )
            result.check(
                status == 302,
                f"report with a photo on a full disk: {status} ({seconds * 1000:.0f} ms)",
            )
            fresh_connection()
            report = Report.objects.filter(idempotency_key=sub.key).first()
            states = (
                [(a.state, a.original_name) for a in report.attachments.all()] if report else []
            )
            result.check(
                report is not None and states == [(Attachment.State.FAILED, "foto-schijf-vol.jpg")],
                f"report kept: {'yes' if report else 'NO'}; attachments: {states}",
            )
            page_status, _, page, _ = client.get(location)
            result.check(
                page_status == 200
                and RECEIVED_TEXT in page
                and FILES_NOT_SAVED in page
                and "foto-schijf-vol.jpg" in page,
                f"received page {page_status}: says '{FILES_NOT_SAVED}' and names the file: "
                f"{FILES_NOT_SAVED in page and 'foto-schijf-vol.jpg' in page}",
            )
            leftovers = [p for p in private.rglob("*") if p.name.endswith(".part")]
            result.check(not leftovers, f"*.part files left on the disk: {len(leftovers)}")
            filler.unlink()
            sub = self.next_submission()
            status, location, _, _ = client.send_step(sub.token, [("foto-weer-ruimte.jpg", photo)])
            fresh_connection()
            report = Report.objects.filter(idempotency_key=sub.key).first()
            stored = [
                a for a in (report.attachments.all() if report else []) if a.state != "failed"
            ]
            on_disk = [
                p
                for a in stored
                for p in private.rglob(a.storage_name)
                if p.is_file() and p.stat().st_size > 0
            ]
            page_status, _, page, _ = client.get(location)
            result.check(
                status == 302
                and len(stored) == 1
                and len(on_disk) == 1
                and FILES_NOT_SAVED not in page,
                f"after freeing space: report {status}, photo stored {len(stored)}, file on the "
                f"tmpfs {len(on_disk)}, received page without the failure notice "
                f"{FILES_NOT_SAVED not in page}",
            )
            self.check_tracebacks(result, offset, {"OSError"})
        finally:
            unmounted = subprocess.run(["umount", str(private)], capture_output=True, text=True)
            if unmounted.returncode != 0:
                subprocess.run(["umount", "-l", str(private)], capture_output=True)
            result.line(f"tmpfs unmounted ({'lazily' if unmounted.returncode else 'cleanly'})")

    # 4, 5 -----------------------------------------------------------------------------------------

    def requests_that_mail(self, count=40, rate=4.0):
        """`count` reports with the reporter's address (two e-mails each) and a password reset
        every fifth, from two clients at `rate` a second: latencies in seconds."""
        clients = browsers(self.server.port, 2)
        subs = [self.next_submission(REPORTER_EMAIL) for _ in range(count)]
        latencies, bad = [], []
        lock = threading.Lock()
        jobs = list(enumerate(subs))
        t0 = clock()

        def work(client, mine):
            for number, sub in mine:
                delay = t0 + number / rate - clock()
                if delay > 0:
                    time.sleep(delay)
                try:
                    status, _, _, seconds = client.send_step(sub.token)
                    results = [("report", status, seconds)]
                    if number % 5 == 4:
                        status, _, _, seconds = client.password_reset(STAFF_EMAIL)
                        results.append(("password reset", status, seconds))
                except (ConnectionError, RuntimeError) as error:
                    with lock:
                        bad.append(str(error))
                    continue
                with lock:
                    for kind, status, seconds in results:
                        latencies.append((seconds, kind))
                        if status != 302:
                            bad.append(f"{kind} {status}")

        threads = [
            threading.Thread(target=work, args=(client, jobs[index :: len(clients)]), daemon=True)
            for index, client in enumerate(clients)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = [value for value, _ in latencies]
        figures = {
            "n": len(latencies),
            "p50": percentile(seconds, 0.5) if seconds else 0,
            "p95": percentile(seconds, 0.95) if seconds else 0,
            "max": max(seconds, default=0),
            "slowest": sorted(latencies, reverse=True)[:3],
            "load": os.getloadavg()[0],
            "bad": bad,
            # each report mails the reporter and the staff member; each reset the staff member
            "emails": 2 * count + sum(1 for number in range(count) if number % 5 == 4),
        }
        return figures

    @staticmethod
    def latency_line(label, figures):
        return (
            f"{label}: {figures['n']} requests, p50 {figures['p50'] * 1000:.0f} ms, p95 "
            f"{figures['p95'] * 1000:.0f} ms, max {figures['max'] * 1000:.0f} ms (slowest: "
            + ", ".join(f"{kind} {value * 1000:.0f} ms" for value, kind in figures["slowest"])
            + f"); unexpected answers {len(figures['bad'])} {figures['bad'][:3]}; machine load "
            f"average {figures['load']:.1f} on {os.cpu_count()} CPUs"
        )

    def measure_baseline(self, result):
        """The same requests with a healthy mail server, just before the fault (the machine is
        shared: a baseline of minutes ago would compare other loads)."""
        self.mail.switch("healthy")
        drain()
        before = outbox_ids()
        baseline = self.requests_that_mail()
        figures = wait_delivered(outbox_ids() - before, self.mail, 60)
        result.line(self.latency_line("baseline, healthy SMTP", baseline))
        result.check(
            not baseline["bad"] and delivered_exactly_once(figures),
            f"baseline answers all 302; {delivery_line(figures)}",
        )
        return baseline

    def smtp_fault(self, result, mode):
        baseline = self.measure_baseline(result)
        offset = self.server.size()
        before = outbox_ids()
        self.mail.switch(mode)
        switched = clock()
        figures = self.requests_that_mail()
        label = (
            "blackhole SMTP (accepts, never answers)"
            if mode == "blackhole"
            else "dead SMTP (connection refused)"
        )
        result.line(self.latency_line(label, figures))
        limit = 2 * baseline["p95"] + 0.1
        result.check(
            not figures["bad"] and figures["n"] > 0,
            f"every request answered as usual (302): "
            f"{figures['n'] - len(figures['bad'])}/{figures['n']}",
        )
        result.check(
            figures["p95"] <= limit and figures["max"] <= 2.0,
            f"no request waits on SMTP: p95 {figures['p95'] * 1000:.0f} ms <= "
            f"{limit * 1000:.0f} ms "
            f"(2 x baseline p95 + 100 ms), max {figures['max'] * 1000:.0f} ms <= 2000 ms",
        )
        from core.models import OutgoingEmail

        ids = outbox_ids() - before
        waiting = OutgoingEmail.objects.filter(pk__in=ids, attempts__gt=0)
        if mode == "blackhole":
            # Hold the fault until the workers' first attempts have timed out (EMAIL_TIMEOUT).
            while not waiting.exists() and clock() - switched < 30:
                time.sleep(0.5)
                fresh_connection()
            result.check(
                waiting.exists(),
                f"a worker's attempt on the blackhole timed out and was queued for a retry "
                f"({clock() - switched:.1f} s after the switch)",
            )
        attempted = waiting.count()
        result.check(
            len(ids) == figures["emails"],
            f"e-mails queued by these requests: {len(ids)} (expected {figures['emails']})",
        )
        result.line(
            f"during the fault ({clock() - switched:.1f} s): {len(ids)} e-mails queued, "
            f"{attempted} attempted and waiting for a retry, delivered "
            f"{sum(self.mail.counts().get(f'<{pk}@signaal>', 0) for pk in ids)}"
        )
        held = self.mail.switch("healthy")
        if mode == "blackhole":
            result.line(f"healthy SMTP again (the blackhole held {held} connections)")
        else:
            result.line("a healthy SMTP server started on the dead port")
        figures = wait_delivered(ids, self.mail, 90)
        result.check(
            delivered_exactly_once(figures) and figures["seconds"] <= 90,
            f"afterwards every queued e-mail delivered exactly once: {delivery_line(figures)}",
        )
        self.check_tracebacks(result, offset)

    def smtp_slow(self, result):
        self.smtp_fault(result, "blackhole")

    def smtp_dead(self, result):
        self.smtp_fault(result, "dead")


class HealthMonitor(threading.Thread):
    """Polls /health/ready/ and /health/live/ every 0.25 s."""

    def __init__(self, port):
        super().__init__(name="health", daemon=True)
        self.port = port
        self.samples = []  # (time, ready status)
        self.live_failures = 0
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            ready, _ = probe(self.port, "/health/ready/")
            self.samples.append((clock(), ready))
            live, _ = probe(self.port, "/health/live/")
            if live != 200:
                self.live_failures += 1
            self.stopping.wait(0.25)

    def stop(self):
        self.stopping.set()
        self.join(timeout=10)

    def recovery(self, down, up):
        """The first non-200 after the stop, and the first 200 after it that stays 200."""
        first_bad = next((t for t, s in self.samples if t >= down and s != 200), None)
        back = None
        for at, status in self.samples:
            if at < up:
                continue
            if status == 200 and back is None:
                back = at
            elif status != 200:
                back = None
        return first_bad, back


def cluster_control(connection):
    """How to stop and start the database server: pg_ctlcluster for a Debian cluster (as
    pg_virtualenv makes, found under PG_CLUSTER_CONF_ROOT by its data directory), else pg_ctl as
    the data directory's owner."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW data_directory")
        data = cursor.fetchone()[0]
        cursor.execute("SHOW server_version_num")
        version = str(int(cursor.fetchone()[0]) // 10000)
    connection.close()
    root = Path(os.environ.get("PG_CLUSTER_CONF_ROOT", "/etc/postgresql")) / version
    for conf in sorted(root.glob("*/postgresql.conf")):
        text = conf.read_text(errors="replace")
        if re.search(rf"^\s*data_directory\s*=\s*'{re.escape(data)}'", text, re.M):
            name = conf.parent.name
            base = ["pg_ctlcluster", version, name]
            return {
                "how": f"pg_ctlcluster {version} {name} stop -m fast / start",
                "stop": [*base, "stop", "-m", "fast"],
                "start": [*base, "start"],
            }
    pg_ctl = f"/usr/lib/postgresql/{version}/bin/pg_ctl"
    owner = Path(data).owner()
    base = ["runuser", "-u", owner, "--", pg_ctl, "-D", data, "-w"]
    return {
        "how": f"pg_ctl -D {data} stop -m fast / start (as {owner})",
        "stop": [*base, "stop", "-m", "fast"],
        "start": [*base, "start", "-l", str(Path(data) / "fault-suite-start.log")],
    }


def _aware(seconds):
    from datetime import UTC, datetime

    return datetime.fromtimestamp(seconds, UTC)


def _alive_workers():
    from core.worker import alive_workers

    fresh_connection()
    return alive_workers().count()


def _draft_key(token):
    from reports.draft import BadDraft, Draft

    try:
        return Draft.from_token(token).key
    except BadDraft:
        return None


def setup_staff():
    """One active reporting-point staff member: every report queues a notice to them."""
    from accounts.models import Membership, Organisation, Role, User

    fresh_connection()
    organisation = Organisation.objects.create(
        name="Meldpunt (fault suite)", kind="reporting_point"
    )
    user = User.objects.create_user(
        STAFF_EMAIL, password=secrets.token_urlsafe(16), full_name="Medewerker Meldpunt"
    )
    Membership.objects.create(user=user, organisation=organisation, role=Role.REPORTING_POINT_STAFF)


# --- run ------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=SCENARIOS, action="append", help="run this scenario")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="an EMPTY throwaway PostgreSQL database (default: $DATABASE_URL, else SQLite)",
    )
    parser.add_argument("--stall-seconds", type=float, default=8, help="worker-killed's stall")
    parser.add_argument("--rate", type=float, default=6, help="database-restart: submissions/s")
    parser.add_argument("--seconds", type=float, default=30, help="database-restart: load time")
    parser.add_argument("--restart-at", type=float, default=10, help="database-restart: when")
    parser.add_argument("--down-seconds", type=float, default=3, help="database-restart: outage")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    chosen = [name for name in SCENARIOS if not args.only or name in args.only]

    directory = tempfile.mkdtemp(prefix="signaal-fault-suite-")
    mail = MailServer(free_port())
    server = None
    results = []
    began = clock()
    try:
        env = build_env(directory, args.database_url)
        env.pop("SIGNAAL_HTTPS", None)  # production's HTTPS; the suite is the TLS proxy
        env.update(
            SIGNAAL_BEHIND_PROXY="true",
            SIGNAAL_INDEX_KEY=secrets.token_urlsafe(32),
            SIGNAAL_PRIVATE_DIR=str(Path(directory) / "private"),
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(mail.port),
            EMAIL_USE_TLS="false",
            SIGNAAL_EMAIL_RETRY_MINUTES=RETRY_MINUTES,
            SIGNAAL_WORKER_STALE_SECONDS=str(STALE_SECONDS),
            LOG_LEVEL="INFO",
        )
        connection = setup_django(env)
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's chatter
        engine = (
            f"PostgreSQL {connection.pg_version // 10000}.{connection.pg_version % 100}"
            if connection.vendor == "postgresql"
            else "SQLite"
        )
        connection.close()
        mail.switch("healthy")
        server = Server(env, directory)
        ready = server.start()
        setup_staff()
        say(f"engine: {engine}; scripts/serve ready in {ready:.1f} s on 127.0.0.1:{server.port}")
        say(
            "server: scripts/serve with WEB_WORKERS=2 WEB_THREADS=2 TASK_WORKERS=2; "
            f"SIGNAAL_WORKER_STALE_SECONDS={STALE_SECONDS} (heartbeat every 5 s); "
            f'SIGNAAL_EMAIL_RETRY_MINUTES="{RETRY_MINUTES}"; EMAIL_TIMEOUT 10 s; '
            f"SMTP on 127.0.0.1:{mail.port} (in this process); one reporting-point staff member"
        )
        suite = Suite(args, env, directory, mail, server)
        for name in chosen:
            say(f"\n== {name}")
            result = Result(name)
            started = clock()
            try:
                getattr(suite, name.replace("-", "_"))(result)
            except Exception as error:  # a scenario that breaks is a failure, the rest still run
                import traceback

                traceback.print_exc()
                result.failures.append(f"{type(error).__name__}: {error}")
            if mail.mode != "healthy":
                mail.switch("healthy")
            say(
                f"{result.verdict} {name} ({clock() - started:.0f} s)"
                + (f": {result.skipped}" if result.skipped else "")
            )
            results.append(result)
    finally:
        if server is not None:
            left = server.stop()
            say(f"\nscripts/serve stopped (SIGTERM); processes left behind: {left}")
        with contextlib.suppress(Exception):
            mail.switch("dead")
        if args.keep:
            say(f"kept: {directory} (serve.log)")
        else:
            shutil.rmtree(directory, ignore_errors=True)
    say("\nsummary (" + f"{clock() - began:.0f} s):")
    for result in results:
        say(
            f"  {result.verdict:8} {result.name}"
            + (f"  ({result.skipped})" if result.skipped else "")
        )
        for failure in result.failures:
            say(f"           - {failure}")
    shown = re.sub(r"(://[^:/@\s]+):[^@\s]+@", r"\1:***@", " ".join(sys.argv[1:]))
    say(f"command: {COMMAND} {shown}".strip())
    sys.exit(1 if any(r.verdict == "FAIL" for r in results) or not results else 0)


if __name__ == "__main__":
    main()
