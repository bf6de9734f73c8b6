r"""Benchmark: sustained public report submissions through gunicorn, on SQLite or PostgreSQL.

The target: "Sustained public submissions on loopback for 60 s: 50 per second on PostgreSQL and
20 per second on SQLite with two web workers - zero lost reports (count them afterwards), zero
5xx, p95 latency."

It starts Signaal as in production (SIGNAAL_ENV=production, but plain HTTP on loopback) under
gunicorn with two gthread workers of two threads each (docs/operations.md), on a fresh database: a
SQLite file in a temporary directory, or the PostgreSQL database of DATABASE_URL / --database-url,
which must be an empty throwaway database (pg_virtualenv makes one; the script refuses a database
that already has tables). It runs `manage.py migrate` first. The limit of public submissions per
address and hour is switched off (SIGNAAL_REPORTS_PER_HOUR=100000000): every request comes from one
loopback address, a real load comes from many. The limit is still checked, and its row written, on
every submission.

Every submission is the last step of the public form as a browser sends it: a multipart POST to
/melden/ with the CSRF cookie and token, action=send, and the encrypted draft (reports.draft.Draft,
step "check", the steps what/where/who/you filled in, a new idempotency key each, a varied
description). Every fifth one chooses a mailbox passphrase (an Argon2 hash on the server); the
others are anonymous without one. Success is a 302 to /melden/ontvangen/<token>/.

The load is open-loop: submission i is due at t0 + i/rate, whatever the server does; --clients
threads (each with its own keep-alive connection, which first GETs /melden/ for the CSRF cookie
and token) take due submissions from a queue. Latency is from sending the request until its
response is read; lateness is how long a due submission waited for a free client (it grows when
the server falls behind). A connection error is retried once on a new connection with the same
draft: the idempotency key makes that safe. A few warm-up submissions go first and are not timed.

Afterwards it counts the reports in the database: every 302 must have its own report (the
redirect names the report; its idempotency key must be the submission's), no reference twice,
every mailbox passphrase stored, and the audit hash chain must be intact.

It exits non-zero on any 5xx, any lost report, any submission that did not end in a 302 (4xx,
connection errors), or when fewer than 95% of the requested submissions per second succeeded.
The bench client runs on the same machine and takes CPU from the server; the CPU line shows who
used the CPUs during the run (gunicorn, the local PostgreSQL server, the client, anything else on
the machine), so a run disturbed by other work can be recognised. --mailbox-every 0 leaves out the
mailbox passphrases, to see what the Argon2 hashes cost. --workers and --threads change the
gunicorn processes and threads. The default is 2 x 2 (the target is stated "with two web
workers"; it was 2 x 8 before). Threads in one worker share its GIL: a thread that
comes back from the database waits for the others' Python (up to the 5 ms switch interval), while
it may hold the rows that every submission locks (reference counter, audit chain head). Two
threads per worker still let one wait for the database while the other works; on two shared
cores 2 x 2 used less CPU per submission and kept up better than 2 x 8 in runs with the same other
load on the machine. The CPU line shows whether a run was short of CPU.

    .venv/bin/python bench/report_bench.py --rate 20 --seconds 60      # SQLite
    .venv/bin/python bench/report_bench.py --seconds 10                # a quick run
    pg_virtualenv sh -c '.venv/bin/python bench/report_bench.py --rate 50 --seconds 60 \
        --database-url postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE'  # PostgreSQL
"""

import argparse
import http.client
import os
import queue
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMMAND = ".venv/bin/python bench/report_bench.py"
SEED = 20260101
FORM = "/melden/"
RECEIVED = re.compile(r"/melden/ontvangen/([^/?]+)/")
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MINIMUM_RATE = 0.95
# Variables of the caller's environment that would change what is measured.
CLEARED = [
    "SQLITE_PATH",
    "DEBUG",
    "SIGNAAL_DEMO",
    "SIGNAAL_PRIVATE_DIR",
    "MEDIA_ROOT",
    "EMAIL_HOST",
    "EMAIL_FILE_PATH",
    "SIGNAAL_INDEX_KEY",
    "SIGNAAL_BEHIND_PROXY",
    "CSRF_TRUSTED_ORIGINS",
    "TASKS_BACKEND",
    "SIGNAAL_REPORTS_PER_HOUR",
]

# --- what is reported ----------------------------------------------------------------------------

OPENINGS = [
    "Op de {street} {number} wonen {count} arbeiders in één garage.",
    "In de loods aan de {street} {number} slapen 's nachts {count} mensen op matrassen.",
    "Bij de nagelstudio aan de {street} werken {count} meisjes die geen Nederlands spreken.",
    "Elke ochtend om vijf uur haalt een busje {count} mannen op bij {street} {number}.",
    "De kassen achter de {street} {number}: {count} werknemers, zeven dagen per week.",
    "Boven het restaurant aan de {street} wonen {count} koks, de ramen zijn afgeplakt.",
]
DETAILS = [
    "Hun paspoorten liggen volgens de buren bij de baas.",
    "Ze lijken bang om met iemand te praten.",
    "Er staat een man bij de deur die bepaalt wie naar binnen mag.",
    "Het loon wordt ingehouden voor huur en vervoer, zeggen ze.",
    "Ik hoor 's avonds geschreeuw en daarna is het stil.",
    "Een van hen had verwondingen aan zijn handen en kreeg geen hulp.",
    "Ze werken ook op zondag, tot laat in de avond.",
    "Volgens een collega betalen ze een schuld af aan het uitzendbureau.",
    "Er komen steeds andere mannen, na een paar weken zijn ze weer weg.",
    "De woning is overvol: ik tel zes fietsen en twintig paar schoenen.",
]
STREETS = ["Kanaalweg", "Vleutenseweg", "Amsterdamsestraatweg", "Lageweide", "Europalaan"]


def step_data(rng, number):
    """Draft data for the steps what/where/who/you, as the form keeps it (lists of values)."""
    street, house, count = rng.choice(STREETS), str(rng.randint(1, 300)), rng.randint(2, 30)
    description = " ".join(
        [rng.choice(OPENINGS).format(street=street, number=house, count=count)]
        + rng.sample(DETAILS, rng.randint(1, 6))
        + [f"(melding {number})"]
    )
    steps = {
        "what": {"description": description, "acute_danger": rng.choice(["no", "unknown"])},
        "where": {
            "municipality": "GM0344",
            "postcode": f"35{rng.randint(10, 99)}{rng.choice(['ab', 'CD', 'ej'])}",
            "house_number": house,
            "street": street,
        },
        "who": {
            "age_group": rng.choice(["adult", "adult", "unknown", "mixed"]),
            "gender": rng.choice(["male", "female", "mixed", "unknown"]),
            "victim_count": str(count),
            "company_name": rng.choice(["Bouw B.V.", "Kwekerij De Kas", "", "Uitzendbureau X"]),
        },
        "you": {"identity": "anonymous"},
    }
    return {step: {name: [value] for name, value in data.items()} for step, data in steps.items()}


class Submission:
    __slots__ = (
        "number",
        "key",
        "token",
        "passphrase",
        "mailbox",
        "due",
        "sent",
        "done",
        "status",
        "location",
        "attempts",
        "error",
    )

    def __init__(self, number, rng, mailbox_every=5):
        from reports.draft import Draft
        from reports.models import Channel, Kind

        self.number = number
        self.mailbox = mailbox_every > 0 and number % mailbox_every == mailbox_every - 1
        passphrase = f"geheime zin {secrets.token_hex(4)}" if self.mailbox else ""
        draft = Draft(
            kind=Kind.REPORT,
            channel=Channel.PUBLIC,
            language="nl",
            key=str(uuid.uuid4()),
            data=step_data(rng, number),
            step="check",
        )
        self.key = draft.key
        self.token = draft.token()
        self.passphrase = passphrase  # typed on the last step, never part of the draft
        self.due = self.sent = self.done = None
        self.status = None
        self.location = ""
        self.attempts = 0
        self.error = ""


# --- the client ----------------------------------------------------------------------------------


class Client:
    """One browser: its own keep-alive connection and CSRF cookie."""

    scheme = "http"  # of the Origin and Referer it sends

    def __init__(self, port):
        self.port = port
        self.connection = None
        self.cookie = ""
        self.csrf = ""
        self.connection_errors = 0
        self.sample = ""  # the first unexpected response, for the summary

    def connect(self):
        if self.connection is not None:
            self.connection.close()
        self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)

    def exchange(self, method, path, body=None, headers=None):
        if self.connection is None:
            self.connect()
        self.connection.request(method, path, body=body, headers=headers or {})
        response = self.connection.getresponse()
        content = response.read()
        return response, content

    def prepare(self):
        response, content = self.exchange("GET", FORM)
        if response.status != 200:
            raise RuntimeError(f"GET {FORM}: {response.status} {content[:300]!r}")
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(header)
            if "csrftoken" in cookie:
                self.cookie = f"csrftoken={cookie['csrftoken'].value}"
        match = CSRF_INPUT.search(content.decode())
        if not (self.cookie and match):
            raise RuntimeError(f"GET {FORM}: no CSRF cookie or token in the answer")
        self.csrf = match.group(1)

    def body(self, submission):
        """The last step as a browser posts it: multipart, with the empty file input."""
        boundary = "----SignaalBench" + secrets.token_hex(12)
        parts = []
        for name, value in (
            ("csrfmiddlewaretoken", self.csrf),
            ("draft", submission.token),
            ("passphrase", submission.passphrase),
            ("passphrase_again", submission.passphrase),
            ("website", ""),
            ("action", "send"),
        ):
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            )
        parts.insert(
            2,
            f'--{boundary}\r\nContent-Disposition: form-data; name="attachments"; '
            f'filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n',
        )
        parts.append(f"--{boundary}--\r\n")
        return "".join(parts).encode(), f"multipart/form-data; boundary={boundary}"

    def submit(self, submission):
        body, content_type = self.body(submission)
        headers = {
            "Content-Type": content_type,
            "Cookie": self.cookie,
            "Origin": f"{self.scheme}://127.0.0.1:{self.port}",
            "Referer": f"{self.scheme}://127.0.0.1:{self.port}{FORM}",
        }
        submission.sent = time.perf_counter()
        for attempt in (1, 2):
            submission.attempts = attempt
            try:
                response, content = self.exchange("POST", FORM, body, headers)
            except (OSError, http.client.HTTPException) as error:
                # A dropped keep-alive connection, or a server that went away: once more on a new
                # connection with the same draft (same idempotency key, so no second report).
                self.connection_errors += 1
                submission.error = f"{type(error).__name__}: {error}"
                self.connect()
                continue
            submission.done = time.perf_counter()
            submission.status = response.status
            submission.location = response.getheader("Location", "")
            submission.error = ""
            if response.status != 302 and not self.sample:
                self.sample = f"{response.status}: {content[:500].decode(errors='replace')}"
            if response.getheader("Connection", "").lower() == "close":
                self.connect()
            return
        submission.done = time.perf_counter()


def run_phase(clients, submissions, rate):
    """Open loop: submission i is due at t0 + i/rate; a free client sends it."""
    jobs = queue.Queue()

    def work(client):
        while (job := jobs.get()) is not None:
            client.submit(job)

    threads = [threading.Thread(target=work, args=(c,), daemon=True) for c in clients]
    for thread in threads:
        thread.start()
    t0 = time.perf_counter() + 0.2
    for number, submission in enumerate(submissions):
        submission.due = t0 + number / rate
        delay = submission.due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        jobs.put(submission)
    for _ in threads:
        jobs.put(None)
    for thread in threads:
        thread.join()
    return t0


# --- the server ----------------------------------------------------------------------------------


def build_env(directory, database_url):
    from cryptography.fernet import Fernet

    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SIGNAAL_ENV="production",
        SIGNAAL_HTTPS="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        SIGNAAL_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        SIGNAAL_VAR_DIR=str(directory),
        ALLOWED_HOSTS="127.0.0.1",
        SIGNAAL_REPORTS_PER_HOUR="100000000",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return env


def setup_django(env):
    """This process gets the server's settings: it makes the drafts and counts the reports."""
    for name in CLEARED:
        os.environ.pop(name, None)
    os.environ.update(env)
    if "DATABASE_URL" not in env:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.db import connection

    tables = connection.introspection.table_names()
    connection.close()
    if tables:
        sys.exit(
            f"the database already has {len(tables)} tables: give an empty throwaway database "
            "(for example one made by pg_virtualenv)"
        )
    return connection


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, args, directory):
    port = free_port()
    log = open(Path(directory) / "gunicorn.log", "wb")  # noqa: SIM115 - closed in stop_gunicorn
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "config.wsgi:application",
        "--workers",
        str(args.workers),
        "--worker-class",
        "gthread",
        "--threads",
        str(args.threads),
        "--bind",
        f"127.0.0.1:{port}",
        # Longer than the pause between two submissions of one client, so an idle keep-alive
        # connection is not closed under the client's feet (gunicorn's default is 2 s).
        "--keep-alive",
        "30",
        "--no-control-socket",  # gunicorn 27 would otherwise make ~/.gunicorn/gunicorn.ctl
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            log.close()
            sys.exit(f"gunicorn stopped at start:\n{log_tail(directory)}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", FORM)
            status = connection.getresponse().status
            connection.close()
            if status == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            stop_gunicorn(process, log)
            sys.exit(f"gunicorn did not answer within 60 s:\n{log_tail(directory)}")
        time.sleep(0.2)
    return process, log, port, command


def stop_gunicorn(process, log):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    log.close()
    return process.returncode


def log_tail(directory, lines=40):
    path = Path(directory) / "gunicorn.log"
    if not path.exists():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


# --- CPU use (Linux /proc; the machine may be shared) --------------------------------------------


def machine_jiffies():
    """(busy, total) clock ticks of all CPUs since boot."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    # guest time is already part of user time
    total = sum(fields[:8])
    return total - idle, total


def stat_fields(pid):
    """/proc/<pid>/stat from field 3 (state) on."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def process_jiffies(pid):
    """CPU ticks of a process and all its descendants, live or ended (gunicorn's master and
    workers, PostgreSQL's postmaster and backends, a start script's gunicorn and task workers).
    A list of pids adds up each one's tree."""
    if pid is None:
        return None
    if isinstance(pid, (list, tuple)):
        ticks = [process_jiffies(one) for one in pid]
        return None if None in ticks else sum(ticks)
    try:
        fields = stat_fields(pid)
        ticks = sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime
    except (OSError, ValueError, IndexError):
        return None
    for child in children(pid):
        # A child that ends meanwhile is in its parent's cutime once reaped.
        ticks += process_jiffies(child) or 0
    return ticks


def children(pid):
    try:
        return [
            int(child)
            for task in Path(f"/proc/{pid}/task").iterdir()
            for child in (task / "children").read_text().split()
        ]
    except (OSError, ValueError):
        return []


def postmaster_pid(connection):
    """The local PostgreSQL server's main process, if it runs on this machine."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    try:
        return int(stat_fields(backend)[1])
    except (OSError, ValueError, IndexError):
        return None


class CpuMeter:
    """Who used the CPUs during the run: the machine may be shared with other work."""

    def __init__(self, server_pid, database_pid, server="gunicorn", unit="submission"):
        self.server_pid = server_pid  # a pid or a list of pids, each with its descendants
        self.database_pid = database_pid
        self.label, self.unit = server, unit
        self.tick = os.sysconf("SC_CLK_TCK")

    def start(self):
        self.machine = machine_jiffies()
        self.server = process_jiffies(self.server_pid)
        self.database = process_jiffies(self.database_pid)
        self.own = os.times()
        self.wall = time.perf_counter()

    def report(self, count):
        machine, server = machine_jiffies(), process_jiffies(self.server_pid)
        database = process_jiffies(self.database_pid)
        if None in (machine, server, self.machine, self.server):
            return "CPU: not measured (no /proc)"
        own = os.times()
        wall = time.perf_counter() - self.wall
        cpus = os.cpu_count() or 1
        busy = (machine[0] - self.machine[0]) / self.tick
        server = (server - self.server) / self.tick
        client = own.user + own.system - self.own.user - self.own.system
        parts = [
            f"{self.label} {server:.1f} s ({server / max(count, 1) * 1000:.0f} ms a {self.unit})"
        ]
        rest = busy - server - client
        if database is not None and self.database is not None:
            database = (database - self.database) / self.tick
            parts.append(f"PostgreSQL {database:.1f} s")
            rest -= database
        parts.append(f"bench client {client:.1f} s")
        parts.append(f"other work on the machine {max(0.0, rest):.0f} s")
        parts.append(f"idle {max(0.0, cpus * wall - busy):.0f} s")
        return (
            f"CPU during the run ({cpus} CPUs x {wall:.0f} s = {cpus * wall:.0f} CPU-s): "
            + ", ".join(parts)
        )


# --- figures -------------------------------------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def check_database(submissions, after_pk=0):
    """What is in the database against what the clients were told (the reports after after_pk:
    a database that had reports before the load)."""
    from django.core import signing

    from audit.actions import verify_chain
    from reports.models import Report, StatusChange
    from reports.views import RECEIVED_SALT

    rows = list(
        Report.objects.filter(pk__gt=after_pk).values_list(
            "pk", "idempotency_key", "reference", "mailbox_index"
        )
    )
    key_of = {pk: str(key) for pk, key, _, _ in rows}
    stored_keys = set(key_of.values())
    references = [reference for _, _, reference, _ in rows]
    accepted = [s for s in submissions if s.status == 302]
    missing = [s for s in accepted if s.key not in stored_keys]
    wrong = []  # a 302 that names a report that is not this submission's
    named = []
    for submission in accepted:
        match = RECEIVED.search(submission.location)
        try:
            pk = signing.loads(match.group(1), salt=RECEIVED_SALT)["r"]
        except (AttributeError, signing.BadSignature, KeyError, TypeError):
            wrong.append(submission)
            continue
        named.append(pk)
        if key_of.get(pk) != submission.key:
            wrong.append(submission)
    with_mailbox = sum(1 for *_, index in rows if index)
    chain = verify_chain()
    return {
        "rows": len(rows),
        "accepted": len(accepted),
        "lost": len(accepted) - len(rows),
        "missing": len(missing),
        "wrong": len(wrong),
        "named_twice": len(named) - len(set(named)),
        "references_twice": len(references) - len(set(references)),
        "mailboxes": with_mailbox,
        "mailboxes_expected": sum(1 for s in accepted if s.mailbox),
        "history": StatusChange.objects.filter(report__pk__gt=after_pk).count(),
        "chain": chain,
    }


def stored_wrong(counts):
    """What check_database() found wrong, as short phrases; empty when every report is right."""
    failures = []
    if counts["lost"] or counts["missing"] or counts["wrong"] or counts["named_twice"]:
        failures.append("reports lost or mixed up")
    if counts["references_twice"] or counts["mailboxes"] != counts["mailboxes_expected"]:
        failures.append("references or mailboxes wrong")
    if not counts["chain"].ok:
        failures.append("audit chain broken")
    return failures


def engine_name(connection):
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    version = connection.pg_version
    return f"PostgreSQL {version // 10000}.{version % 100}"


# --- run -----------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=float, default=20, help="submissions per second")
    parser.add_argument("--seconds", type=float, default=60, help="how long to keep it up")
    parser.add_argument(
        "--workers", type=int, default=2, help="gunicorn workers (the target says two)"
    )
    parser.add_argument("--threads", type=int, default=2, help="gunicorn threads per worker")
    parser.add_argument("--clients", type=int, default=32, help="client threads (connections)")
    parser.add_argument(
        "--mailbox-every",
        type=int,
        default=5,
        help="every Nth submission chooses a mailbox passphrase (0: none)",
    )
    parser.add_argument("--warmup", type=int, default=10, help="untimed submissions first")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="an EMPTY throwaway PostgreSQL database (default: $DATABASE_URL, else SQLite)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    directory = tempfile.mkdtemp(prefix="signaal-report-bench-")
    process = log = None
    try:
        env = build_env(directory, args.database_url)
        connection = setup_django(env)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        migrate = time.perf_counter() - started
        print(f"engine: {engine_name(connection)} (migrate {migrate:.1f} s)", flush=True)
        process, log, port, command = start_gunicorn(env, args, directory)
        print(f"server: {' '.join(command[1:])}", flush=True)
        print(
            "rate limit: SIGNAAL_REPORTS_PER_HOUR=100000000 (off: all clients share one loopback "
            "address; the limit is still checked and counted on every submission)",
            flush=True,
        )
        ok = run(args, port, connection, process.pid)
    finally:
        if process is not None:
            code = stop_gunicorn(process, log)
            print(f"gunicorn stopped (exit code {code})")
            errors = [line for line in log_tail(directory, 10_000).splitlines() if "Error" in line]
            if errors:
                print(f"gunicorn log: {len(errors)} lines with 'Error', the last: {errors[-1]}")
        if args.keep:
            print(f"kept: {directory} (gunicorn.log, the SQLite database if any)")
        else:
            shutil.rmtree(directory, ignore_errors=True)
    sys.exit(0 if ok else 1)


def run(args, port, connection, server_pid):
    rng = random.Random(SEED)
    total = round(args.rate * args.seconds)
    every = args.mailbox_every
    warmup = [Submission(number, rng, every) for number in range(args.warmup)]
    timed = [Submission(number, rng, every) for number in range(total)]
    clients = [Client(port) for _ in range(args.clients)]
    for client in clients:
        client.prepare()
    if warmup:
        run_phase(clients[: len(warmup)], warmup, args.rate)
    for client in clients:
        client.connection_errors = 0
    print(
        f"load: {total} submissions at {args.rate:g}/s for {args.seconds:g} s, open loop, "
        f"{args.clients} clients with keep-alive; "
        + (f"every {every}th with a mailbox passphrase " if every else "no mailbox passphrases ")
        + f"(after {len(warmup)} untimed warm-up submissions)",
        flush=True,
    )
    meter = CpuMeter(server_pid, postmaster_pid(connection))
    meter.start()
    t0 = run_phase(clients, timed, args.rate)
    cpu = meter.report(len(timed))

    answered = [s for s in timed if s.status is not None]
    accepted = [s for s in answered if s.status == 302]
    client_errors = [s for s in answered if 400 <= s.status < 500]
    server_errors = [s for s in answered if s.status >= 500]
    other = [s for s in answered if s.status != 302 and not 400 <= s.status < 600]
    unanswered = [s for s in timed if s.status is None]
    end = max((s.done for s in timed), default=t0)
    achieved = len(accepted) / max(args.seconds, end - t0)
    latencies = [(s.done - s.sent) * 1000 for s in answered]
    lateness = [(s.sent - s.due) * 1000 for s in timed]
    connection_errors = sum(c.connection_errors for c in clients)

    print(
        f"rate: requested {args.rate:g}/s, achieved {achieved:.2f}/s "
        f"({len(accepted)} accepted in {max(args.seconds, end - t0):.1f} s)"
    )
    print(
        f"sent: {len(timed)}  302: {len(accepted)}  4xx: {len(client_errors)}  "
        f"5xx: {len(server_errors)}  other status: {len(other)}  "
        f"no answer: {len(unanswered)}  connection errors: {connection_errors} "
        f"(retried: {sum(1 for s in timed if s.attempts > 1)})"
    )
    if latencies:
        mailbox = [(s.done - s.sent) * 1000 for s in accepted if s.mailbox]
        plain = [(s.done - s.sent) * 1000 for s in accepted if not s.mailbox]
        print(
            f"latency ms: p50 {percentile(latencies, 0.5):.0f}  "
            f"p95 {percentile(latencies, 0.95):.0f}  p99 {percentile(latencies, 0.99):.0f}  "
            f"max {max(latencies):.0f}"
        )
        for label, values in (("anonymous", plain), ("passphrase", mailbox)):
            if values:
                print(
                    f"  {label:10} n={len(values):5}  p50 {percentile(values, 0.5):6.0f}  "
                    f"p95 {percentile(values, 0.95):6.0f}  max {max(values):6.0f}"
                )
    print(
        f"lateness ms (waiting for a free client): p95 {percentile(lateness, 0.95):.0f}  "
        f"max {max(lateness):.0f}"
    )
    print(cpu)
    samples = {c.sample for c in clients if c.sample}
    for sample in list(samples)[:3]:
        print(f"unexpected answer: {sample[:300]!r}")
    for submission in unanswered[:3]:
        print(f"no answer: {submission.error}")

    counts = check_database(warmup + timed)
    chain = counts["chain"]
    print(
        f"reports counted: {counts['rows']} (302s: {counts['accepted']}, of which "
        f"{len(warmup)} warm-up)  lost: {counts['lost']}  "
        f"302 without its report: {counts['missing']}  302 naming another report: "
        f"{counts['wrong']}  named twice: {counts['named_twice']}  "
        f"references twice: {counts['references_twice']}"
    )
    print(
        f"mailboxes: {counts['mailboxes']} of {counts['mailboxes_expected']}  "
        f"status history rows: {counts['history']}  audit chain: "
        + ("intact" if chain.ok else f"BROKEN ({chain.problems[:3]})")
        + f" ({chain.checked} events)"
    )
    connection.close()

    failures = []
    if server_errors:
        failures.append(f"{len(server_errors)} 5xx")
    failures += stored_wrong(counts)
    if len(accepted) != len(timed):
        failures.append(f"{len(timed) - len(accepted)} submissions did not end in a 302")
    if achieved < MINIMUM_RATE * args.rate:
        failures.append(f"achieved rate below {MINIMUM_RATE:.0%} of {args.rate:g}/s")
    verdict = "OK" if not failures else "NOT MET: " + "; ".join(failures)
    p95 = f"{percentile(latencies, 0.95):.0f} ms" if latencies else "-"
    print(f"target ({args.rate:g}/s, zero lost, zero 5xx): {verdict}; p95 {p95}")
    # A password in --database-url stays out of the output.
    shown = re.sub(r"(://[^:/@\s]+):[^@\s]+@", r"\1:***@", " ".join(sys.argv[1:]))
    print(f"command: {COMMAND} {shown}".strip())
    return not failures


if __name__ == "__main__":
    main()
