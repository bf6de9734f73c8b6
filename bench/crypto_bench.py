r"""Benchmark: what encryption at rest costs the intake and the work list.

Times, in-process and without a database, (1) encrypting and decrypting one personal field of a
typical length, (2) the fields of one typical report as the intake stores them and as the case
screen reads them back, and (3) what the work list of 50 rows would decrypt if it loaded every
field, against what it loads now (no encrypted field: the list uses .only() on plain columns).
Compare the per-report figures with the measured request times of bench/report_bench.py and
bench/case_bench.py to see the share encryption takes.

    .venv/bin/python bench/crypto_bench.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SIGNAAL_ENV", "development")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("SIGNAAL_ENCRYPTION_KEYS", "kSgkPuyU2nrQqkG5zGaT7gRZlaiHK8dXmX0qMOTPz-k=")

import django  # noqa: E402

django.setup()

from core import crypto  # noqa: E402

# The personal fields of a typical public report, with typical lengths.
REPORT = {
    "description": "Ik zie elke ochtend om zes uur een busje met acht tot tien mannen " * 5,
    "street": "Kanaalweg",
    "house_number": "12",
    "postcode": "3526 KL",
    "place": "Loods achter de kwekerij, naast de sloot",
    "occurred_period": "Elke werkdag sinds maart",
    "nationality": "Pools",
    "exploiters": "Een man van een jaar of veertig, noemt zich Marek, rijdt een witte bus",
    "company_name": "Kwekerij Groen B.V.",
    "reporter_name": "Anna de Vries",
    "reporter_phone": "06 12345678",
    "reporter_email": "anna@example.org",
}


def timed(function, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), sorted(samples)[int(len(samples) * 0.95)]


def main():
    tokens = {name: crypto.encrypt(value) for name, value in REPORT.items()}
    one = crypto.encrypt(REPORT["description"])
    rows = [
        (
            "encrypt one field (description, ~350 chars)",
            lambda: crypto.encrypt(REPORT["description"]),
        ),
        ("decrypt one field (description)", lambda: crypto.decrypt(one)),
        (
            "encrypt a whole report (12 fields), intake",
            lambda: [crypto.encrypt(v) for v in REPORT.values()],
        ),
        (
            "decrypt a whole report (12 fields), case screen",
            lambda: [crypto.decrypt(t) for t in tokens.values()],
        ),
        (
            "decrypt 50 whole reports: a work list that loaded everything",
            lambda: [crypto.decrypt(t) for _ in range(50) for t in tokens.values()],
        ),
        (
            "blind index (keyed hash) of an address",
            lambda: crypto.blind_index("3526KL|12", "address"),
        ),
    ]
    print(f"{'operation':64} {'median ms':>10} {'p95 ms':>8}")
    for label, function in rows:
        median, p95 = timed(function, 300)
        print(f"{label:64} {median:10.3f} {p95:8.3f}")
    print("The work list loads no encrypted field (reports.case_views.LIST_FIELDS): 0 decryptions.")


if __name__ == "__main__":
    main()
