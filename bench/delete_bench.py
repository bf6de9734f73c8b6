r"""Benchmark: the periodic work that deletes rows in bulk — the monitor's recount and the
retention run — with its time and its number of queries.

Both delete many rows with a queryset: the recount replaces every `monitor_fact` row, the
retention removes persons, keys, notes and messages of expired reports. Django deletes such a
queryset with one DELETE ("fast delete") unless a pre_delete/post_delete receiver listens for the
model; then it loads every row and sends a signal per row. This bench shows which one happens.

It sets up a fresh database (a SQLite file in a temporary directory, or the empty throwaway
PostgreSQL database of --database-url), loads --reports reports with bench/monitor_bench.py's
generator, recounts once to fill the facts, and then times --runs recounts (each deletes and
writes every fact again). For the retention it puts every report under a legal hold except
--retention closed ones, gives each of those persons (with subject keys), match keys, notes and
messages, and times one `privacy.retention.apply_retention()`. --senderless-receiver connects a
receiver without a sender first, as content/signal_handlers.py did before it named its senders.

    .venv/bin/python bench/delete_bench.py                                  # 20,000 reports
    .venv/bin/python bench/delete_bench.py --reports 5000 --retention 100   # a quick run
    .venv/bin/python bench/delete_bench.py --senderless-receiver            # as it was
    pg_virtualenv -t sh -c '.venv/bin/python bench/delete_bench.py \
        --database-url postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE'
"""

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from case_bench import engine_name, loadavg, setup_django  # noqa: E402 - after the path is set

SEED = 20261206


def timed(function, connection):
    """(seconds, queries, CPU seconds of this process) of one call. On a busy machine the CPU
    time says more than the wall-clock time (SQLite works in this process)."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started, cpu = time.perf_counter(), time.process_time()
        function()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return seconds, len(queries), cpu


def prepare_retention(count, user):
    """Everything under a legal hold except `count` closed reports, each with personal rows."""
    from django.utils import timezone

    from reports.models import MatchKey, Message, Note, Person, Report, Status, SubjectKey

    chosen = list(
        Report.objects.filter(status=Status.CLOSED)
        .order_by("closed_at")
        .values_list("pk", flat=True)[:count]
    )
    Report.objects.exclude(pk__in=chosen).update(legal_hold=True)
    Report.objects.filter(pk__in=chosen).update(reporter_email="melder@example.org")
    now = timezone.now()
    persons = Person.objects.bulk_create(
        Person(report_id=pk, role="victim", name=f"Persoon {i}", created_at=now, created_by=user)
        for pk in chosen
        for i in range(3)
    )
    SubjectKey.objects.bulk_create(
        SubjectKey(report_id=person.report_id, person=person, kind=kind, digest=f"{person.pk}{k}")
        for person in persons
        for k, kind in enumerate(("name", "birth_date"))
    )
    MatchKey.objects.bulk_create(
        MatchKey(report_id=pk, kind=kind, digest=f"{pk}{kind}")
        for pk in chosen
        for kind in ("address", "company", "phone", "person")
    )
    Note.objects.bulk_create(
        Note(report_id=pk, at=now, author=user, body="Notitie") for pk in chosen for _ in range(2)
    )
    Message.objects.bulk_create(
        Message(report_id=pk, at=now, author="reporter", body="Bericht")
        for pk in chosen
        for _ in range(3)
    )
    return len(chosen)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--retention", type=int, default=300, help="reports that expire")
    parser.add_argument("--database-url", default="")
    parser.add_argument(
        "--senderless-receiver",
        action="store_true",
        help="connect a post_delete receiver without a sender first (how it was before the fix)",
    )
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="signaal-delete-bench-"))
    try:
        connection = setup_django(directory, args.database_url)
        run(connection, args)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def run(connection, args):
    from django.db import transaction
    from django.db.models.signals import post_delete, pre_delete
    from monitor_bench import People, generate

    from monitor import facts
    from monitor.models import Fact
    from privacy.retention import apply_retention
    from reports.models import MatchKey, Person

    print(f"engine: {engine_name(connection)}", flush=True)
    if args.senderless_receiver:
        post_delete.connect(lambda sender, **kwargs: None, weak=False, dispatch_uid="bench")
    for model in (Fact, MatchKey, Person):
        listening = post_delete.has_listeners(model) or pre_delete.has_listeners(model)
        print(f"delete signals for {model.__name__}: {'yes' if listening else 'none'}")
    people = People()
    seconds = generate(connection, args.reports, random.Random(SEED))
    print(f"generated {args.reports:,} reports in {seconds:.0f} s", flush=True)
    facts.rebuild()
    print(f"{Fact.objects.count():,} facts; load average {loadavg()}", flush=True)
    timings = [timed(facts.rebuild, connection) for _ in range(args.runs)]
    times = [seconds for seconds, _, _ in timings]
    cpu = [seconds for _, _, seconds in timings]
    print(
        f"recount (facts.rebuild) x{args.runs}: median {statistics.median(times):.2f} s, "
        f"min {min(times):.2f} s, median CPU {statistics.median(cpu):.2f} s; "
        f"queries {sorted({n for _, n, _ in timings})}",
        flush=True,
    )
    facts_count = Fact.objects.count()
    with transaction.atomic():
        seconds, queries, cpu = timed(lambda: Fact.objects.all().delete(), connection)
        transaction.set_rollback(True)
    print(
        f"the recount's delete alone (Fact.objects.all().delete(), {facts_count:,} rows, rolled "
        f"back): {seconds:.2f} s, CPU {cpu:.2f} s, {queries} queries",
        flush=True,
    )
    expiring = prepare_retention(args.retention, people.staff)
    seconds, queries, cpu = timed(apply_retention, connection)
    print(
        f"retention (apply_retention) of {expiring} reports: {seconds:.2f} s, CPU {cpu:.2f} s, "
        f"{queries} queries ({queries / max(expiring, 1):.1f} per report)",
        flush=True,
    )
    print(f"load average after: {loadavg()}")


if __name__ == "__main__":
    main()
