"""Importing history into the monitor: the newsletter's tables, records that add up with live
reports, the validation report, all or nothing, withdrawing, progress, bad uploads and access."""

import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from audit.models import AuditEvent
from monitor import actions, history
from monitor.models import Fact, HistoricCount, HistoricRecord, ImportBatch
from regions.models import Municipality
from reports.tests.conftest import make_report

pytestmark = pytest.mark.django_db

EXAMPLES = Path(history.__file__).resolve().parent / "examples"
LIST = reverse("monitor:import_list")
YEARS = [2020, 2021, 2022, 2023]
# The newsletter's Table 1 (reports and advice requests per year) and Table 2 (reports per form).
TABLE_1 = {"report": [74, 53, 74, 118], "advice": [76, 60, 79, 89]}
TABLE_2 = {
    "labour": [0, 2, 5, 8],
    "criminal": [18, 12, 20, 53],
    "sexual": [47, 34, 42, 47],
    "": [9, 5, 7, 10],
}
RECORDS_HEADER = (
    "datum;soort;uitbuitingsvorm;gemeente;sector;soort_locatie;melder;minderjarig;afloop;kenmerk"
)


@pytest.fixture(autouse=True)
def private_dir(settings, tmp_path):
    settings.SIGNAAL_PRIVATE_DIR = tmp_path / "private"
    return settings.SIGNAAL_PRIVATE_DIR


@pytest.fixture
def staff(client, personas, login):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    return client


def import_as_mapped(client, response, changes=None, save_as=""):
    """Import an uploaded file from its mapping step with the columns as offered (the names of
    its row 1), `changes` ({field name: choice}) on top."""
    assert response.status_code == 302, response.content.decode()
    page = client.get(response["Location"])
    form = page.context["form"]
    data = {name: form[name].value() or "" for name in form.fields if name != "save_as"}
    data.update(changes or {}, action="import", save_as=save_as)
    return client.post(response["Location"], data)


@pytest.fixture
def upload(staff, django_capture_on_commit_callbacks):
    """Upload a file as reporting-point staff and import it with the columns its row 1 names (the
    mapping step as offered); the import runs at once (immediate backend). A refused upload
    returns the upload form's response."""

    def do(content, name="history.csv", batch_format="counts", source="Registratie 2020-2023"):
        if isinstance(content, str):
            content = content.encode()
        response = staff.post(
            LIST,
            {
                "format": batch_format,
                "source": source,
                "file": SimpleUploadedFile(name, content, content_type="text/csv"),
            },
        )
        if response.status_code != 302:
            return response
        with django_capture_on_commit_callbacks(execute=True):
            return import_as_mapped(staff, response)

    return do


def last_batch():
    return ImportBatch.objects.order_by("-pk").first()


def form_facts():
    """(year, kind, form) -> count over the facts that have no month (the yearly history)."""
    rows = (
        Fact.objects.filter(dimension="form", month__isnull=True)
        .values("year", "kind", "value")
        .annotate(n=Sum("count"))
    )
    return {(row["year"], row["kind"], row["value"]): row["n"] for row in rows}


def year_total(year, kind, dimension="form"):
    return (
        Fact.objects.filter(year=year, kind=kind, dimension=dimension).aggregate(n=Sum("count"))[
            "n"
        ]
        or 0
    )


def xlsx(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- the newsletter -------------------------------------------------------------------------------


def test_importing_the_newsletter_history_reproduces_table_1_and_table_2(upload):
    response = upload((EXAMPLES / "newsletter-history.csv").read_bytes())
    batch = last_batch()
    assert response.status_code == 302
    assert response["Location"] == reverse("monitor:import_batch", args=[batch.pk])
    assert batch.state == "done", batch.errors
    assert batch.imported_rows == 20
    assert batch.content in (b"", memoryview(b"")) or bytes(batch.content) == b""

    found = form_facts()
    for kind, counts in TABLE_1.items():
        per_year = [
            sum(n for (y, k, _form), n in found.items() if y == year and k == kind)
            for year in YEARS
        ]
        assert per_year == counts, kind
    for form, counts in TABLE_2.items():
        assert [found.get((year, "report", form), 0) for year in YEARS] == counts, form
    # Table 2's "Totaal" row is Table 1's reports.
    assert [sum(TABLE_2[form][i] for form in TABLE_2) for i in range(4)] == TABLE_1["report"]


def test_the_done_page_shows_what_was_imported_per_year(upload, staff):
    upload((EXAMPLES / "newsletter-history.csv").read_bytes())
    batch = last_batch()
    page = staff.get(reverse("monitor:import_batch", args=[batch.pk])).content.decode()
    assert '<th scope="row">2023</th><td>118</td><td>89</td><td>207</td>' in page
    assert 'http-equiv="refresh"' not in page
    assert reverse("monitor:import_withdraw", args=[batch.pk]) in page


# --- records --------------------------------------------------------------------------------------


def records_csv(*rows):
    return "\n".join([RECORDS_HEADER, *rows]) + "\n"


@pytest.mark.parametrize("kind_of_file", ["csv", "xlsx"])
def test_records_add_up_with_live_reports(upload, kind_of_file):
    make_report(
        description="Twaalf mensen in één garage",
        reporter_type="citizen",
        primary_form="labour",
        municipality=Municipality.objects.get(code="GM0344"),
    )
    this_year = timezone.localdate().year
    first_day = date(this_year, 1, 1)
    if kind_of_file == "csv":
        content = records_csv(
            f"{first_day:%Y-%m-%d};melding;Arbeidsuitbuiting;GM0344;agriculture;;professional;nee;;A-1",
            f"{first_day:%d-%m-%Y};Melding;labour;Utrecht;;hotel;anoniem;ja;referred_police;A-2",
            "2019-05-06;advies;;;;;burger;;advice_given;A-3",
        )
        name = "records.csv"
    else:
        content = xlsx(
            [
                RECORDS_HEADER.split(";"),
                [
                    datetime(this_year, 1, 1),
                    "melding",
                    "Arbeidsuitbuiting",
                    "GM0344",
                    "Land- en tuinbouw",
                    None,
                    "Professional",
                    False,
                    None,
                    1001,
                ],
                [
                    first_day,
                    "melding",
                    "labour",
                    "utrecht",
                    None,
                    "Hotel",
                    "anoniem",
                    True,
                    None,
                    1002,
                ],
                ["2019-05-06", "Adviesvraag", None, None, None, None, "burger", None, None, None],
            ]
        )
        name = "records.xlsx"
    upload(content, name=name, batch_format="records")
    batch = last_batch()
    assert batch.state == "done", batch.errors
    assert batch.imported_rows == 3
    assert HistoricRecord.objects.filter(batch=batch).count() == 3
    record = HistoricRecord.objects.get(batch=batch, row=2)
    assert (record.kind, record.primary_form, record.municipality.code) == (
        "report",
        "labour",
        "GM0344",
    )
    assert record.sector == "agriculture"
    assert timezone.localtime(record.created_at).date() == first_day

    # One view: this year's labour reports are the live one and the two imported ones.
    labour = Fact.objects.filter(year=this_year, kind="report", dimension="form", value="labour")
    assert labour.aggregate(n=Sum("count"))["n"] == 3
    utrecht = Fact.objects.filter(
        year=this_year,
        kind="report",
        dimension="municipality",
        value=str(Municipality.objects.get(code="GM0344").pk),
    )
    assert utrecht.aggregate(n=Sum("count"))["n"] == 3
    assert year_total(2019, "advice") == 1
    minors = Fact.objects.filter(year=this_year, dimension="minor", value="yes")
    assert minors.aggregate(n=Sum("count"))["n"] == 1


def test_headers_in_english_and_any_case_a_byte_order_mark_commas_and_windows_1252(upload):
    content = (
        "\ufeffYEAR,Kind,Primary_Form,Municipality,Count\r\n"
        "2021,report,Criminele uitbuiting,'s-Hertogenbosch,3\r\n"
    )
    upload(content.encode("utf-8"))
    assert last_batch().state == "done", last_batch().errors
    content = (
        "Jaar;Soort;Uitbuitingsvorm;Gemeente;Aantal\r\n2021;advies;Leeg;Súdwest-Fryslân;1.234\r\n"
    )
    upload(content.encode("cp1252"), name="oud.csv")
    batch = last_batch()
    assert batch.state == "done", batch.errors
    count = HistoricCount.objects.get(batch=batch)
    assert (count.count, count.municipality.code) == (1234, "GM1900")


# --- the validation report ------------------------------------------------------------------------


def test_a_counts_file_with_errors_is_refused_whole_with_every_error_and_its_row(upload, staff):
    content = "\n".join(
        [
            "jaar;soort;uitbuitingsvorm;gemeente;aantal",
            "2020;melding;Seksuele uitbuiting;;47",  # 2: valid
            "2020;melding;Orgaanhandel-achtig;;3",  # 3: unknown form
            "twintig;melding;;;3",  # 4: not a year
            "2021;melding;;;-4",  # 5: negative
            "2020;Meldingen;seksuele uitbuiting;;1",  # 6: same as row 2
            "2022;melding;;Atlantis;2",  # 7: unknown municipality
            "2022;;;;2",  # 8: no kind
            "1989;advies;;;1",  # 9: too early
            "",  # 10: empty, skipped
            "2023;advies;;;5;extra",  # 11: too many cells
        ]
    )
    upload(content)
    batch = last_batch()
    assert batch.state == "failed"
    assert not HistoricCount.objects.exists(), "all or nothing"
    assert not Fact.objects.filter(month__isnull=True).exists()
    found = [(error["row"], error["column"]) for error in batch.errors]
    assert found == [
        (3, "uitbuitingsvorm"),
        (4, "jaar"),
        (5, "aantal"),
        (6, ""),
        (7, "gemeente"),
        (8, "soort"),
        (9, "jaar"),
        (11, ""),
    ]
    assert "Orgaanhandel-achtig" in batch.errors[0]["message"]
    assert "2" in batch.errors[3]["message"], "a duplicate names the first row"
    assert "Atlantis" in batch.errors[4]["message"]

    page = staff.get(reverse("monitor:import_batch", args=[batch.pk]))
    content = page.content.decode()
    assert "<caption>" in content and "<td>Orgaanhandel" not in content
    assert "<td>3</td><td>uitbuitingsvorm</td>" in content
    download = staff.get(reverse("monitor:import_errors", args=[batch.pk]))
    lines = download.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + 8
    assert lines[1].startswith("3;uitbuitingsvorm;")


def test_a_records_file_with_errors_is_refused_whole(upload):
    tomorrow = timezone.localdate().toordinal() + 1
    content = records_csv(
        "2019-03-04;melding;Seksuele uitbuiting;GM0344;;hotel;anoniem;nee;;K-1",  # 2: valid
        f"{date.fromordinal(tomorrow):%Y-%m-%d};melding;;;;;;;;K-2",  # 3: future
        "1989-12-31;melding;;;;;;;;K-3",  # 4: before 1990
        "31-02-2019;melding;;;;;;;;K-4",  # 5: no such date
        ";melding;;;;;;;;K-5",  # 6: no date
        "2019-03-04;melding;;;mijnbouw;;;;;K-6",  # 7: unknown sector
        "2019-03-04;melding;;;;;marsmannetje;misschien;;K-7",  # 8: reporter and minor
        "2019-03-04;melding;;;;;;;;K-1",  # 9: reference of row 2
        "2019-03-04;melding;;;;;;;opgelost;",  # 10: unknown outcome
    )
    upload(content, batch_format="records")
    batch = last_batch()
    assert batch.state == "failed"
    assert not HistoricRecord.objects.exists()
    assert [(error["row"], error["column"]) for error in batch.errors] == [
        (3, "datum"),
        (4, "datum"),
        (5, "datum"),
        (6, "datum"),
        (7, "sector"),
        (8, "melder"),
        (8, "minderjarig"),
        (9, "kenmerk"),
        (10, "afloop"),
    ]


def test_the_errors_page_lists_the_first_500_and_the_download_all(upload, staff):
    rows = [f"{2000 + i % 20};melding;Onbekend{i};;1" for i in range(600)]
    upload("jaar;soort;uitbuitingsvorm;gemeente;aantal\n" + "\n".join(rows))
    batch = last_batch()
    assert len(batch.errors) == 600
    page = staff.get(reverse("monitor:import_batch", args=[batch.pk])).content.decode()
    assert page.count("<tr><td>") == 500
    assert "600" in page
    download = staff.get(reverse("monitor:import_errors", args=[batch.pk]))
    assert len(download.content.decode("utf-8-sig").splitlines()) == 601


def test_too_many_errors_stop_the_check(upload, monkeypatch):
    monkeypatch.setattr(history, "MAX_ERRORS", 5)
    rows = [f"2020;melding;Onbekend{i};;1" for i in range(20)]
    upload("jaar;soort;uitbuitingsvorm;gemeente;aantal\n" + "\n".join(rows))
    errors = last_batch().errors
    assert len(errors) == 6
    assert errors[-1]["row"] == 6 and "5" in errors[-1]["message"]


# --- withdrawing ----------------------------------------------------------------------------------


def test_withdrawing_removes_the_rows_and_recounts(upload, staff):
    upload((EXAMPLES / "newsletter-history.csv").read_bytes())
    batch = last_batch()
    url = reverse("monitor:import_withdraw", args=[batch.pk])
    assert staff.get(url).status_code == 200
    refused = staff.post(url, {"reason": ""})
    assert refused.status_code == 400
    assert b"error-summary" in refused.content
    assert last_batch().state == "done"

    response = staff.post(url, {"reason": "Dubbel geïmporteerd"})
    assert response["Location"] == reverse("monitor:import_batch", args=[batch.pk])
    batch.refresh_from_db()
    assert batch.state == "withdrawn"
    assert not HistoricCount.objects.exists()
    assert not Fact.objects.filter(year__in=YEARS).exists()
    event = AuditEvent.objects.get(action="monitor.import_withdrawn")
    assert event.reason == "Dubbel geïmporteerd"
    assert event.details == {"rows": 20}
    # Once withdrawn, it cannot be withdrawn again.
    again = staff.post(url, {"reason": "Nog eens"})
    assert again["Location"] == reverse("monitor:import_batch", args=[batch.pk])
    assert AuditEvent.objects.filter(action="monitor.import_withdrawn").count() == 1


def test_the_same_rows_are_not_imported_twice(upload, staff):
    """Re-saved, reordered or renamed: the same counts would count twice; once the first import is
    withdrawn, the file can replace it."""
    original = (EXAMPLES / "newsletter-history.csv").read_text()
    upload(original, source="Nieuwsbrief")
    first = last_batch()
    header, *lines = original.strip().splitlines()
    reordered = "\r\n".join([header, *reversed(lines)]) + "\r\n"
    upload(reordered, name="kopie.csv", source="Nogmaals")
    again = last_batch()
    assert again.state == "failed"
    message = again.errors[0]["message"]
    assert "al eerder geïmporteerd" in message and "newsletter-history.csv" not in message
    assert "history.csv" in message and "Nieuwsbrief" in message
    assert HistoricCount.objects.count() == 20
    page = staff.get(reverse("monitor:import_batch", args=[again.pk]))
    assert "al eerder geïmporteerd" in page.content.decode()

    staff.post(reverse("monitor:import_withdraw", args=[first.pk]), {"reason": "Vervangen"})
    upload(reordered, name="kopie.csv", source="Vervanging")
    assert last_batch().state == "done"
    assert HistoricCount.objects.count() == 20


def test_records_with_other_values_are_another_import(upload):
    row = "2021-03-04;melding;labour;GM0344;;;anoniem;nee;;R-1"
    upload(records_csv(row), batch_format="records")
    upload(records_csv(row.replace("R-1", "R-2")), batch_format="records")
    assert last_batch().state == "done"
    upload(records_csv(row), batch_format="records")
    assert last_batch().state == "failed"


def test_a_failed_import_cannot_be_withdrawn(upload, staff):
    upload("jaar;soort;aantal\n2020;melding;x\n")
    batch = last_batch()
    assert batch.state == "failed"
    response = staff.post(reverse("monitor:import_withdraw", args=[batch.pk]), {"reason": "weg"})
    assert response.status_code == 302
    assert last_batch().state == "failed"


# --- progress and the task ------------------------------------------------------------------------


def test_progress_is_saved_along_the_way(upload, monkeypatch):
    monkeypatch.setattr(history, "PROGRESS_EVERY", 10)
    seen = []
    original = history.save_progress

    def spy(batch_id, processed, total):
        original(batch_id, processed, total)
        seen.append(ImportBatch.objects.values_list("state", "processed_rows", "total_rows").get())

    monkeypatch.setattr(history, "save_progress", spy)
    rows = [f"{2000 + i};melding;;;{i}" for i in range(25)]
    upload("jaar;soort;uitbuitingsvorm;gemeente;aantal\n" + "\n".join(rows) + "\n")
    assert seen == [("running", 10, 25), ("running", 20, 25), ("running", 25, 25)]
    batch = last_batch()
    assert (batch.state, batch.processed_rows, batch.total_rows, batch.imported_rows) == (
        "done",
        25,
        25,
        25,
    )


def test_a_running_import_shows_its_progress_and_updates_it(staff, personas):
    batch = ImportBatch.objects.create(
        format="records",
        file_name="groot.csv",
        content=b"",
        uploaded_at=timezone.now(),
        uploaded_by=personas[Role.REPORTING_POINT_STAFF],
        state="running",
        total_rows=80_000,
        processed_rows=12_000,
    )
    url = reverse("monitor:import_batch", args=[batch.pk])
    page = staff.get(url).content.decode()
    assert "12.000" in page and "80.000" in page
    # no <meta refresh> (WCAG 2.2.1): scripts poll the aria-live region, a link does it by hand
    assert 'http-equiv="refresh"' not in page
    assert f'data-poll="{url}" aria-live="polite"' in page
    assert '<progress max="100" value="15"' in page
    assert "12.000" in staff.get(LIST).content.decode()
    # Checked; now saving.
    ImportBatch.objects.filter(pk=batch.pk).update(processed_rows=80_000, imported_rows=20_000)
    page = staff.get(url).content.decode()
    assert "20.000" in page and "80.000" in page
    assert '<progress max="100" value="25"' in page


def test_rows_are_saved_in_short_transactions_and_count_only_when_done(upload, monkeypatch):
    monkeypatch.setattr(history, "BULK_SIZE", 8)
    seen = []
    original = actions.complete_batch

    def spy(batch, checked):
        seen.append(
            (
                ImportBatch.objects.values_list("state", "imported_rows").get(),
                HistoricCount.objects.count(),
                Fact.objects.filter(year=2023).exists(),
            )
        )
        return original(batch, checked)

    monkeypatch.setattr(actions, "complete_batch", spy)
    upload((EXAMPLES / "newsletter-history.csv").read_bytes())
    assert seen == [(("running", 20), 20, False)]
    assert last_batch().state == "done"
    assert Fact.objects.filter(year=2023).exists()


def test_a_failure_while_saving_removes_what_was_saved(upload, monkeypatch):
    monkeypatch.setattr(history, "BULK_SIZE", 8)

    def broken(batch, checked):
        assert HistoricCount.objects.count() == 20
        raise RuntimeError("disk full")

    monkeypatch.setattr(actions, "complete_batch", broken)
    upload((EXAMPLES / "newsletter-history.csv").read_bytes())
    batch = last_batch()
    assert batch.state == "failed"
    assert "RuntimeError" in batch.errors[0]["message"]
    assert not HistoricCount.objects.exists()


def test_the_task_imports_a_batch_only_once(upload):
    upload((EXAMPLES / "newsletter-history.csv").read_bytes())
    batch = last_batch()
    assert actions.import_batch(batch.pk) is None
    assert HistoricCount.objects.count() == 20


def test_an_interrupted_import_starts_over(staff, monkeypatch):
    """The worker died mid-import: the batch is still "running" with some rows saved; the job's
    second attempt removes them and imports the whole file once."""
    # Outside django_capture_on_commit_callbacks the job is not run: the batch stays queued.
    response = staff.post(
        LIST,
        {
            "format": "counts",
            "source": "Registratie 2020-2023",
            "file": SimpleUploadedFile(
                "history.csv",
                (EXAMPLES / "newsletter-history.csv").read_bytes(),
                content_type="text/csv",
            ),
        },
    )
    import_as_mapped(staff, response)
    batch = last_batch()
    real_complete = actions.complete_batch

    def dies(*args):
        raise SystemExit  # as a killed worker: nothing after this point runs

    monkeypatch.setattr(actions, "complete_batch", dies)
    with pytest.raises(SystemExit):
        actions.import_batch(batch.pk)
    monkeypatch.setattr(actions, "complete_batch", real_complete)
    assert ImportBatch.objects.get(pk=batch.pk).state == "running"
    assert HistoricCount.objects.count() == 20  # saved, not yet counted
    assert actions.import_batch(batch.pk) is None  # a first attempt leaves a running batch alone
    state = actions.import_batch(batch.pk, resume=True)
    assert state == "done", ImportBatch.objects.get(pk=batch.pk).errors
    assert HistoricCount.objects.count() == 20


def test_an_unexpected_error_fails_the_batch(upload, monkeypatch):
    checks = history.check_file

    def broken(*args, **kwargs):
        if kwargs.get("limit"):  # the preview of the mapping step
            return checks(*args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(history, "check_file", broken)
    upload((EXAMPLES / "newsletter-history.csv").read_bytes())
    batch = last_batch()
    assert batch.state == "failed"
    assert "RuntimeError" in batch.errors[0]["message"]
    assert not HistoricCount.objects.exists()


def test_audit_events_of_upload_completion_and_refusal(upload, personas):
    upload((EXAMPLES / "newsletter-history.csv").read_bytes())
    done = last_batch()
    upload("jaar;soort;aantal\n2020;melding;x\n")
    failed = last_batch()
    uploaded = AuditEvent.objects.filter(action="monitor.import_uploaded")
    assert [event.object_id for event in uploaded] == [str(done.pk), str(failed.pk)]
    assert uploaded[0].actor == personas[Role.REPORTING_POINT_STAFF]
    assert uploaded[0].details["format"] == "counts"
    completed = AuditEvent.objects.get(action="monitor.import_completed")
    assert (completed.object_id, completed.details["rows"]) == (str(done.pk), 20)
    refused = AuditEvent.objects.get(action="monitor.import_failed")
    assert (refused.object_id, refused.details["errors"]) == (str(failed.pk), 1)


# --- bad uploads ----------------------------------------------------------------------------------


def assert_file_error(response, fragment):
    content = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_file_error"' in content, content
    assert fragment in content
    assert 'value="Registratie 2020-2023"' in content, "what was typed is kept"
    assert not ImportBatch.objects.exists()


def test_an_empty_file_is_refused_next_to_the_field(upload):
    assert_file_error(upload(b""), "leeg")
    assert_file_error(upload(b"  \r\n"), "leeg")


def test_a_file_that_is_not_csv_or_xlsx_is_refused(upload):
    assert_file_error(upload(b"%PDF-1.7 ...", name="jaarverslag.pdf"), "CSV")
    assert_file_error(upload(b"jaar\x00\x00;soort", name="raar.csv"), "CSV")
    assert_file_error(upload(b"not a zip", name="tabel.xlsx"), "xlsx")
    assert_file_error(upload(b"\xd0\xcf\x11\xe0 old excel", name="tabel.xls"), ".xls")


def test_a_file_that_is_too_large_is_refused(upload, monkeypatch):
    monkeypatch.setattr(history, "MAX_BYTES", 100)
    assert_file_error(upload(b"jaar;soort;aantal\n" + b"2020;melding;1\n" * 20), "MB")


def test_the_columns_of_the_other_kind_of_file_are_refused_at_upload(upload):
    response = upload(records_csv("2019-03-04;melding;;;;;;;;"))
    assert_file_error(response, "Losse registraties")


def test_an_upload_without_a_choice_keeps_what_was_typed(staff):
    response = staff.post(LIST, {"source": "Registratie 2020-2023"})
    assert response.status_code == 400
    assert b"error-summary" in response.content
    assert b'value="Registratie 2020-2023"' in response.content


@pytest.mark.parametrize(
    "content", ["jaar;soort;uitbuitingsvorm;gemeente;aantal\n", "jaar;soort;aantal\n;;\n\n ; ;\n"]
)
def test_a_header_without_rows_is_refused(upload, content):
    upload(content)
    batch = last_batch()
    assert batch.state == "failed"
    assert [error["row"] for error in batch.errors] == [None]


def test_a_value_under_a_column_without_a_name_is_an_error_without_a_mapping():
    checked = history.check_file(
        "counts", b"jaar;;soort;aantal\n2020;;melding;1\n2021;x;melding;1\n", "h.csv"
    )
    assert [(error["row"], error["column"]) for error in checked.errors] == [(3, "")]


def test_a_column_without_a_name_is_ignored_when_mapped_so(upload):
    upload("jaar;;soort;aantal\n2020;;melding;1\n2021;x;melding;1\n")
    batch = last_batch()
    assert batch.state == "done"
    assert batch.mapping == {"0": "year", "2": "kind", "3": "count"}
    assert batch.imported_rows == 2


# --- access ---------------------------------------------------------------------------------------


def import_urls():
    return [
        LIST,
        reverse("monitor:import_batch", args=[1]),
        reverse("monitor:import_errors", args=[1]),
        reverse("monitor:import_withdraw", args=[1]),
        reverse("monitor:import_example", args=["newsletter-history"]),
        reverse("monitor:import_mapping", args=[1]),
    ]


def test_anonymous_visitors_are_sent_to_log_in(client):
    for url in import_urls():
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url


@pytest.mark.parametrize(
    "role",
    [Role.ANALYST, Role.PROFESSIONAL, Role.PARTNER_CASE_WORKER, Role.EDITOR, Role.PRIVACY_OFFICER],
)
def test_other_roles_may_not_import(client, personas, login, role):
    login(client, personas[role])
    for url in import_urls():
        assert client.get(url).status_code == 403, url
    assert client.post(LIST, {}).status_code == 403


def test_reporting_point_staff_see_the_list_and_the_examples(staff, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = staff.get(LIST)
    assert response.status_code == 200
    assert b'enctype="multipart/form-data"' in response.content
    example = staff.get(reverse("monitor:import_example", args=["newsletter-history"]))
    assert b"".join(example.streaming_content).startswith(b"jaar;soort")
    assert staff.get(reverse("monitor:import_example", args=["passwords"])).status_code == 404
    assert staff.get(reverse("monitor:import_batch", args=[999])).status_code == 404
