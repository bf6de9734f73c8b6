r"""Benchmark: the reporting point's work lists and case screen, on SQLite or PostgreSQL.

The target: "With 100,000 generated reports: work lists and the triage screen p95 below 100 ms on
PostgreSQL and SQLite; the number of queries per page does not grow with the page size."

It sets up a fresh database - a SQLite file in a temporary SIGNAAL_VAR_DIR, or the PostgreSQL
database of --database-url, which must be an empty throwaway database (pg_virtualenv makes one;
the script refuses a database that already has tables) - runs the migrations in-process and
generates --reports reports directly with bulk_create (submit_report would take hours): five
years of created_at, municipalities weighted like big and small towns (some left empty), 90%
reports and 10% advice requests, statuses by age (old ones mostly closed), priority and deadline
(reports.workflow), ten staff members to assign to, primary forms including "" (Leeg), acute and
minor flags, the six report languages, the encrypted fields filled (a description of about 300
characters, addresses, companies, contact details, follow-up codes), unique references with the
reference counters bumped. Besides: match keys (addresses shared by 2-5 reports, companies, KvK
numbers) so that the case screen suggests linked reports, status changes for a fifth of the
reports, persons, notes, messages (some unread), attachment records, referrals to partners and
links. No audit events for the generated rows; the views write theirs while being measured. Two
extra cases: one with 1 person, note, message, attachment, referral, link and status change, one
with 20 of each whose address is shared with 40 other reports and its company with 20.
On PostgreSQL the tables get a VACUUM ANALYZE after the load, as autovacuum would do; SQLite gets
no ANALYZE (Signaal does not run one).

Then it signs in a reporting-point staff member (membership reporting_point_staff of a
reporting_point organisation, a confirmed TOTP device, a session verified through two-factor as
conftest.py's `login` does) and times full requests with the in-process Django test client (no
network, no WSGI server; the test client keeps the database connection open between requests):
middleware, view, queries, template rendering, the session save and the audit events. Each
scenario gets 5 warm-up requests and then --requests timed ones (fewer when a scenario takes
longer than --max-seconds); the queries and the time spent in SQL are counted on every request,
and the CPU time of this process is measured beside the wall clock (the machine may be shared:
the load average is printed). The work lists of the issue are (a)-(g), the triage screen (h) and
(i); (j)-(m) are the other quick link, searches and filters of the same page. Finally it counts
the queries of the work list at 10 and 50 per page (reports.case_views.PAGE_SIZE patched
in-process) and of the triage screen with 1 and with 20 persons, notes, messages, attachments,
referrals and links, with django.test.utils.CaptureQueriesContext.

It exits non-zero when a p95 is at or over --target-ms, or when a query count grows with the page
size or the size of the case. Generating 100,000 reports takes 1-2.5 minutes on two cores (the
encryption in bulk_create is two thirds of it); a whole run about 5 minutes per engine.

    .venv/bin/python bench/case_bench.py                       # SQLite, 100,000 reports
    .venv/bin/python bench/case_bench.py --reports 5000 --requests 20   # a quick run
    pg_virtualenv sh -c '.venv/bin/python bench/case_bench.py \
        --database-url postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE'  # PostgreSQL
    .venv/bin/python bench/case_bench.py --explain             # plus the plans of slow queries
"""

import argparse
import os
import random
import re
import secrets
import shutil
import statistics
import sys
import tempfile
import time
import uuid
import warnings
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMMAND = ".venv/bin/python bench/case_bench.py"
SEED = 20260101
WARM_UP = 5
BATCH = 5000
STAFF = 10
YEARS = 5
# Variables of the caller's environment that would change what is measured, or which database.
CLEARED = [
    "DATABASE_URL",
    "SQLITE_PATH",
    "DEBUG",
    "SIGNAAL_DEMO",
    "SIGNAAL_PRIVATE_DIR",
    "MEDIA_ROOT",
    "EMAIL_HOST",
    "EMAIL_FILE_PATH",
    "SIGNAAL_INDEX_KEY",
    "SIGNAAL_HTTPS",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "TASKS_BACKEND",
    "SESSION_IDLE_MINUTES",
]

# --- what is reported ----------------------------------------------------------------------------

OPENINGS = [
    "Op de {street} {number} wonen {count} arbeiders in een garage zonder ramen.",
    "In de loods aan de {street} {number} slapen 's nachts {count} mensen op matrassen.",
    "Bij de nagelstudio aan de {street} werken {count} meisjes die geen Nederlands spreken.",
    "Elke ochtend om vijf uur haalt een busje {count} mannen op bij {street} {number}.",
    "De kassen achter de {street} {number}: {count} werknemers, zeven dagen per week.",
    "Boven het restaurant aan de {street} wonen {count} koks, de ramen zijn afgeplakt.",
    "Mijn buurmeisje van {count} jaar gaat elke avond mee met oudere jongens in een auto.",
    "Op het distributiecentrum aan de {street} krijgen {count} uitzendkrachten geen loonstrook.",
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
    "Ze hebben geen eigen telefoon en mogen niet alleen naar de supermarkt.",
]


def _words(text):
    return text.split()


STREETS = _words(
    """
Kanaalweg Vleutenseweg Amsterdamsestraatweg Lageweide Europalaan Biltstraat Oudegracht Croeselaan
Marnixlaan Vlampijpstraat Kerkstraat Dorpsstraat Stationsweg Molenweg Schoolstraat Industrieweg
Havenstraat Nieuwstraat Julianalaan Beatrixstraat Wilhelminastraat Parallelweg Veilingweg
Tuinbouwweg Zuidsingel Noordsingel Westdijk Oostdijk Polderweg Kassenweg
""",
)
PLACES = ["achter de supermarkt", "in de kelder", "de loods", "het bedrijfspand", "", "", ""]
COMPANY_KINDS = _words(
    "Uitzendbureau Bouwbedrijf Kwekerij Nagelstudio Schoonmaakbedrijf Restaurant Transport "
    "Massagesalon Distributie Vleesverwerking"
)
COMPANY_NAMES = _words(
    "Kanaal Polder Zuid Noord Delta Horizon Groen Sterk Oranje Kowalski Popescu Ivanov Snel Flex "
    "Prima Euro Holland Midden"
)
COMPANY_FORMS = ["B.V.", "B.V.", "", "V.O.F.", "Holding B.V.", "Sp. z o.o."]
FIRST_NAMES = _words("Anna Maria Piotr Andrei Ivan Olena Mohamed Jan Pieter Fatima Elena Dmytro")
LAST_NAMES = ["Kowalczyk", "Jansen", "de Vries", "Popescu", "Ivanova", "Bakker", "Nowak"]
LAST_NAMES += ["Horvat", "el Amrani", "Petrov", "van den Berg", "Dimitrova"]
NATIONALITIES = ["Pools", "Roemeens", "Bulgaars", "Oekraïens", "Nederlands", "Nigeriaans", ""]
LANGUAGES = [("nl", 80), ("en", 8), ("pl", 5), ("ro", 3), ("bg", 2), ("uk", 2)]
FORM_WEIGHTS = {
    "labour": 34,
    "sexual": 30,
    "criminal": 15,
    "other": 9,
    "smuggling": 4,
    "forced_marriage": 3,
    "organ_removal": 1,
    "surrogacy": 1,
    "illegal_adoption": 1,
}
# Status by age of the report: old reports are mostly closed.
STATUS_BY_AGE = [
    (14, {"new": 35, "triage": 35, "handling": 15, "referred": 5, "closed": 10}),
    (90, {"new": 5, "triage": 15, "handling": 30, "referred": 20, "closed": 28, "reopened": 2}),
    (
        10**6,
        {"new": 0.5, "triage": 1.5, "handling": 4, "referred": 4, "closed": 89, "reopened": 1},
    ),
]
PARTNERS = [
    ("Politie Midden-Nederland", "police", "referred_police"),
    ("Nederlandse Arbeidsinspectie", "labour_inspectorate", "referred_labour"),
    ("Zorgcoördinatie Mensenhandel Utrecht", "care", "referred_care"),
    ("RIEC Midden-Nederland", "riec", "referred_police"),
    ("Koninklijke Marechaussee", "kmar", "referred_police"),
    ("CoMensha", "comensha", "referred_care"),
]


def weighted(rng, table):
    keys = list(table)
    return rng.choices(keys, weights=[table[k] for k in keys])[0]


def description(rng, street, number):
    count = rng.randint(2, 30)
    text = rng.choice(OPENINGS).format(street=street or "Kerkstraat", number=number, count=count)
    details = rng.sample(DETAILS, rng.randint(2, 5))
    while details and len(text) < 300:
        text += " " + details.pop()
    return text


def postcode(rng):
    letters = rng.choice("ABCDEFGHJKLMNPRSTVWXZ") + rng.choice("ABEGHJKLMNPRST")
    return f"{rng.randint(1011, 9999)}{letters}"


def person_name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def phone(rng):
    return f"06-{rng.randint(10000000, 99999999)}"


# --- setting up ----------------------------------------------------------------------------------


def setup_django(directory, database_url):
    from cryptography.fernet import Fernet

    for name in CLEARED:
        os.environ.pop(name, None)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SIGNAAL_ENV="development",
        SECRET_KEY=secrets.token_urlsafe(50),
        SIGNAAL_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        SIGNAAL_VAR_DIR=str(directory),
        ALLOWED_HOSTS="localhost",
    )
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    import django

    # WhiteNoise warns about the missing collectstatic directory; the bench serves no files.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    tables = connection.introspection.table_names()
    if tables:
        sys.exit(
            f"the database already has {len(tables)} tables: give an empty throwaway database "
            "(for example one made by pg_virtualenv)"
        )
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - started:.1f} s", flush=True)
    return connection


def engine_name(connection):
    if connection.vendor == "sqlite":
        return f"SQLite {connection.Database.sqlite_version}"
    version = connection.pg_version
    return f"PostgreSQL {version // 10000}.{version % 100}"


class People:
    """The reporting point, its staff, the partners, and the signed-in staff member."""

    def __init__(self):
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from accounts.models import Membership, Organisation, OrganisationKind, Role, User
        from reports.models import LegalBasis

        self.point = Organisation.objects.create(
            name="Veilig Thuis Regio Utrecht", kind=OrganisationKind.REPORTING_POINT
        )
        self.staff = []
        for number in range(1, STAFF + 1):
            # No password (an unusable one): Argon2 would only cost time here.
            user = User.objects.create_user(
                f"medewerker{number}@meldpunt.example", full_name=f"Medewerker {number:02d}"
            )
            Membership.objects.create(
                user=user, organisation=self.point, role=Role.REPORTING_POINT_STAFF
            )
            self.staff.append(user)
        self.me = self.staff[0]
        self.device = TOTPDevice.objects.create(user=self.me, name="bench", confirmed=True)
        self.partners = {
            outcome: Organisation.objects.create(name=name, kind=kind)
            for name, kind, outcome in PARTNERS
        }
        self.partner_list = list(self.partners.values())
        self.bases = list(LegalBasis.objects.all())


# --- generating ----------------------------------------------------------------------------------


class Generator:
    def __init__(self, count, people, rng):
        from django.utils import timezone

        from indicators.models import Indicator, PremisesType, Sector
        from regions.models import Municipality
        from reports.actions.intake import _current_catalogue

        self.count = count
        self.people = people
        self.rng = rng
        self.now = timezone.now()
        municipalities = list(Municipality.objects.filter(ended_on__isnull=True).order_by("code"))
        rng.shuffle(municipalities)
        # Big and small towns: Zipf-like weights over a shuffled list.
        self.municipalities = municipalities
        self.municipality_weights = [1 / (rank + 3) for rank in range(len(municipalities))]
        self.indicators = list(Indicator.objects.filter(active=True).values_list("code", flat=True))
        self.premises = list(PremisesType.objects.values_list("code", flat=True))
        self.sectors = list(Sector.objects.values_list("code", flat=True))
        self.catalogue = _current_catalogue()
        self.counters = {}
        self.deadlines = {}
        self.kvk_numbers = set()
        self.company_names = []
        self.totals = {}

    # the plan: who shares an address or a company

    def plan(self):
        rng, n = self.rng, self.count
        span = YEARS * 365 * 86400
        seconds = sorted(rng.random() * span for _ in range(n))
        # Oldest first, so that ids follow the time of arrival.
        self.created = [self.now - timedelta(seconds=span - s) for s in seconds]
        self.kinds = ["advice" if rng.random() < 0.10 else "report" for _ in range(n)]
        addressed = [i for i in range(n) if rng.random() < 0.6]
        self.addresses = {}
        rng.shuffle(addressed)
        shared, unique = addressed[: len(addressed) // 4], addressed[len(addressed) // 4 :]
        position = 0
        while position < len(shared):
            size = rng.randint(2, 5)
            address = (rng.choice(STREETS), str(rng.randint(1, 250)), postcode(rng))
            for i in shared[position : position + size]:
                self.addresses[i] = address
            position += size
        for i in unique:
            self.addresses[i] = (rng.choice(STREETS), str(rng.randint(1, 250)), postcode(rng))
        companies = []
        for number in range(max(1, n * 27 // 200)):
            name = " ".join(
                part
                for part in (
                    rng.choice(COMPANY_KINDS),
                    rng.choice(COMPANY_NAMES),
                    str(number),
                    rng.choice(COMPANY_FORMS),
                )
                if part
            )
            kvk = f"{rng.randint(10000000, 99999999)}" if rng.random() < 0.6 else ""
            companies.append((name, kvk))
        self.companies = {
            i: rng.choice(companies)
            for i in range(n)
            if self.kinds[i] == "report" and rng.random() < 0.3
        }

    # one report

    def reference(self, kind, created):
        from django.utils import timezone

        prefix = "MH" if kind == "report" else "AV"
        key = (prefix, timezone.localtime(created).year)
        self.counters[key] = self.counters.get(key, 0) + 1
        return f"{key[0]}-{key[1]}-{self.counters[key]:06d}"

    def deadline(self, created, priority):
        from django.utils import timezone

        from reports import workflow

        key = (timezone.localtime(created).date(), priority)
        if key not in self.deadlines:
            stand_in = type("R", (), {"created_at": created, "priority": priority})()
            self.deadlines[key] = workflow.deadline_for(stand_in)
        return self.deadlines[key]

    def report(self, i, created=None, status=None):
        from core import crypto
        from indicators.exploitation import join_codes
        from reports.matching import normalise_code
        from reports.models import Report

        rng = self.rng
        created = created or self.created[i]
        kind = self.kinds[i] if i is not None else "report"
        age = (self.now - created).days
        if status is None:
            status = weighted(rng, next(t for limit, t in STATUS_BY_AGE if age < limit))
        channel = "professional" if rng.random() < 0.3 else "public"
        reporter_type = (
            "professional"
            if channel == "professional"
            else ("anonymous" if rng.random() < 0.6 else "citizen")
        )
        street, number, code = self.addresses.get(i, ("", "", ""))
        company, kvk = self.companies.get(i, ("", ""))
        if kvk and rng.random() < 0.3:
            kvk = ""  # the reporter did not know it
        if kvk:
            self.kvk_numbers.add(kvk)
        if company and len(self.company_names) < 1000:
            self.company_names.append(company)
        acute = weighted(rng, {"yes": 5, "no": 40, "unknown": 55})
        minor = rng.random() < 0.08
        priority = "high" if (minor or acute == "yes" or rng.random() < 0.03) else "normal"
        triaged = status not in ("new", "triage") or rng.random() < 0.5 and status == "triage"
        if triaged:
            primary = weighted(rng, FORM_WEIGHTS) if rng.random() < 0.85 else ""
        else:
            primary = weighted(rng, FORM_WEIGHTS) if rng.random() < 0.1 else ""
        if status == "new":
            assigned = rng.choice(self.people.staff) if rng.random() < 0.3 else None
        else:
            assigned = rng.choice(self.people.staff) if rng.random() < 0.9 else None
        outcome, closed_at = "", None
        if status == "closed":
            outcome = (
                "advice_given"
                if kind == "advice"
                else weighted(
                    rng,
                    {
                        "referred_police": 25,
                        "referred_labour": 20,
                        "referred_care": 15,
                        "no_indication": 25,
                        "insufficient": 15,
                    },
                )
            )
            closed_at = min(self.now, created + timedelta(days=rng.randint(1, 60)))
        mailbox = rng.random() < 0.2
        code_text = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(12))
        codes = rng.sample(self.indicators, rng.randint(0, min(6, len(self.indicators))))
        confirmed = rng.sample(codes, max(0, len(codes) - 1)) if triaged else []
        is_professional = reporter_type == "professional"
        report = Report(
            reference=self.reference(kind, created),
            kind=kind,
            channel=channel,
            status=status,
            language=rng.choices([c for c, _ in LANGUAGES], [w for _, w in LANGUAGES])[0],
            created_at=created,
            idempotency_key=uuid.uuid4(),
            catalogue_version=self.catalogue,
            description=description(rng, street, number),
            acute_danger=acute,
            indicator_codes=join_codes(codes),
            suspected_form=weighted(rng, FORM_WEIGHTS) if rng.random() < 0.4 else "",
            municipality=(
                None
                if rng.random() < 0.08
                else rng.choices(self.municipalities, self.municipality_weights)[0]
            ),
            street=street,
            house_number=number,
            postcode=code,
            place=rng.choice(PLACES),
            premises_type=rng.choice(self.premises) if self.premises and rng.random() < 0.5 else "",
            sector=rng.choice(self.sectors) if self.sectors and rng.random() < 0.4 else "",
            occurred_on=(created - timedelta(days=rng.randint(0, 30))).date()
            if rng.random() < 0.4
            else None,
            occurred_period="al maanden, vooral 's nachts" if rng.random() < 0.2 else "",
            victim_count=rng.randint(1, 30) if rng.random() < 0.6 else None,
            age_group="minor" if minor else weighted(rng, {"adult": 60, "unknown": 30, "mixed": 5}),
            minor_involved=minor,
            gender=weighted(rng, {"female": 30, "male": 35, "mixed": 10, "unknown": 25}),
            nationality=rng.choice(NATIONALITIES),
            exploiters=f"Een man die zich {rng.choice(FIRST_NAMES)} noemt, {phone(rng)}"
            if rng.random() < 0.15
            else "",
            company_name=company,
            kvk_number=kvk,
            reporter_type=reporter_type,
            reporter_name=person_name(rng) if reporter_type != "anonymous" else "",
            reporter_phone=phone(rng)
            if reporter_type != "anonymous" and rng.random() < 0.7
            else "",
            reporter_email=f"melder{i}@example.org" if is_professional else "",
            reporter_function="wijkagent" if is_professional else "",
            may_contact=reporter_type != "anonymous" and rng.random() < 0.7,
            reporter_organisation_text="Gemeente" if is_professional else "",
            mailbox_code=f"{code_text[:4]}-{code_text[4:8]}-{code_text[8:]}" if mailbox else "",
            mailbox_index=crypto.blind_index(normalise_code(code_text), "mailbox")
            if mailbox
            else "",
            # Not a real hash: hashing 20,000 passphrases with Argon2 would take minutes.
            mailbox_passphrase="argon2$bench$not-a-hash" if mailbox else "",
            primary_form=primary,
            secondary_forms=join_codes(
                rng.sample(list(FORM_WEIGHTS), rng.randint(0, 2)) if primary else []
            ),
            triage_indicator_codes=join_codes(confirmed),
            triaged=triaged,
            priority=priority,
            assigned_to=assigned,
            outcome=outcome,
            closed_at=closed_at,
        )
        report.deadline = self.deadline(created, priority)
        return report

    # rows around a report

    def related(
        self,
        report,
        rows,
        *,
        persons=None,
        notes=None,
        messages=None,
        attachments=None,
        referrals=None,
        changes=None,
    ):
        """Persons, notes, messages, attachments, referrals, status changes and match keys of one
        stored report, appended to `rows` ({model name: [instances]})."""
        from core import crypto
        from reports import workflow
        from reports.matching import normalise_house_number, normalise_postcode
        from reports.models import (
            Attachment,
            MatchKey,
            Message,
            Note,
            Person,
            Referral,
            StatusChange,
        )

        rng, staff, now = self.rng, self.people.staff, self.now

        def after(days=30):
            return min(now, report.created_at + timedelta(seconds=rng.random() * days * 86400))

        keys = set()
        pc, hn = normalise_postcode(report.postcode), normalise_house_number(report.house_number)
        if pc and hn:
            keys.add(("address", crypto.blind_index(f"{pc}|{hn}", "address")))
        company = workflow.company_key(report.company_name)
        if company:
            keys.add(("company", crypto.blind_index(company, "company")))
        if report.kvk_number:
            keys.add(("kvk", crypto.blind_index(report.kvk_number, "kvk")))
        for phone_number in workflow.phones_in(report.exploiters):
            keys.add(("phone", crypto.blind_index(phone_number, "phone")))
        rows["MatchKey"] += [MatchKey(report=report, kind=k, digest=d) for k, d in keys]

        if changes is None:
            changes = 1 if rng.random() < 0.2 else 0
        for _ in range(changes):
            rows["StatusChange"].append(
                StatusChange(
                    report=report,
                    at=after(),
                    actor=rng.choice(staff),
                    from_status="new" if report.status != "new" else "",
                    to_status=report.status,
                    reason="Na triage" if rng.random() < 0.5 else "",
                )
            )
        if persons is None:
            persons = rng.randint(1, 3) if rng.random() < 0.05 else 0
        for _ in range(persons):
            rows["Person"].append(
                Person(
                    report=report,
                    role=weighted(rng, {"victim": 50, "suspect": 30, "witness": 10, "other": 10}),
                    name=person_name(rng),
                    birth_date=f"19{rng.randint(60, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
                    if rng.random() < 0.5
                    else "",
                    phone=phone(rng) if rng.random() < 0.4 else "",
                    email="",
                    description="Werkt in de kas, spreekt alleen Pools"
                    if rng.random() < 0.5
                    else "",
                    created_at=after(),
                    created_by=rng.choice(staff),
                )
            )
        if notes is None:
            notes = rng.randint(1, 2) if rng.random() < 0.1 else 0
        for _ in range(notes):
            rows["Note"].append(
                Note(
                    report=report,
                    at=after(),
                    author=rng.choice(staff),
                    body="Gebeld met de wijkagent: bekend adres, eerder controle geweest. "
                    "Volgende week samen langs.",
                )
            )
        if messages is None:
            messages = rng.randint(1, 4) if report.mailbox_index and rng.random() < 0.4 else 0
        for number in range(messages):
            from_reporter = number % 2 == 1 or messages == 1
            at = after(60)
            unread = from_reporter and (now - at).days < 30 and rng.random() < 0.5
            rows["Message"].append(
                Message(
                    report=report,
                    at=at,
                    author="reporter" if from_reporter else "staff",
                    staff_member=None if from_reporter else rng.choice(staff),
                    body="Kunt u zeggen op welke dagen het busje komt?"
                    if not from_reporter
                    else "Meestal op maandag en donderdag, rond vijf uur 's ochtends.",
                    read_at=None if unread else at + timedelta(hours=rng.randint(1, 48)),
                )
            )
        if attachments is None:
            attachments = rng.randint(1, 2) if rng.random() < 0.08 else 0
        for _ in range(attachments):
            stored = rng.random() < 0.97
            rows["Attachment"].append(
                Attachment(
                    report=report,
                    at=report.created_at,
                    original_name=rng.choice(["foto.jpg", "IMG_2041.jpg", "loonstrook.pdf"]),
                    content_type=rng.choice(["image/jpeg", "application/pdf"]) if stored else "",
                    size=rng.randint(20_000, 3_000_000) if stored else 0,
                    storage_name=uuid.uuid4().hex if stored else "",
                    state="stored" if stored else "failed",
                )
            )
        if referrals is None:
            referrals = (
                1
                if report.status == "referred"
                or (report.status == "closed" and report.outcome.startswith("referred"))
                else 0
            )
        for _ in range(referrals):
            sent = after(20)
            if report.status == "closed":
                state = "completed" if rng.random() < 0.85 else "declined"
            else:
                state = rng.choice(["sent", "accepted"])
            answered = sent + timedelta(days=rng.randint(1, 5)) if state != "sent" else None
            rows["Referral"].append(
                Referral(
                    report=report,
                    organisation=self.people.partners.get(
                        report.outcome, rng.choice(self.people.partner_list)
                    ),
                    legal_basis=rng.choice(self.people.bases),
                    summary="Vermoeden van arbeidsuitbuiting op het genoemde adres; "
                    "zie de beschrijving en de personen.",
                    state=state,
                    sent_at=sent,
                    sent_by=rng.choice(staff),
                    answered_at=answered,
                    answered_by=None,
                    decline_reason="Geen capaciteit" if state == "declined" else "",
                    completed_at=answered + timedelta(days=20) if state == "completed" else None,
                    outcome="Controle uitgevoerd, proces-verbaal opgemaakt"
                    if state == "completed"
                    else "",
                )
            )

    def generate(self):
        """Reports in batches, then the rows around them; returns seconds spent."""
        from reports.models import (
            Attachment,
            MatchKey,
            Message,
            Note,
            Person,
            Referral,
            Report,
            ReportLink,
            StatusChange,
        )

        models = [MatchKey, StatusChange, Person, Note, Message, Attachment, Referral]
        started = time.perf_counter()
        self.plan()
        by_address = {}
        building = storing = 0.0
        for start in range(0, self.count, BATCH):
            t0 = time.perf_counter()
            batch = [self.report(i) for i in range(start, min(self.count, start + BATCH))]
            t1 = time.perf_counter()
            # get_prep_value encrypts here: that is most of the time of the insert.
            Report.objects.bulk_create(batch, batch_size=BATCH)
            t2 = time.perf_counter()
            rows = {model.__name__: [] for model in models}
            for offset, report in enumerate(batch):
                self.related(report, rows)
                address = self.addresses.get(start + offset)
                if address:
                    by_address.setdefault(address, []).append(report.pk)
            t3 = time.perf_counter()
            for model in models:
                model.objects.bulk_create(rows[model.__name__], batch_size=BATCH)
                self.totals[model.__name__] = self.totals.get(model.__name__, 0) + len(
                    rows[model.__name__]
                )
            t4 = time.perf_counter()
            building += (t1 - t0) + (t3 - t2)
            storing += (t2 - t1) + (t4 - t3)
            done = min(self.count, start + BATCH)
            if done % (BATCH * 4) == 0 or done == self.count:
                print(
                    f"  {done:,} reports, {time.perf_counter() - started:.0f} s",
                    flush=True,
                )
        # Some reports about the same address were linked by the reporting point.
        links = []
        for ids in by_address.values():
            if len(ids) > 1 and self.rng.random() < 0.3:
                links.append(
                    ReportLink(
                        first_id=ids[0],
                        second_id=ids[1],
                        created_at=self.now,
                        created_by=self.rng.choice(self.people.staff),
                        reason="Zelfde adres",
                    )
                )
        ReportLink.objects.bulk_create(links, batch_size=BATCH)
        self.totals["ReportLink"] = len(links)
        self.save_counters()
        self.building, self.storing = building, storing
        return time.perf_counter() - started

    def save_counters(self):
        from reports.models import ReferenceCounter

        ReferenceCounter.objects.all().delete()
        ReferenceCounter.objects.bulk_create(
            [
                ReferenceCounter(prefix=prefix, year=year, last=last)
                for (prefix, year), last in self.counters.items()
            ]
        )

    def case(self, size, *, shared_address=0, shared_company=0):
        """A recent report with `size` persons, notes, messages, attachments, referrals, links and
        status changes; its address shared with `shared_address` other reports and its company
        with `shared_company`."""
        from core import crypto
        from reports import workflow
        from reports.matching import normalise_house_number, normalise_postcode
        from reports.models import MatchKey, Report, ReportLink

        rng = self.rng
        address = (rng.choice(STREETS), str(rng.randint(1, 250)), postcode(rng))
        company = (f"Uitzendbureau Bench {size} B.V.", f"{rng.randint(10000000, 99999999)}")
        report = self.report(None, created=self.now - timedelta(days=2), status="triage")
        report.street, report.house_number, report.postcode = address
        report.company_name, report.kvk_number = company
        report.mailbox_index = report.mailbox_index or crypto.blind_index("BENCH", "mailbox")
        report.save()
        rows = {
            name: []
            for name in (
                "MatchKey",
                "StatusChange",
                "Person",
                "Note",
                "Message",
                "Attachment",
                "Referral",
            )
        }
        self.related(
            report,
            rows,
            persons=size,
            notes=size,
            messages=size,
            attachments=size,
            referrals=size,
            changes=size,
        )
        from reports import models

        for name, instances in rows.items():
            getattr(models, name).objects.bulk_create(instances)
        ids = list(Report.objects.exclude(pk=report.pk).values_list("pk", flat=True)[:20_000])
        others = rng.sample(ids, min(len(ids), size + shared_address + shared_company))
        ReportLink.objects.bulk_create(
            [
                ReportLink(
                    first_id=min(report.pk, other),
                    second_id=max(report.pk, other),
                    created_at=self.now,
                    created_by=rng.choice(self.people.staff),
                    reason="Zelfde netwerk",
                )
                for other in others[:size]
            ]
        )
        pc, hn = normalise_postcode(address[2]), normalise_house_number(address[1])
        digest = crypto.blind_index(f"{pc}|{hn}", "address")
        company_digest = crypto.blind_index(workflow.company_key(company[0]), "company")
        rest = others[size:]
        MatchKey.objects.bulk_create(
            [MatchKey(report_id=o, kind="address", digest=digest) for o in rest[:shared_address]]
            + [
                MatchKey(report_id=o, kind="company", digest=company_digest)
                for o in rest[shared_address:]
            ],
            ignore_conflicts=True,
        )
        self.save_counters()
        return report


def vacuum(connection):
    """What autovacuum does after a bulk load: statistics and the visibility map."""
    from django.apps import apps

    started = time.perf_counter()
    with connection.cursor() as cursor:
        for model in apps.get_app_config("reports").get_models():
            cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        for table in ("accounts_user", "regions_municipality", "audit_auditevent"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    return time.perf_counter() - started


def database_size(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
        else:
            cursor.execute(
                "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"
            )
        return cursor.fetchone()[0]


# --- measuring -----------------------------------------------------------------------------------


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def loadavg():
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def signed_in_client(people):
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    client = Client(SERVER_NAME="localhost")
    client.force_login(people.me)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = people.device.persistent_id
    session.save()
    return client


RESULT_COUNT = re.compile(r'class="result-count" role="status">\s*([\d.,]+)')


class Scenario:
    def __init__(self, key, label, urls):
        self.key, self.label = key, label
        self.urls = urls if callable(urls) else (lambda number, url=urls: url)
        self.timings, self.cpu, self.sql, self.queries = [], [], [], []
        self.items = ""
        self.slowest = []  # (ms, sql, params) of one more request

    def example(self):
        url = self.urls(0)
        return url if len(url) <= 48 else url[:45] + "..."


def get(client, url):
    response = client.get(url)
    if response.status_code != 200:
        sys.exit(f"GET {url}: {response.status_code} {response.content[:300]!r}")
    return response


def measure(client, scenario, requests, connection, max_seconds):
    """Warm up, then time `requests` requests: wall time, CPU time of this process (on SQLite
    that includes the database's work, on PostgreSQL not), time spent in SQL, and the queries,
    counted by an execute wrapper (it costs next to nothing). One more request, not timed, keeps
    its queries with their times for the list of slowest queries."""
    stats = {"queries": 0, "sql": 0.0}
    kept = []
    keep = [False]

    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            stats["queries"] += 1
            stats["sql"] += elapsed
            if keep[0]:
                kept.append((elapsed * 1000, sql, params))

    for number in range(WARM_UP):
        get(client, scenario.urls(-1 - number))
    deadline = time.perf_counter() + max_seconds
    with connection.execute_wrapper(wrapper):
        for number in range(requests):
            if time.perf_counter() > deadline:
                break  # a very slow scenario: what we have says enough
            url = scenario.urls(number)
            stats.update(queries=0, sql=0.0)
            cpu = time.process_time()
            started = time.perf_counter()
            response = get(client, url)
            scenario.timings.append((time.perf_counter() - started) * 1000)
            scenario.cpu.append((time.process_time() - cpu) * 1000)
            scenario.sql.append(stats["sql"] * 1000)
            scenario.queries.append(stats["queries"])
        keep[0] = True
        get(client, scenario.urls(number + 1))
    match = RESULT_COUNT.search(response.content.decode())
    scenario.items = match.group(1) if match else ""
    scenario.slowest = sorted(kept, key=lambda row: row[0], reverse=True)


def count_queries(client, url, connection):
    from django.test.utils import CaptureQueriesContext

    get(client, url)  # warm
    with CaptureQueriesContext(connection) as captured:
        get(client, url)
    return QueryList(query["sql"] for query in captured.captured_queries)


class QueryList(list):
    """The statements of one request; compared by their number."""

    def __eq__(self, other):
        return len(self) == len(other)

    def __ne__(self, other):
        return len(self) != len(other)

    def __str__(self):
        return str(len(self))

    def shapes(self):
        """The statements without their values, to show what one request did that another did
        not (savepoint names, times and ids differ from request to request)."""
        return [re.sub(r"'[^']*'|\b\d+\b|\"s\d+_x\d+\"", "?", sql)[:160] for sql in self]


def explain(connection, sql, params):
    prefix = (
        "EXPLAIN (ANALYZE, BUFFERS) "
        if connection.vendor == "postgresql"
        else "EXPLAIN QUERY PLAN "
    )
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        rows = cursor.fetchall()
    if connection.vendor == "postgresql":
        return [row[0] for row in rows]
    return [" " * 2 * row[1] + row[-1] for row in rows] if rows else []


# --- run -----------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per scenario")
    parser.add_argument("--target-ms", type=float, default=100, help="p95 target per scenario")
    parser.add_argument(
        "--max-seconds",
        type=float,
        default=60,
        help="stop timing a scenario after this long (fewer requests)",
    )
    parser.add_argument(
        "--database-url", default="", help="an empty throwaway PostgreSQL database (else SQLite)"
    )
    parser.add_argument(
        "--explain", action="store_true", help="print the plans of the slowest queries"
    )
    parser.add_argument("--profile", action="store_true", help="profile the requests (cProfile)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument(
        "--only", default="", help="time only these scenarios, by letter (for example: g,i)"
    )
    args = parser.parse_args()

    directory = tempfile.mkdtemp(prefix="signaal-case-bench-")
    try:
        connection = setup_django(directory, args.database_url)
        ok = run(connection, args)
    finally:
        if args.keep:
            print(f"kept: {directory}")
        else:
            shutil.rmtree(directory, ignore_errors=True)
    sys.exit(0 if ok else 1)


def run(connection, args):
    from reports import case_views
    from reports.models import Report

    print(f"engine: {engine_name(connection)}", flush=True)
    rng = random.Random(SEED)
    people = People()
    generator = Generator(args.reports, people, rng)
    print(f"generating {args.reports:,} reports in batches of {BATCH:,} ...", flush=True)
    seconds = generator.generate()
    light = generator.case(1, shared_address=1)
    heavy = generator.case(20, shared_address=40, shared_company=20)
    reports = Report.objects.count()
    print(
        f"generated: {reports:,} reports in {seconds:.1f} s ({reports / seconds:,.0f} per s; "
        f"building the rows in Python {generator.building:.1f} s, bulk_create with encryption "
        f"{generator.storing:.1f} s)"
    )
    print(
        "  with "
        + ", ".join(f"{count:,} {name}" for name, count in generator.totals.items())
        + f"; two extra cases {light.reference} (1 of each) and {heavy.reference} (20 of each)"
    )
    if connection.vendor == "postgresql":
        print(f"VACUUM ANALYZE: {vacuum(connection):.1f} s")
    print(f"database: {database_size(connection) / 1e6:,.0f} MB", flush=True)

    # What the scenarios ask for.
    from django.db.models import Count

    biggest = (
        Report.objects.exclude(municipality=None)
        .values("municipality__code", "municipality__name")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    kvk_numbers = sorted(generator.kvk_numbers)
    companies = generator.company_names
    top = Report.objects.order_by("-pk").values_list("pk", flat=True).first()
    picks = rng.sample(range(1, top + 1), min(top, args.requests + WARM_UP + 1))
    references = list(Report.objects.filter(pk__in=picks).values_list("reference", flat=True))
    rng.shuffle(references)
    n_refs = len(references)

    def pick(values, salt=0):
        return lambda number: values[(number + salt) % len(values)]

    from urllib.parse import quote

    scenarios = [
        Scenario("a", "work list (default)", "/meldpunt/"),
        Scenario("b", "my tasks", "/meldpunt/?assigned=me&open=on&sort=deadline"),
        Scenario("c", "past the deadline", "/meldpunt/?overdue=on&sort=deadline"),
        Scenario("d", "in triage, form Leeg", "/meldpunt/?status=triage&primary_form=none"),
        Scenario(
            "e",
            f"municipality {biggest['municipality__name']}",
            f"/meldpunt/?municipality={biggest['municipality__code']}",
        ),
        Scenario(
            "f",
            "search a KvK number",
            lambda number: f"/meldpunt/?q={kvk_numbers[(number * 7919) % len(kvk_numbers)]}",
        ),
        Scenario("g", "deep page (page 500)", "/meldpunt/?page=500"),
        Scenario(
            "h",
            "triage screen, random report",
            lambda number: f"/meldpunt/{references[number % n_refs]}/",
        ),
        Scenario("i", "triage screen, 20 of everything", f"/meldpunt/{heavy.reference}/"),
        # Not in the list, but on the same page: quick links and the other searches.
        Scenario("j", "not assigned, open", "/meldpunt/?assigned=nobody&open=on"),
        Scenario(
            "k",
            "search a company name",
            lambda number: "/meldpunt/?q=" + quote(companies[(number * 31) % len(companies)]),
        ),
        Scenario(
            "l",
            "search a reference",
            lambda number: f"/meldpunt/?q={references[(number * 13) % n_refs]}",
        ),
        Scenario(
            "m",
            "received in 2024, high priority",
            "/meldpunt/?received_from=2024-01-01&received_to=2024-12-31&priority=high",
        ),
    ]

    if args.only:
        chosen = {key.strip() for key in args.only.split(",")}
        scenarios = [s for s in scenarios if s.key in chosen]
    client = signed_in_client(people)
    load_before = loadavg()
    print(
        f"timing: in-process Django test client, no network; {WARM_UP} warm-up and "
        f"{args.requests} timed requests per scenario, signed in as {people.me.full_name} "
        f"(reporting_point_staff, verified two-factor session)",
        flush=True,
    )
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    for scenario in scenarios:
        if profiler:
            profiler.enable()
        measure(client, scenario, args.requests, connection, args.max_seconds)
        if profiler:
            profiler.disable()
    if profiler:
        import pstats

        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)

    # Queries must not grow with the page size or the size of the case.
    original = case_views.PAGE_SIZE
    try:
        case_views.PAGE_SIZE = 10
        list_10 = count_queries(client, "/meldpunt/", connection)
        case_views.PAGE_SIZE = 50
        list_50 = count_queries(client, "/meldpunt/", connection)
    finally:
        case_views.PAGE_SIZE = original
    detail_1 = count_queries(client, f"/meldpunt/{light.reference}/", connection)
    detail_20 = count_queries(client, f"/meldpunt/{heavy.reference}/", connection)

    target = args.target_ms
    print()
    print(
        f"{'':3} {'scenario':32} {'n':>3} {'p50':>6} {'p95':>6} {'max':>6} {'mean':>6} {'cpu':>6} "
        f"{'sql':>6} {'queries':>7} {'items':>7}"
    )
    failures = []
    for s in scenarios:
        low, high = min(s.queries), max(s.queries)
        queries = f"{low}" if low == high else f"{low}-{high}"
        p95 = percentile(s.timings, 0.95)
        flag = "" if p95 < target else "  TOO SLOW"
        if flag:
            failures.append(f"({s.key}) {s.label}: p95 {p95:.1f} ms")
        print(
            f"({s.key}) {s.label[:32]:32} {len(s.timings):3} {percentile(s.timings, 0.5):6.1f} "
            f"{p95:6.1f} "
            f"{max(s.timings):6.1f} {statistics.mean(s.timings):6.1f} "
            f"{statistics.mean(s.cpu):6.1f} {statistics.mean(s.sql):6.1f} {queries:>7} "
            f"{s.items:>7}{flag}"
        )
    print(
        "n: timed requests; ms per request, wall clock; cpu: mean CPU time of this process (on "
        "SQLite including the database's work); sql: mean time in SQL; queries: per request "
        "(min-max); items: the list's total"
    )
    print(f"machine load average before / after timing: {load_before} / {loadavg()}")
    print()
    print("URLs (first request):")
    for s in scenarios:
        print(f"  ({s.key}) {s.urls(0)}")
    print()
    print("slowest queries (one more request per scenario):")
    for s in scenarios:
        total = sum(row[0] for row in s.slowest)
        ms, sql, params = s.slowest[0]
        print(
            f"  ({s.key}) {len(s.slowest)} queries, {total:5.1f} ms in SQL; slowest {ms:5.1f} ms: "
            f"{sql[:110]}"
        )
    print()
    print("queries per page (must not grow with the page size):")
    same_list, same_detail = list_10 == list_50, detail_1 == detail_20
    print(
        f"  work list /meldpunt/: {list_10} queries at 10 per page, {list_50} at 50 per page"
        f"  {'OK' if same_list else 'GROWS'}"
    )
    print(
        f"  triage screen: {detail_1} queries with 1 person/note/message/attachment/referral/"
        f"link, {detail_20} with 20 of each  {'OK' if same_detail else 'GROWS'}"
    )
    if not same_list:
        failures.append("work list: queries grow with the page size")
    if not same_detail:
        failures.append("triage screen: queries grow with the size of the case")
    for name, (small, large) in {
        "work list": (list_10, list_50),
        "triage screen": (detail_1, detail_20),
    }.items():
        if small != large:
            import difflib

            print(f"  {name}: the statements that differ")
            for line in difflib.unified_diff(small.shapes(), large.shapes(), lineterm="", n=0):
                print(f"    {line}")

    if args.explain:
        print()
        print("plans of the slowest queries:")
        for s in scenarios:
            for ms, sql, params in s.slowest[:2]:
                if ms < 2:
                    continue
                print(f"--- ({s.key}) {ms:.1f} ms: {sql}  {params}")
                for line in explain(connection, sql, params):
                    print(f"    {line}")
    print()
    verdict = "OK" if not failures else "MISSED: " + "; ".join(failures)
    print(f"target p95 < {target:g} ms and queries independent of page size: {verdict}")
    # The password of the database URL stays out of the output.
    shown = [re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", arg) for arg in sys.argv[1:]]
    print(f"command: {COMMAND} {' '.join(shown)}".strip())
    return not failures


if __name__ == "__main__":
    main()
