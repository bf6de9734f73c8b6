"""The load suite's pure pieces (bench/load_bench.py; the load itself is run by hand, untimed
here): the request mix, the percentiles, the throughput window and the server log check."""

import json
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import load_bench  # noqa: E402 - after the path is set


def test_mix_shares_add_up_and_follow_the_weights():
    shares = load_bench.mix_shares()
    assert sum(shares.values()) == pytest.approx(1)
    assert set(shares) == {"public", "search", "guide", "report", "worklist", "monitor", "bare"}
    assert shares["public"] == pytest.approx(0.40)
    assert load_bench.mix_shares({"bare": (5, "bare")}) == {"bare": 1.0}


def test_choose_kind_draws_the_mix():
    rng = random.Random(1)
    drawn = [load_bench.choose_kind(rng) for _ in range(20_000)]
    for kind, share in load_bench.mix_shares().items():
        assert drawn.count(kind) / len(drawn) == pytest.approx(share, abs=0.02)
    only = {"public": load_bench.MIX["public"]}
    assert {load_bench.choose_kind(rng, only) for _ in range(50)} == {"public"}


def test_percentile():
    values = list(range(1, 101))
    assert load_bench.percentile(values, 0.5) == 51
    assert load_bench.percentile(values, 0.95) == 95
    assert load_bench.percentile(values, 0.99) == 99
    assert load_bench.percentile([7], 0.99) == 7


def test_figures_count_errors_and_only_answers_within_the_window():
    records = [
        # kind, url, sent, done, status, connection errors, reconnects, error
        ("public", "/", 0.0, 0.5, 200, 0, 0, ""),
        ("public", "/", 0.5, 0.9, 500, 0, 0, ""),
        ("public", "/", 0.9, 1.5, 200, 0, 1, ""),  # answered after the window
        ("report", "POST /melden/", 0.0, 0.2, 302, 0, 0, ""),
        ("report", "POST /melden/", 0.2, 0.4, 403, 0, 0, ""),
        ("bare", "/health/live/", 0.0, 0.1, None, 2, 0, "ConnectionRefusedError"),
    ]
    figures = load_bench.Figures(records, start=0.0, seconds=1.0)
    assert figures.rate("public") == 2.0
    assert figures.count("public") == 3
    assert figures.errors("public") == 1
    assert figures.errors("report") == 1
    assert figures.errors("bare") == 3  # two failed connections, no answer
    assert figures.reconnects() == 1
    assert figures.last == 1.5


def test_log_problems_reads_json_and_plain_lines():
    lines = [
        json.dumps({"level": "INFO", "logger": "signaal.request", "message": "GET / 200"}),
        json.dumps({"level": "WARNING", "logger": "django_tasks_db", "message": "Terminated"}),
        json.dumps({"level": "ERROR", "logger": "django.request", "message": "Internal Server"}),
        json.dumps({"level": "INFO", "message": "retry", "exc_info": "Traceback ..."}),
        "[2026-11-24 01:34:48 +0000] [32707] [INFO] Booting worker with pid: 32710",
        "[2026-11-24 01:34:48 +0000] [32707] [CRITICAL] WORKER TIMEOUT (pid:32710)",
        "Traceback (most recent call last):",
        "2026-11-24T01:36:36Z serve: task worker 1 stopped (exit code 1); starting it again",
    ]
    errors, tracebacks, first = load_bench.log_problems("\n".join(lines))
    assert (errors, tracebacks) == (5, 2)
    assert "Internal Server" in first
