r"""Load suite: a mixed run against Signaal in production mode, on loopback, bounded in time.

The target: "A mixed run - public pages, knowledge search, the guide, report submissions, staff
work lists, monitor views - for 60 seconds against production mode on PostgreSQL; prints
throughput, p50/p95/p99 per kind and errors; and the ratio to a bare Django view served the same
way in the same run. Target: zero errors, zero lost reports, public pages at least 50% of the bare
view's throughput."

Database. An EMPTY throwaway PostgreSQL database (--database-url or $DATABASE_URL; pg_virtualenv
makes one, see below); the script refuses a database that has tables. Without one it uses a SQLite
file in a temporary directory, for a quick try (the target is stated for PostgreSQL).

Setup (untimed, durations printed):
1. `manage.py migrate` in production mode: bench/report_bench.py's build_env (fresh SECRET_KEY and
   encryption key, SIGNAAL_REPORTS_PER_HOUR=100000000 because every client has the one loopback
   address; the limit is still checked and written on every submission) with production's HTTPS
   settings and SIGNAAL_BEHIND_PROXY=true: the bench acts as the TLS-terminating proxy, every
   request but the health probes carries `X-Forwarded-Proto: https` (as scripts/serve says a
   loopback benchmark should; `check --deploy` refuses SIGNAAL_HTTPS=false).
2. `manage.py load_demo_data` and `load_demo_content` with the same keys and database but
   SIGNAAL_ENV=development SIGNAAL_DEMO=true (demo mode is refused in production): the demo region's
   organisations and users, the demo reports, policy and imported history, the knowledge base
   (pages, news, documents with extracted text, the search index).
3. --reports reports (default 5,000) generated with bench/case_bench.py's Generator (bulk_create,
   five years, statuses by age, persons, notes, messages, referrals, links), assigned among the
   demo's reporting-point staff member and four more colleagues; the reference counters continue
   after the demo's. On PostgreSQL a VACUUM ANALYZE of those tables (what autovacuum would do).
4. The monitor's recount (monitor.facts.rebuild()).

Server. Production mode exactly as deployed: `scripts/serve <python>` (migrate, gunicorn
config.wsgi gthread with WEB_WORKERS x WEB_THREADS, TASK_WORKERS task workers) with the bench's
--workers/--threads/--task-workers and BIND=127.0.0.1:<free port>. While scripts/serve is not in
the tree (or with --own-server) the bench starts the same processes itself: gunicorn with the same
options and `manage.py run_worker` task workers. It waits for GET /health/ready/ to answer 200
(database and a task worker heartbeat) and for the task queue the setup left (demo e-mails,
extraction) to drain, then stops the server with SIGTERM at the end and reports processes left
behind. All of the server's output goes to one log; afterwards the bench counts its ERROR/CRITICAL
lines and tracebacks (JSON lines or plain) and scripts/serve's notes of a stopped process from the
moment it was ready (before that, its own 503s of /health/ready/ are only shown), and per
phase how many gunicorn workers were replaced (max_requests in config/gunicorn.py, or a crash).

Clients. --clients threads (default 8), each with one keep-alive HTTP/1.1 connection; a closed
loop (each sends its next request when the previous answer is read), so the run measures how much
the server gets through. Each client signs in once as the demo's reporting-point staff member and
once as the demo's analyst the way a person does: the login form with the demo password, then
the two-factor form with one of the demo backup codes (ten per user: more than ten clients share
sessions). A connection error is retried once on a new connection (a report with its same draft:
the idempotency key makes that safe) and is an error, except when it happened on a connection
that had already carried requests and the retry succeeded: that is a keep-alive connection the
server had just closed (gunicorn replaces a worker after max_requests), which browsers and proxies
retry too; those are shown as reconnects. Throughput counts the answers read within the phase's
seconds; requests still under way at the end are finished and count for latency and errors.

Kinds of request and the mix (weights in the mixed phase; the expected answer):
- public  40  public pages, 200: the home page (4x as often), the theme page, the document library,
              the news list and news items, the links page, public document pages, the signal
              cards (/wat-zie-je/signaalkaart/<form>/) and the report form's first page.
- search  15  knowledge search /kennisbank/zoeken/ with Dutch queries (some with a second page, a
              filter or by date), and the search suggestions, 200.
- guide   10  the guide /wat-zie-je/: empty, or with 1-6 ticked signals of a person or a location,
              sometimes a minor or a kind of place, 200.
- report   5  the public report form's last step as bench/report_bench.py sends it (multipart POST
              with CSRF, an encrypted draft with a new idempotency key, every --mailbox-every-th
              with a mailbox passphrase), 302 to /melden/ontvangen/<token>/.
- worklist 15 the reporting point's work list /meldpunt/ (default, my tasks, past the deadline,
              in triage, a municipality, not assigned, high priority 2024, pages 2-20, search by
              reference), signed in as reporting-point staff, 200.
- monitor 10  the monitor as the analyst: dashboard (default, years, quarters) 3x as often as a
              CSV export (municipalities, forms), 200.
- bare     5  GET /health/live/, 200.

The bare view is /health/live/: it goes through the whole middleware stack (security headers,
sessions, CSRF, authentication, two-factor, the request log line, ...) but does no database or
template work, so its throughput is about the most this stack can serve on this machine. The
bench client shares the CPUs and costs more of them per bare request than per page (see the CPU
lines), so the bare view's figure, and with it the ratio, leans if anything in the pages' favour.

Phases, all against the same server run, with the same clients:
0. preflight: every URL of the mix once, one client, checking the expected answer (untimed; the
   bench stops before the load when one fails); then a --warmup-seconds mixed warm-up (untimed).
1. bare: --compare-seconds (default 15) of only /health/live/, closed loop.
2. public: --compare-seconds of only public pages, closed loop; the ratio public/bare of these
   two phases is the target's "at least 50% of the bare view's throughput".
3. mixed: --seconds (default 60) of the mix above.
For each phase: requests per second and p50/p95/p99/max latency (ms, from sending the request to
reading the whole answer) per kind, errors per kind (5xx, any other unexpected status, connection
errors), and the CPU line of bench/report_bench.py's CpuMeter (server = scripts/serve or gunicorn
plus the task workers, with all their processes; the local PostgreSQL; the bench client, which
runs on the same CPUs; other work on the machine), so a disturbed run can be recognised.

Afterwards it counts the reports in the database like report_bench (every 302 its own report with
the submission's idempotency key, no reference twice, mailboxes stored, the audit chain intact),
waits for the task queue to drain and counts failed tasks, and checks the server log. It exits
non-zero when a target is missed: any error in any phase, any lost or mixed-up report, a broken
audit chain, a failed task, errors in the server log, or public pages below 50% of the bare view.
A whole run takes about two and a half minutes on two cores (setup under a minute: migrate 16 s,
demo content 10 s).

    pg_virtualenv -t sh -c '.venv/bin/python bench/load_bench.py \
        --database-url postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE'   # the target
    .venv/bin/python bench/load_bench.py --seconds 10 --compare-seconds 5 --reports 1000  # quick
"""

import argparse
import contextlib
import http.client
import json
import logging
import os
import random
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from report_bench import (  # noqa: E402 - after the path is set
    RECEIVED,
    Client,
    CpuMeter,
    Submission,
    build_env,
    check_database,
    engine_name,
    free_port,
    percentile,
    postmaster_pid,
    setup_django,
    stored_wrong,
)

COMMAND = ".venv/bin/python bench/load_bench.py"
SEED = 20261201
BARE = "/health/live/"
READY = "/health/ready/"
SERVE = ROOT / "scripts" / "serve"
REPORTING_POINT = "meldpunt@vtu.demo.test"
ANALYST = "analist@riec.demo.test"
EXTRA_STAFF = 4
MINIMUM_RATIO = 0.5

# kind: (weight in the mixed phase, label)
MIX = {
    "public": (40, "public pages"),
    "search": (15, "knowledge search"),
    "guide": (10, "the guide"),
    "report": (5, "report submissions"),
    "worklist": (15, "staff work lists"),
    "monitor": (10, "monitor views"),
    "bare": (5, "bare view /health/live/"),
}
EXPECTED = dict.fromkeys(MIX, 200) | {"report": 302}
STAFF_ROLE = {"worklist": REPORTING_POINT, "monitor": ANALYST}
# The bench is the TLS-terminating proxy in front of production mode (scripts/serve): every request
# but the health probes says it came in over https.
PROXY = {"X-Forwarded-Proto": "https"}

SEARCHES = [
    "arbeidsuitbuiting",
    "signalen van seksuele uitbuiting",
    "loverboy",
    "uitzendbureau huisvesting",
    "mensenhandel minderjarigen",
    "paspoort ingehouden",
    "gedwongen criminaliteit",
    "signaalkaart",
    "nagelstudio",
    "zorgcoördinatie",
    "opvang slachtoffers",
    "schulden bij de werkgever",
    "arbeidsinspectie",
    "meldpunt",
    "gemeentelijk beleid",
    "uitbuiting in de kassen",
]
SUGGESTIONS = ["arb", "uitb", "mens", "sign", "loverb", "zorg"]


def mix_shares(mix=MIX):
    """{kind: share of the mixed phase}, the shares adding up to 1."""
    total = sum(weight for weight, _ in mix.values())
    return {kind: weight / total for kind, (weight, _) in mix.items()}


def choose_kind(rng, mix=MIX):
    kinds = list(mix)
    return rng.choices(kinds, weights=[mix[kind][0] for kind in kinds])[0]


# --- setup ---------------------------------------------------------------------------------------


def manage(env, *arguments):
    """A manage.py command in its own process; its output only when it fails."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(
            f"manage.py {' '.join(arguments)} failed ({result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
        )
    return time.perf_counter() - started


class DemoPeople:
    """What case_bench's Generator needs, from the demo region: the reporting point's staff (the
    demo's member and a few colleagues), the partners and the legal bases."""

    PARTNER_OUTCOMES = {
        "police": "referred_police",
        "labour_inspectorate": "referred_labour",
        "care": "referred_care",
    }

    def __init__(self):
        from accounts.models import Membership, Organisation, OrganisationKind, Role, User
        from reports.models import LegalBasis

        point = Organisation.objects.get(kind=OrganisationKind.REPORTING_POINT)
        self.staff = [User.objects.get(email=REPORTING_POINT)]
        for number in range(1, EXTRA_STAFF + 1):
            # No password (an unusable one): these colleagues are only assigned to.
            user = User.objects.create_user(
                f"medewerker{number}@vtu.demo.test", full_name=f"Medewerker {number:02d}"
            )
            Membership.objects.create(
                user=user, organisation=point, role=Role.REPORTING_POINT_STAFF
            )
            self.staff.append(user)
        partners = Organisation.objects.filter(
            kind__in=[*self.PARTNER_OUTCOMES, OrganisationKind.RIEC]
        ).order_by("pk")
        self.partner_list = list(partners)
        self.partners = {
            self.PARTNER_OUTCOMES[o.kind]: o
            for o in self.partner_list
            if o.kind in self.PARTNER_OUTCOMES
        }
        self.bases = list(LegalBasis.objects.all())


def generate_reports(count, connection):
    """case_bench's bulk generator, continuing the demo's reference numbers."""
    from case_bench import Generator, vacuum

    from reports.models import ReferenceCounter

    people = DemoPeople()
    generator = Generator(count, people, random.Random(SEED))
    generator.counters = {(c.prefix, c.year): c.last for c in ReferenceCounter.objects.all()}
    seconds = generator.generate()
    vacuumed = vacuum(connection) if connection.vendor == "postgresql" else None
    return seconds, vacuumed


def setup(args, env, connection):
    """Migrate, demo data and content, generated reports, the monitor's recount. Returns
    [(label, seconds)]."""
    from monitor import facts
    from reports.models import Report

    durations = [("migrate", manage(env, "migrate", "--noinput", "-v", "0"))]
    demo = dict(env, SIGNAAL_ENV="development", SIGNAAL_DEMO="true")
    durations.append(("demo data", manage(demo, "load_demo_data")))
    durations.append(("demo content", manage(demo, "load_demo_content")))
    print(f"setup: migrated, demo loaded ({Report.objects.count()} demo reports)", flush=True)
    if args.reports:
        seconds, vacuumed = generate_reports(args.reports, connection)
        durations.append((f"{args.reports:,} generated reports", seconds))
        if vacuumed is not None:
            durations.append(("VACUUM ANALYZE", vacuumed))
    started = time.perf_counter()
    logging.getLogger("monitor.facts").setLevel(logging.WARNING)  # its INFO line, not here
    refresh = facts.rebuild()
    durations.append(("monitor recount", time.perf_counter() - started))
    print(
        f"setup: {Report.objects.count():,} reports, monitor facts: {refresh.facts:,}",
        flush=True,
    )
    connection.close()
    return durations


# --- what is asked for ---------------------------------------------------------------------------


class Targets:
    """The URLs of each kind, read from the database after the setup."""

    def __init__(self):
        from django.contrib.auth.models import AnonymousUser
        from django.urls import reverse
        from wagtail.models import Page

        from accounts import access
        from content.models import HomePage
        from indicators.cards import CARD_FORMS
        from indicators.models import Indicator, PremisesType
        from monitor.stats import available_years
        from reports.models import Report

        anonymous = AnonymousUser()
        pages = access.pages_for(anonymous, Page.objects.filter(depth__gt=1).specific())
        self.public = []
        for page in pages.order_by("path"):
            url = page.get_url()
            if url:
                self.public += [url] * (4 if isinstance(page, HomePage) else 1)
        documents = access.documents_for(anonymous).order_by("pk")[:8]
        self.public += [reverse("content:document", args=[d.pk]) for d in documents]
        self.public += [reverse("indicators:card", args=[form]) for form in CARD_FORMS]
        self.public.append(reverse("reports:report"))

        rng = random.Random(SEED)
        search = reverse("content:search")
        self.search = [f"{search}?{urlencode({'q': q})}" for q in SEARCHES]
        self.search += [f"{search}?{urlencode({'q': q, 'page': 2})}" for q in SEARCHES[:3]]
        self.search += [
            f"{search}?{urlencode({'q': q, 'kind': 'document'})}" for q in SEARCHES[3:6]
        ]
        self.search += [f"{search}?{urlencode({'q': q, 'order': 'date'})}" for q in SEARCHES[6:8]]
        suggest = reverse("content:suggest")
        self.search += [f"{suggest}?q={quote(prefix)}" for prefix in SUGGESTIONS]

        guide = reverse("indicators:guide")
        codes = {}
        for code, subject in Indicator.objects.filter(active=True).values_list("code", "subject"):
            codes.setdefault(subject, []).append(code)
        premises = list(PremisesType.objects.values_list("code", flat=True))
        self.guide = [guide]
        for number in range(30):
            subject = sorted(codes)[number % len(codes)]
            query = [("subject", subject)]
            query += [
                ("s", c)
                for c in rng.sample(codes[subject], min(len(codes[subject]), rng.randint(1, 6)))
            ]
            if rng.random() < 0.2:
                query.append(("minor", "on"))
            if premises and rng.random() < 0.3:
                query.append(("premises", rng.choice(premises)))
            self.guide.append(f"{guide}?{urlencode(query)}")

        inbox = reverse("reports:inbox")
        municipality = (
            Report.objects.exclude(municipality=None)
            .values_list("municipality__code", flat=True)
            .order_by("-created_at")
            .first()
        )
        references = list(Report.objects.order_by("?").values_list("reference", flat=True)[:5])
        pages_count = max(2, min(20, Report.objects.count() // 50))
        self.worklist = [
            inbox,
            inbox,
            f"{inbox}?assigned=me&open=on&sort=deadline",
            f"{inbox}?overdue=on&sort=deadline",
            f"{inbox}?status=triage&primary_form=none",
            f"{inbox}?assigned=nobody&open=on",
            f"{inbox}?received_from=2024-01-01&received_to=2024-12-31&priority=high",
        ]
        if municipality:
            self.worklist.append(f"{inbox}?municipality={municipality}")
        self.worklist += [f"{inbox}?page={n}" for n in range(2, pages_count + 1, 3)]
        self.worklist += [f"{inbox}?q={quote(r)}" for r in references]

        dashboard = reverse("monitor:dashboard")
        years = available_years()[-5:]
        self.monitor = [dashboard] * 3
        self.monitor += [f"{dashboard}?period=year&year={y}" for y in years] * 2
        self.monitor += [f"{dashboard}?period=quarter&year={years[-1]}&quarter={q}" for q in (1, 2)]
        for name in ("municipality", "form"):
            url = reverse("monitor:export", args=[name, "csv"])
            self.monitor += [f"{url}?period=year&year={y}" for y in years[-2:]]
        self.bare = [BARE]
        self.last_report_pk = Report.objects.order_by("-pk").values_list("pk", flat=True).first()

    def urls(self, kind):
        return getattr(self, kind)

    def all_gets(self):
        for kind in MIX:
            if kind != "report":
                for url in dict.fromkeys(self.urls(kind)):
                    yield kind, url


# --- the client ----------------------------------------------------------------------------------


class Cookies:
    def __init__(self):
        self.values = {}

    def take(self, response):
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.values.pop(name, None)
                else:
                    self.values[name] = morsel.value

    def header(self):
        return "; ".join(f"{name}={value}" for name, value in self.values.items())


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def sign_in(port, email, code):
    """Password and demo backup code through the login forms, as a person does. Returns the
    session's cookie header."""
    from core.management.commands.load_demo_data import DEMO_PASSWORD

    cookies = Cookies()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    origin = f"https://127.0.0.1:{port}"

    def call(method, path, fields=None):
        headers = {"Cookie": cookies.header()} | PROXY
        body = None
        if fields is not None:
            body = urlencode(fields).encode()
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": origin,
                "Referer": origin + path,
            }
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        content = response.read().decode(errors="replace")
        cookies.take(response)
        return response, content

    def token(path):
        response, content = call("GET", path)
        match = CSRF_INPUT.search(content)
        if response.status != 200 or not match:
            sys.exit(f"sign-in {email}: GET {path} answered {response.status} without a form")
        return match.group(1)

    login = "/account/inloggen/"
    fields = {"csrfmiddlewaretoken": token(login), "email": email, "password": DEMO_PASSWORD}
    response, content = call("POST", login, fields)
    if response.status != 302:
        sys.exit(f"sign-in {email}: password step answered {response.status}")
    second = "/account/inloggen/code/"
    fields = {"csrfmiddlewaretoken": token(second), "token": code}
    response, content = call("POST", second, fields)
    if response.status != 302:
        sys.exit(f"sign-in {email}: backup code step answered {response.status}")
    connection.close()
    return cookies.header()


class LoadClient(Client):
    """report_bench's client (keep-alive connection, CSRF cookie, the report POST) that also
    GETs pages, with or without a signed-in session.

    A request that fails on a connection that already carried requests, and then succeeds on a
    new one, met a keep-alive connection the server had just closed (gunicorn replaces a worker
    after max_requests and closes its connections): browsers and proxies retry those, so they
    are counted as reconnects, not errors. A worker that crashed or was killed shows in the
    server log. Every other connection failure is an error."""

    scheme = "https"  # what the "proxy" says: Origin and Referer are https too

    def __init__(self, port):
        super().__init__(port)
        self.sessions = {}  # e-mail: cookie header
        self.records = []
        self.used = 0  # requests sent on the current connection
        self.stale = 0  # failures on a connection that had carried requests before

    def connect(self):
        super().connect()
        self.used = 0

    def exchange(self, method, path, body=None, headers=None):
        if self.connection is None:
            self.connect()
        reused = self.used > 0
        self.used += 1
        try:
            return super().exchange(method, path, body, PROXY | (headers or {}))
        except (OSError, http.client.HTTPException):
            self.stale += reused
            raise

    def get(self, path, cookie=""):
        """(status, error); connection failures are counted in self.connection_errors."""
        headers = {"Cookie": cookie} if cookie else {}
        error = ""
        for _attempt in (1, 2):
            try:
                response, content = self.exchange("GET", path, headers=headers)
            except (OSError, http.client.HTTPException) as problem:
                self.connection_errors += 1
                error = f"{type(problem).__name__}: {problem}"
                self.connect()
                continue
            if response.getheader("Connection", "").lower() == "close":
                self.connect()
            if response.status != 200 and not self.sample:
                self.sample = f"GET {path}: {response.status} {content[:300]!r}"
            return response.status, ""
        return None, error

    def request(self, kind, url, submission=None):
        """One request of `kind`; appends (kind, url, sent, done, status, connection errors,
        reconnects, error)."""
        failures, stale = self.connection_errors, self.stale
        sent = time.perf_counter()
        if kind == "report":
            self.submit(submission)
            status, error = submission.status, submission.error
            if status == 302 and not RECEIVED.search(submission.location):
                status = -302  # a redirect somewhere else: not the receipt
        else:
            status, error = self.get(url, self.sessions.get(STAFF_ROLE.get(kind), ""))
        done = time.perf_counter()
        failures, stale = self.connection_errors - failures, self.stale - stale
        reconnects = min(failures, stale) if status is not None else 0
        record = (kind, url, sent, done, status, failures - reconnects, reconnects, error)
        self.records.append(record)
        return status


class SubmissionPool:
    """Drafts made before a phase (the encryption is the client's work, not the server's)."""

    def __init__(self, mailbox_every):
        self.rng = random.Random(SEED + 1)
        self.mailbox_every = mailbox_every
        self.made = []
        self.ready = []
        self.lock = threading.Lock()

    def fill(self, count):
        with self.lock:
            while len(self.ready) < count:
                submission = Submission(len(self.made), self.rng, self.mailbox_every)
                self.made.append(submission)
                self.ready.append(submission)

    def take(self):
        with self.lock:
            if not self.ready:
                submission = Submission(len(self.made), self.rng, self.mailbox_every)
                self.made.append(submission)
                return submission
            return self.ready.pop()


def run_phase(clients, targets, pool, seconds, mix):
    """Closed loop: every client sends its next request as soon as it has read the answer, until
    the time is up. Returns (records, start); the requests under way at the end are finished
    and kept (latency, errors) but are not counted in the throughput."""
    for client in clients:
        client.records = []
        client.connect()  # a fresh connection: none closed by the server's keep-alive timeout
    if "report" in mix:
        pool.fill(int(seconds * 10) + 20)
    start = threading.Barrier(len(clients) + 1)

    def work(number, client):
        rng = random.Random(f"{SEED}-{number}-{seconds}-{','.join(mix)}")
        start.wait()
        while time.perf_counter() < deadline:
            kind = choose_kind(rng, mix)
            if kind == "report":
                client.request(kind, "POST /melden/", pool.take())
            else:
                client.request(kind, rng.choice(targets.urls(kind)))

    threads = [
        threading.Thread(target=work, args=(n, c), daemon=True) for n, c in enumerate(clients)
    ]
    for thread in threads:
        thread.start()
    t0 = time.perf_counter()
    deadline = t0 + seconds
    start.wait()
    for thread in threads:
        thread.join()
    records = [record for client in clients for record in client.records]
    return records, t0


# --- the server ----------------------------------------------------------------------------------


class Server:
    """scripts/serve, or while it does not exist the same processes started here."""

    def __init__(self, env, args, directory):
        self.env, self.args = env, args
        self.port = free_port()
        self.log_path = Path(directory) / "server.log"
        self.processes = []
        self.log = None
        self.left_behind = 0
        self.ready_at = 0  # the log's size when /health/ready/ first answered 200

    def start(self):
        self.log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        args = self.args
        bind = f"127.0.0.1:{self.port}"
        if SERVE.exists() and os.access(SERVE, os.X_OK) and not args.own_server:
            env = dict(
                self.env,
                WEB_WORKERS=str(args.workers),
                WEB_THREADS=str(args.threads),
                TASK_WORKERS=str(args.task_workers),
                BIND=bind,
            )
            self.spawn([str(SERVE), sys.executable], env)
            self.description = (
                f"scripts/serve {Path(sys.executable).name} with WEB_WORKERS={args.workers} "
                f"WEB_THREADS={args.threads} TASK_WORKERS={args.task_workers} BIND={bind}"
            )
            self.label = "scripts/serve"
            return
        # What scripts/serve starts: gunicorn with config/gunicorn.py (or the same options where
        # that file is missing) and supervised task workers (here: not restarted).
        env = dict(
            self.env,
            WEB_WORKERS=str(args.workers),
            WEB_THREADS=str(args.threads),
            BIND=bind,
        )
        if (ROOT / "config" / "gunicorn.py").exists():
            gunicorn = [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py"]
            options = "config/gunicorn.py"
        else:
            gunicorn = [sys.executable, "-m", "gunicorn", "--worker-class", "gthread"]
            gunicorn += ["--workers", str(args.workers), "--threads", str(args.threads)]
            gunicorn += ["--bind", bind, "--keep-alive", "30", "--no-control-socket"]
            options = "gthread, keep-alive 30 s"
        self.spawn([*gunicorn, "config.wsgi:application"], env)
        commands = ROOT / "core" / "management" / "commands"
        worker = ["run_worker", "--interval", "1"]
        if not (commands / "run_worker.py").exists():
            worker = ["db_worker", "--interval", "1"]
        for _ in range(args.task_workers):
            self.spawn([sys.executable, "manage.py", *worker], self.env)
        self.description = (
            ("--own-server" if args.own_server else "no scripts/serve")
            + f": started here - gunicorn config.wsgi ({options}) with {args.workers} workers x "
            f"{args.threads} threads on {bind}, {args.task_workers} x manage.py " + " ".join(worker)
        )
        self.label = "gunicorn + task workers"

    def spawn(self, command, env):
        # A session of its own: a Ctrl-C of the bench reaches the server through stop() only.
        self.processes.append(
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=self.log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )

    @property
    def pids(self):
        return [process.pid for process in self.processes]

    def status(self, path, timeout=5):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            return response.status
        finally:
            connection.close()

    def wait_ready(self, seconds=120):
        started = time.perf_counter()
        last = None
        while time.perf_counter() - started < seconds:
            for process in self.processes:
                if process.poll() is not None:
                    hint = ""
                    if self.label == "scripts/serve":
                        hint = (
                            "\n(--own-server starts the same gunicorn and task workers without "
                            "scripts/serve)"
                        )
                    sys.exit(
                        f"the server stopped at start ({process.args[0]}: {process.returncode}):"
                        f"\n{self.tail()}{hint}"
                    )
            try:
                last = self.status(READY)
                if last == 200:
                    self.ready_at = self.log_path.stat().st_size
                    return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.25)
        sys.exit(f"{READY} did not answer 200 within {seconds} s (last {last}):\n{self.tail()}")

    def stop(self):
        codes = []
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            codes.append(process.returncode)
            # Anything of its process group still running was left behind by the stop.
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                continue
            except PermissionError:
                pass
            self.left_behind += 1
            time.sleep(2)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        if self.log:
            self.log.close()
        return codes

    def boots(self):
        """gunicorn workers started so far (at start, and each replacement)."""
        if not self.log_path.exists():
            return 0
        return self.log_path.read_text(errors="replace").count("Booting worker")

    def tail(self, lines=40):
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])


# gunicorn's [ERROR]/[CRITICAL] (a worker timeout), a plain log line's level, scripts/serve saying
# that a task worker or gunicorn stopped.
LOG_ERROR = re.compile(r"\b(ERROR|CRITICAL)\b|serve: .*stopped \(exit code")


def log_problems(text):
    """(error lines, tracebacks, first error line) of the server's log: JSON lines (level, and
    exc_info for a traceback) or plain lines (gunicorn's [ERROR], Python's tracebacks)."""
    errors, tracebacks, first = 0, 0, ""
    for line in text.splitlines():
        record = None
        if line.startswith("{"):
            try:
                record = json.loads(line)
            except ValueError:
                record = None
        if isinstance(record, dict):
            level = str(record.get("level") or record.get("levelname") or "").upper()
            bad = level in ("ERROR", "CRITICAL")
            if record.get("exc_info") or record.get("exc_text"):
                tracebacks += 1
                bad = True
        else:
            bad = bool(LOG_ERROR.search(line))
            if line.startswith("Traceback (most recent call last)"):
                tracebacks += 1
                bad = True
        if bad:
            errors += 1
            first = first or line[:300]
    return errors, tracebacks, first


def queue_state():
    """(due or running, failed) task results; jobs scheduled for later (the daily jobs) wait."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.ready().count() + DBTaskResult.objects.running().count()
    return waiting, DBTaskResult.objects.failed().count()


def drain(seconds):
    from django.db import connection

    started = time.perf_counter()
    while True:
        waiting, failed = queue_state()
        if not waiting or time.perf_counter() - started > seconds:
            connection.close()
            return waiting, failed, time.perf_counter() - started
        time.sleep(0.5)


# --- figures -------------------------------------------------------------------------------------


class Figures:
    """Per kind: requests, requests per second, latency percentiles, errors."""

    def __init__(self, records, start, seconds):
        """Throughput counts the answers read within `seconds` of `start`."""
        self.wall = seconds
        end = start + seconds
        self.last = max((record[3] for record in records), default=end) - start
        self.kinds = {}
        self.by_url = {}
        for kind, url, sent, done, status, failures, reconnects, error in records:
            self.by_url.setdefault(url, []).append((done - sent) * 1000)
            row = self.kinds.setdefault(
                kind,
                {
                    "n": 0,
                    "in_time": 0,
                    "ms": [],
                    "5xx": 0,
                    "status": 0,
                    "connection": 0,
                    "unanswered": 0,
                    "reconnects": 0,
                    "statuses": {},
                    "error": "",
                },
            )
            row["n"] += 1
            row["in_time"] += done <= end
            row["connection"] += failures
            row["reconnects"] += reconnects
            if status is None:
                row["unanswered"] += 1
                row["error"] = row["error"] or error
                continue
            row["ms"].append((done - sent) * 1000)
            if status != EXPECTED[kind]:
                if status >= 500:
                    row["5xx"] += 1
                else:
                    row["status"] += 1
                row["statuses"][status] = row["statuses"].get(status, 0) + 1

    def errors(self, kind=None):
        rows = [self.kinds[kind]] if kind else self.kinds.values()
        return sum(r["5xx"] + r["status"] + r["connection"] + r["unanswered"] for r in rows)

    def reconnects(self):
        return sum(r["reconnects"] for r in self.kinds.values())

    def rate(self, kind=None):
        rows = [self.kinds[kind]] if kind else self.kinds.values()
        return sum(r["in_time"] for r in rows) / self.wall if self.wall else 0.0

    def count(self, kind=None):
        rows = [self.kinds[kind]] if kind else self.kinds.values()
        return sum(r["n"] for r in rows)

    def table(self, mix):
        shares = mix_shares(mix)
        print(
            f"  {'kind':26} {'share':>5} {'requests':>8} {'req/s':>7} {'p50':>6} {'p95':>6} "
            f"{'p99':>6} {'max':>6}  errors (5xx/other status/connection/no answer)"
        )
        everything = []
        for kind in mix:
            row = self.kinds.get(kind)
            if row is None:
                continue
            everything += row["ms"]
            print(
                f"  {MIX[kind][1]:26} {shares[kind]:5.0%} {row['n']:8} {self.rate(kind):7.1f} "
                + latency_columns(row["ms"])
                + f"  {self.errors(kind)} ({row['5xx']}/{row['status']}/{row['connection']}/"
                f"{row['unanswered']})"
                + (f" statuses {row['statuses']}" if row["statuses"] else "")
                + (f" reconnects {row['reconnects']}" if row["reconnects"] else "")
                + (f" {row['error']}" if row["error"] else "")
            )
        if len(self.kinds) > 1:
            print(
                f"  {'all':26} {'':5} {self.count():8} {self.rate():7.1f} "
                + latency_columns(everything)
                + f"  {self.errors()}"
            )
        if self.reconnects():
            print(
                f"  reconnects: {self.reconnects()} (a keep-alive connection the server had "
                "closed; retried on a new one, not an error)"
            )

    def slowest(self, count=6):
        """The URLs with the highest median latency: (p50 ms, requests, url)."""
        rows = [(percentile(ms, 0.5), len(ms), url) for url, ms in self.by_url.items()]
        return sorted(rows, reverse=True)[:count]


def latency_columns(values):
    if not values:
        return f"{'-':>6} {'-':>6} {'-':>6} {'-':>6}"
    return " ".join(
        f"{v:6.0f}"
        for v in (
            percentile(values, 0.5),
            percentile(values, 0.95),
            percentile(values, 0.99),
            max(values),
        )
    )


# --- run -----------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60, help="the mixed phase")
    parser.add_argument(
        "--compare-seconds", type=float, default=15, help="each of the bare and public phases"
    )
    parser.add_argument("--warmup-seconds", type=float, default=5, help="untimed mixed warm-up")
    parser.add_argument("--clients", type=int, default=8, help="connections (closed loop)")
    parser.add_argument("--reports", type=int, default=5000, help="generated reports")
    parser.add_argument("--workers", type=int, default=2, help="WEB_WORKERS (gunicorn)")
    parser.add_argument("--threads", type=int, default=2, help="WEB_THREADS per worker")
    parser.add_argument("--task-workers", type=int, default=2, help="TASK_WORKERS")
    parser.add_argument(
        "--mailbox-every",
        type=int,
        default=5,
        help="every Nth report chooses a mailbox passphrase (0: none)",
    )
    parser.add_argument(
        "--own-server",
        action="store_true",
        help="start gunicorn and the task workers here even when scripts/serve exists",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="an EMPTY throwaway PostgreSQL database (default: $DATABASE_URL, else SQLite)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    began = time.perf_counter()
    directory = tempfile.mkdtemp(prefix="signaal-load-bench-")
    server = None
    ok = False
    try:
        env = build_env(directory, args.database_url)
        # Production's HTTPS settings, with the bench as the TLS-terminating proxy (scripts/serve).
        env.pop("SIGNAAL_HTTPS", None)
        env.update(SIGNAAL_BEHIND_PROXY="true", SIGNAAL_INDEX_KEY=secrets.token_urlsafe(32))
        connection = setup_django(env)
        print(f"engine: {engine_name(connection)}", flush=True)
        durations = setup(args, env, connection)
        print(
            "setup: "
            + ", ".join(f"{label} {seconds:.1f} s" for label, seconds in durations)
            + f" (total {time.perf_counter() - began:.0f} s)",
            flush=True,
        )
        targets = Targets()
        connection.close()
        server = Server(env, args, directory)
        server.start()
        print(f"server: {server.description}", flush=True)
        ok = run(args, server, targets, connection, began)
    finally:
        if server is not None:
            codes = server.stop()
            print(
                f"server stopped (exit codes {codes})"
                + (
                    f"; {server.left_behind} process group(s) still had processes after the "
                    "stop (killed)"
                    if server.left_behind
                    else ""
                )
            )
            if server.log_path.exists():
                # Before it is ready the server may log its own 503s of /health/ready/ (no task
                # worker heartbeat yet): shown, but only what comes after counts.
                text = server.log_path.read_bytes()
                before = log_problems(text[: server.ready_at].decode(errors="replace"))
                errors, tracebacks, first = log_problems(
                    text[server.ready_at :].decode(errors="replace")
                )
                print(
                    f"server log since ready: {errors} error lines, {tracebacks} tracebacks"
                    + (f"; the first: {first}" if first else "")
                    + (
                        f" (before ready: {before[0]} error lines, {before[1]} tracebacks; "
                        f"the first: {before[2][:160]})"
                        if before[0] or before[1]
                        else ""
                    )
                )
                if errors or tracebacks or server.left_behind:
                    ok = False
        print(f"total duration: {time.perf_counter() - began:.0f} s")
        if args.keep:
            print(f"kept: {directory} (server.log, the SQLite database if any)")
        else:
            shutil.rmtree(directory, ignore_errors=True)
    # A password in --database-url stays out of the output.
    shown = re.sub(r"(://[^:/@\s]+):[^@\s]+@", r"\1:***@", " ".join(sys.argv[1:]))
    print(f"command: {COMMAND} {shown}".strip())
    sys.exit(0 if ok else 1)


def run(args, server, targets, connection, began):
    from core.management.commands.load_demo_data import demo_backup_codes

    started = time.perf_counter()
    ready = server.wait_ready()
    waiting, failed_before, drained = drain(60)
    print(
        f"ready: {READY} answered 200 after {ready:.1f} s; task queue drained in {drained:.1f} s"
        + (f" ({waiting} still waiting)" if waiting else ""),
        flush=True,
    )
    print(
        f"bare view: GET {BARE} - the whole middleware stack, no database or template work",
        flush=True,
    )
    clients = [LoadClient(server.port) for _ in range(args.clients)]
    sessions = {}
    for email in (REPORTING_POINT, ANALYST):
        codes = demo_backup_codes(email)
        sessions[email] = [
            sign_in(server.port, email, code) for code in codes[: min(len(codes), args.clients)]
        ]
    for number, client in enumerate(clients):
        client.sessions = {email: s[number % len(s)] for email, s in sessions.items()}
        client.prepare()
    print(
        f"sessions: {len(sessions[REPORTING_POINT])} x reporting-point staff ({REPORTING_POINT}),"
        f" {len(sessions[ANALYST])} x analyst ({ANALYST}); signed in with password and demo "
        "backup code",
        flush=True,
    )

    # Preflight: every URL once, the answer as expected.
    preflight = clients[0]
    bad = []
    for kind, url in targets.all_gets():
        status = preflight.request(kind, url)
        if status != EXPECTED[kind]:
            bad.append(f"{kind} {url}: {status}")
    pool = SubmissionPool(args.mailbox_every)
    pool.fill(3)
    for _ in range(3):
        status = preflight.request("report", "POST /melden/", pool.take())
        if status != 302:
            bad.append(f"report: {status} {preflight.sample[:200]}")
    if bad:
        print("preflight failed:\n  " + "\n  ".join(bad[:20]))
        return False
    counts = {kind: len(dict.fromkeys(targets.urls(kind))) for kind in MIX if kind != "report"}
    print(
        "URLs: "
        + ", ".join(f"{kind} {n}" for kind, n in counts.items())
        + " (each answered as expected once before the load)",
        flush=True,
    )
    results = {}
    if args.warmup_seconds:
        records, start = run_phase(clients, targets, pool, args.warmup_seconds, MIX)
        results["warm-up"] = warm = Figures(records, start, args.warmup_seconds)
        print(
            f"warm-up: {warm.count()} requests in {warm.last:.1f} s (untimed), "
            f"{warm.errors()} errors",
            flush=True,
        )
        if warm.errors():
            warm.table(MIX)
    setup_seconds = time.perf_counter() - started

    from django.db import connection as db

    database_pid = postmaster_pid(db)
    db.close()
    phases = [
        ("bare", args.compare_seconds, {"bare": MIX["bare"]}),
        ("public", args.compare_seconds, {"public": MIX["public"]}),
        ("mixed", args.seconds, MIX),
    ]
    timed = 0.0
    for name, seconds, mix in phases:
        meter = CpuMeter(server.pids, database_pid, server=server.label, unit="request")
        boots = server.boots()
        meter.start()
        records, start = run_phase(clients, targets, pool, seconds, mix)
        boots = server.boots() - boots
        figures = Figures(records, start, seconds)
        timed += figures.last
        results[name] = figures
        print()
        print(
            f"phase {name}: {seconds:g} s, {args.clients} connections, closed loop - "
            f"{figures.count()} requests, the last answered after {figures.last:.1f} s; "
            f"{figures.rate():.1f}/s within the {seconds:g} s, "
            f"{figures.errors()} errors",
            flush=True,
        )
        figures.table(mix)
        print("  " + meter.report(figures.count()), flush=True)
        if boots:
            print(f"  gunicorn workers replaced during the phase: {boots} (max_requests or crash)")
        if name == "public":
            print(
                "  slowest public pages (p50 ms, requests): "
                + ", ".join(f"{url} {ms:.0f} ({n})" for ms, n, url in figures.slowest())
            )

    samples = {c.sample for c in clients if c.sample}
    for sample in list(samples)[:3]:
        print(f"unexpected answer: {sample[:300]!r}")

    # The reports: every 302 its own report.
    from reports.models import Report

    waiting, failed, drained = drain(60)
    counts = check_database(pool.made, after_pk=targets.last_report_pk)
    chain = counts["chain"]
    print()
    print(
        f"reports: {counts['accepted']} accepted (302) during the run, {counts['rows']} new in "
        f"the database, lost {counts['lost']}, 302 without its report {counts['missing']}, "
        f"naming another report {counts['wrong']}, named twice {counts['named_twice']}, "
        f"references twice {counts['references_twice']}; mailboxes {counts['mailboxes']} of "
        f"{counts['mailboxes_expected']}; audit chain "
        + ("intact" if chain.ok else f"BROKEN ({chain.problems[:3]})")
        + f" ({chain.checked} events); {Report.objects.count():,} reports in all"
    )
    print(
        f"task queue: drained in {drained:.1f} s after the load"
        + (f", {waiting} still waiting" if waiting else "")
        + f"; failed tasks: {failed - failed_before} during the run ({failed} in all)"
    )
    from django.db import connection as db

    db.close()

    bare, public, mixed = results["bare"], results["public"], results["mixed"]
    ratio = public.rate() / bare.rate() if bare.rate() else 0.0
    print()
    print(
        f"ratio public pages / bare view: {public.rate():.1f}/s / {bare.rate():.1f}/s = "
        f"{ratio:.2f} (target at least {MINIMUM_RATIO:.2f}; same server run, "
        f"{args.clients} connections, {args.compare_seconds:g} s each)"
    )
    print(
        f"mixed phase: {mixed.rate():.1f} requests/s, public pages {mixed.rate('public'):.1f}/s, "
        f"report submissions {mixed.rate('report') if 'report' in mixed.kinds else 0:.1f}/s"
    )
    print(
        f"durations: server start to ready {ready:.0f} s, sign-in/preflight/warm-up "
        f"{setup_seconds - ready:.0f} s, timed phases {timed:.0f} s, since the start "
        f"{time.perf_counter() - began:.0f} s"
    )
    failures = []
    errors = sum(figures.errors() for figures in results.values())
    if errors:
        failures.append(f"{errors} errors")
    failures += stored_wrong(counts)
    if failed - failed_before:
        failures.append(f"{failed - failed_before} failed tasks")
    if ratio < MINIMUM_RATIO:
        failures.append(f"public/bare {ratio:.2f} below {MINIMUM_RATIO:.2f}")
    verdict = "OK" if not failures else "NOT MET: " + "; ".join(failures)
    print(
        f"target (zero errors, zero lost reports, public pages >= {MINIMUM_RATIO:.0%} of the "
        f"bare view): {verdict} (the server log is checked below)"
    )
    return not failures


if __name__ == "__main__":
    main()
