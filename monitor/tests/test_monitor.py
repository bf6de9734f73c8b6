"""The monitor's figures: the newsletter's tables and sentences, protection of small numbers,
exports that match the screen, charts, access."""

import csv
import io
import itertools
import random
import uuid
from datetime import datetime

import pypdfium2
import pytest
from django.utils import timezone

from accounts.models import Role
from audit.models import AuditEvent
from monitor import facts, protection, stats
from monitor.models import HistoricCount, ImportBatch
from reports.models import Kind

NEWSLETTER_TABLE_1 = {
    Kind.REPORT: [74, 53, 74, 118],
    Kind.ADVICE: [76, 60, 79, 89],
}
NEWSLETTER_TABLE_2 = {
    "labour": [0, 2, 5, 8],
    "criminal": [18, 12, 20, 53],
    "sexual": [47, 34, 42, 47],
    "": [9, 5, 7, 10],
}
YEARS = [2020, 2021, 2022, 2023]


@pytest.fixture
def newsletter_history(personas):
    batch = ImportBatch.objects.create(
        format=ImportBatch.Format.COUNTS,
        file_name="nieuwsbrief.csv",
        content=b"",
        uploaded_at=timezone.now(),
        uploaded_by=personas[Role.REPORTING_POINT_STAFF],
        state=ImportBatch.State.DONE,
    )
    rows = []
    for form, counts in NEWSLETTER_TABLE_2.items():
        for year, count in zip(YEARS, counts, strict=True):
            rows.append(
                HistoricCount(
                    batch=batch, year=year, kind=Kind.REPORT, primary_form=form, count=count
                )
            )
    for year, count in zip(YEARS, NEWSLETTER_TABLE_1[Kind.ADVICE], strict=True):
        rows.append(HistoricCount(batch=batch, year=year, kind=Kind.ADVICE, count=count))
    HistoricCount.objects.bulk_create(rows)
    facts.rebuild()
    return batch


def numbers(cells):
    return [cell.value for cell in cells]


def test_the_newsletter_history_reproduces_table_1_and_table_2(newsletter_history):
    data = stats.series(exact=True)
    assert data.years == YEARS
    assert numbers(data.kinds[Kind.REPORT]) == NEWSLETTER_TABLE_1[Kind.REPORT]
    assert numbers(data.kinds[Kind.ADVICE]) == NEWSLETTER_TABLE_1[Kind.ADVICE]
    forms = {value: numbers(cells) for value, _label, cells, _changes in data.forms}
    assert forms == NEWSLETTER_TABLE_2
    assert numbers(data.form_totals) == NEWSLETTER_TABLE_1[Kind.REPORT]
    labels = [label for _value, label, _cells, _changes in data.forms]
    assert labels[-1] == "Leeg"


def test_the_sentences_give_the_newsletters_rounded_percentages(newsletter_history):
    data = stats.series(exact=True)
    assert data.kind_changes[Kind.REPORT][-1] == 60
    assert data.kind_changes[Kind.ADVICE][-1] == 13
    criminal = next(changes for value, _l, _c, changes in data.forms if value == "criminal")
    assert criminal[-1] == 165
    text = " ".join(stats.sentences(data))
    assert "Het aantal meldingen steeg met 60% ten opzichte van 2022." in text
    assert "Het aantal adviesvragen steeg met 13% ten opzichte van 2022." in text
    assert "criminele uitbuiting steeg met 165% ten opzichte van 2022" in text


@pytest.mark.parametrize(
    ("before", "after", "written"),
    [
        (74, 118, "+60%"),
        (79, 89, "+13%"),
        (20, 53, "+165%"),
        (53, 74, "+40%"),
        (74, 53, "−28%"),
        (10, 10, "0%"),
        (0, 5, ""),
    ],
)
def test_changes_are_written_as_people_write_them(before, after, written):
    assert stats.format_change(stats.change(stats.Cell(before), stats.Cell(after))) == written


def test_a_change_is_not_given_for_a_suppressed_figure():
    assert stats.change(stats.Cell(3, protection.PRIMARY), stats.Cell(40)) is None


# --- protection of small numbers ----------------------------------------------------------------


def feasible(unknowns, target):
    """Brute force: every assignment of the unknowns' possible values (capped) that satisfies the
    relation; used to check protection.pinned_cells."""
    limit = protection.small_number()

    def values(state):
        if state == protection.PRIMARY:
            return range(1, limit + 1)
        if state == protection.SECONDARY:
            return [0, *range(limit + 1, 60)]
        return range(0, 60)

    return [
        combo
        for combo in itertools.product(*[values(state) for _cell, _sign, state in unknowns])
        if sum(sign * value for (_c, sign, _s), value in zip(unknowns, combo, strict=True))
        == target
    ]


@pytest.mark.parametrize("seed", range(200))
def test_pinned_cells_agree_with_brute_force(seed):
    rng = random.Random(seed)
    count = rng.randint(1, 3)
    states = [rng.choice([protection.PRIMARY, protection.SECONDARY]) for _ in range(count)]
    unknowns = [(i, 1, state) for i, state in enumerate(states)]
    if rng.random() < 0.3:
        unknowns.append(("whole", -1, rng.choice([protection.PRIMARY, protection.SECONDARY])))
    target = rng.randint(-8, 20)
    solutions = feasible(unknowns, target)
    if not solutions:
        return
    expected = {
        unknowns[i][0]
        for i in range(len(unknowns))
        if unknowns[i][2] != protection.HIDDEN and len({s[i] for s in solutions}) == 1
    }
    # values of a secondary cell above the brute-force cap are not enumerated: skip those cases
    if any(max(s) >= 55 for s in solutions):
        return
    assert (
        set(protection.pinned_cells(unknowns, sum(1 for _ in []) + target_of(unknowns, solutions)))
        == expected
    )


def target_of(unknowns, solutions):
    return sum(sign * value for (_c, sign, _s), value in zip(unknowns, solutions[0], strict=True))


def random_year(rng, municipalities, scale):
    """Fact rows (month, dimension, value, count) of one year and kind, generated record by
    record so that every dimension adds up to the same total."""
    rows = {}
    for _ in range(scale):
        month = rng.randint(1, 12)
        record = {
            "form": rng.choice(["sexual", "labour", "criminal", "", "organ_removal"]),
            "municipality": rng.choice(municipalities),
            "sector": rng.choice(["", "horeca", "land"]),
            "premises": rng.choice(["", "hotel"]),
            "reporter": rng.choice(["anonymous", "citizen", "professional"]),
            "minor": rng.choice(["yes", "no", "no", "no"]),
            "outcome": rng.choice(["", "referred_police", "no_indication"]),
        }
        for dimension, value in record.items():
            key = (month, dimension, value)
            rows[key] = rows.get(key, 0) + 1
    return [(month, dimension, value, count) for (month, dimension, value), count in rows.items()]


def worked_out(table, states):
    """Cells a reader can work out by going through the relations again and again, each time
    using what the previous rounds revealed (constraint propagation over the published sums)."""
    known = {}
    changed = True
    while changed:
        changed = False
        for whole, parts in table.relations:
            hidden = {cell for cell in [whole, *parts] if cell in states and cell not in known}
            unknowns = [(part, 1, states[part]) for part in parts if part in hidden]
            visible = sum(table.values[part] for part in parts if part not in hidden)
            if whole in hidden:
                unknowns.append((whole, -1, states[whole]))
                target = -visible
            else:
                target = table.values[whole] - visible
            for cell in protection.pinned_cells(unknowns, target) if unknowns else []:
                known[cell] = table.values[cell]
                changed = True
    return known


@pytest.mark.parametrize("seed", range(12))
def test_no_small_number_can_be_worked_out_from_totals_rows_or_columns(db, seed):
    rng = random.Random(seed)
    ids = [str(pk) for pk in stats.municipalities()][::17][:12]
    table = stats.linked_table(random_year(rng, ids, rng.choice([30, 80, 300])))
    states = table.protect()
    primaries = {cell for cell, state in states.items() if state == protection.PRIMARY}
    assert primaries, "the generated year should have small numbers"
    revealed = worked_out(table, states)
    assert not primaries & set(revealed), sorted(primaries & set(revealed))


def test_a_quarter_and_its_year_cannot_be_subtracted(db):
    """Municipality X: 7 in the year, 6 in Q3 and 1 in Q4. The Q4 cell is "<5"; the year and Q3
    figures are protected together, so Q4 cannot be computed as year minus Q1-Q3."""
    utrecht = next(iter(stats.municipalities()))
    other = list(stats.municipalities())[1]
    rows = [(8, "municipality", utrecht, 6), (11, "municipality", utrecht, 1)]
    rows += [(month, "municipality", other, 20) for month in (1, 4, 7, 10)]
    for dimension in ("form", "sector", "premises", "reporter", "minor", "outcome"):
        rows += [(8, dimension, "", 6), (11, dimension, "", 1)]
        rows += [(month, dimension, "", 20) for month in (1, 4, 7, 10)]
    table = stats.linked_table(rows)
    states = table.protect()
    assert states[("municipality", "Q4", utrecht)] == protection.PRIMARY
    year_cell, q3_cell = ("municipality", "Y", utrecht), ("municipality", "Q3", utrecht)
    assert year_cell in states or q3_cell in states


# --- the pages --------------------------------------------------------------------------------


def make_report(number, when, **fields):
    from reports.models import Channel, Report, ReporterType

    values = {
        "reference": f"MH-{when.year}-{number:06d}",
        "kind": Kind.REPORT,
        "channel": Channel.PUBLIC,
        "language": "nl",
        "created_at": when,
        "description": "Demo",
        "reporter_type": ReporterType.ANONYMOUS,
        "idempotency_key": uuid.uuid4(),
    }
    values.update(fields)
    return Report.objects.create(**values)


@pytest.fixture
def live_reports(db):
    """2025: Utrecht 3 reports (Q1), Amersfoort 12 (Q1-Q4, criminal), Nieuwegein 8 (Q2)."""
    from regions.models import Municipality

    utrecht, amersfoort, nieuwegein = (
        Municipality.objects.get(code=code) for code in ("GM0344", "GM0307", "GM0356")
    )
    number = itertools.count(1)
    tz = timezone.get_current_timezone()
    for day in range(3):
        make_report(
            next(number),
            datetime(2025, 2, 1 + day, 12, tzinfo=tz),
            municipality=utrecht,
            primary_form="sexual",
            minor_involved=True,
        )
    for month in range(1, 13):
        make_report(
            next(number),
            datetime(2025, month, 10, 12, tzinfo=tz),
            municipality=amersfoort,
            primary_form="criminal",
        )
    for day in range(8):
        make_report(
            next(number),
            datetime(2025, 5, 1 + day, 12, tzinfo=tz),
            municipality=nieuwegein,
            primary_form="labour",
        )
    facts.rebuild()
    return {"utrecht": utrecht, "amersfoort": amersfoort, "nieuwegein": nieuwegein}


def signed_in(client, login, user):
    login(client, user)
    return client


def test_anonymous_visitors_see_nothing(client, live_reports):
    for url in [
        "/monitor/",
        "/monitor/export/per-jaar.csv",
        "/monitor/grafiek/per-jaar.svg",
        "/monitor/kwartaal/",
        "/monitor/kwartaal/2025/1/pdf/",
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/account/inloggen/" in response["Location"], url


@pytest.mark.parametrize(
    "role",
    [
        Role.PROFESSIONAL,
        Role.PARTNER_CASE_WORKER,
        Role.EDITOR,
        Role.PRIVACY_OFFICER,
        Role.ORGANISATION_ADMIN,
        Role.PLATFORM_ADMIN,
    ],
)
def test_roles_without_the_monitor_are_refused(client, login, personas, live_reports, role):
    signed_in(client, login, personas[role])
    for url in [
        "/monitor/",
        "/monitor/export/per-jaar.csv",
        "/monitor/export/alles.xlsx",
        "/monitor/grafiek/per-jaar.png",
        "/monitor/kwartaal/2025/1/",
    ]:
        assert client.get(url).status_code == 403, url
    assert client.post("/monitor/vernieuwen/").status_code == 403


def test_analysts_get_protected_figures_and_the_reporting_point_exact_ones(
    client, login, personas, live_reports
):
    utrecht = str(live_reports["utrecht"].pk)
    signed_in(client, login, personas[Role.ANALYST])
    page = client.get("/monitor/?period=year&year=2025")
    assert page.status_code == 200
    municipality = next(t for t, _svg in page.context["tables"] if t.name == "municipality")
    cells = {label: cells for label, cells, _total in municipality.rows}
    # Utrecht's 3 is protected: "<5", or "x" where the auditor turned the "<5" into "x" to
    # protect it (protection._candidates, rank 2); never the count itself
    assert cells["Utrecht"][0].suppressed
    assert cells["Utrecht"][0].shown in ("<5", "x")
    analysts_mark = cells["Utrecht"][0].shown
    assert cells["Amersfoort"][0].shown in ("12", "x")
    assert "Je ziet exacte aantallen" not in page.content.decode()
    assert client.post("/monitor/vernieuwen/").status_code == 403
    # a date range could be subtracted from a year: analysts cannot ask for one
    page = client.get("/monitor/?period=range&year=2025&start=2025-01&end=2025-11")
    assert page.context["period"].kind == "year"
    client.logout()
    signed_in(client, login, personas[Role.REPORTING_POINT_STAFF])
    page = client.get("/monitor/?period=year&year=2025")
    municipality = next(t for t, _svg in page.context["tables"] if t.name == "municipality")
    cells = {label: cells for label, cells, _total in municipality.rows}
    assert cells["Utrecht"][0].shown == "3"
    page = client.get("/monitor/?period=year&year=2025&protected=on")
    municipality = next(t for t, _svg in page.context["tables"] if t.name == "municipality")
    # the protected view is what analysts get (the same released cells)
    assert {label: c for label, c, _t in municipality.rows}["Utrecht"][0].shown == analysts_mark
    page = client.get("/monitor/?period=range&year=2025&start=2025-02&end=2025-05")
    assert page.context["period"].kind == "range"
    assert utrecht  # the Utrecht reports are in February


def test_bad_period_input_gets_a_dutch_error_and_keeps_what_was_typed(
    client, login, personas, live_reports
):
    signed_in(client, login, personas[Role.REPORTING_POINT_STAFF])
    page = client.get("/monitor/?period=range&year=2025&start=2025-13&end=april")
    assert page.status_code == 200
    html = page.content.decode()
    assert "error-summary" in html
    assert 'value="2025-13"' in html and 'value="april"' in html


def read_csv(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_exports_match_the_screen(client, login, personas, live_reports):
    signed_in(client, login, personas[Role.ANALYST])
    page = client.get("/monitor/?period=quarter&year=2025&quarter=1")
    screen = {t.name: t for t, _svg in page.context["tables"]}
    for name in ("per-jaar", "vorm-per-jaar", "municipality", "form", "minor"):
        rows = read_csv(
            client.get(f"/monitor/export/{name}.csv?period=quarter&year=2025&quarter=1")
        )
        table = screen[name]
        assert rows[1] == [str(h) for h in table.header]
        for (label, cells, _total), row in zip(table.rows, rows[2:], strict=False):
            assert row == [
                label,
                *[c.shown.replace(".", "") if isinstance(c, stats.Cell) else str(c) for c in cells],
            ]
    from openpyxl import load_workbook

    book = load_workbook(
        io.BytesIO(
            client.get("/monitor/export/alles.xlsx?period=quarter&year=2025&quarter=1").content
        )
    )
    sheet = book["municipality"]
    values = {
        row[0]: row[1] for row in sheet.iter_rows(min_row=3, values_only=True) if row and row[0]
    }
    # the same mark as the screen: "<5", or "x" where the auditor had to hide more (3 in Q1)
    utrecht = next(cells for label, cells, _t in screen["municipality"].rows if label == "Utrecht")
    assert utrecht[0].suppressed
    assert values["Utrecht"] == utrecht[0].shown
    assert AuditEvent.objects.filter(action="monitor.exported").count() == 6


def test_two_overlapping_exports_cannot_be_subtracted(client, login, personas, live_reports):
    """The year and its quarters come from one protection pattern: for every municipality, the
    year minus the published quarters never gives a "<5" cell of a quarter."""
    signed_in(client, login, personas[Role.ANALYST])

    def column(query):
        rows = read_csv(client.get(f"/monitor/export/municipality.csv?{query}"))
        return {row[0]: row[1] for row in rows[2:] if len(row) > 1}

    year = column("period=year&year=2025")
    quarters = [column(f"period=quarter&year=2025&quarter={q}") for q in range(1, 5)]
    small = 0
    for name, total in year.items():
        shown = [quarter.get(name, "0") for quarter in quarters]
        hidden = [value for value in shown if not value.isdigit()]
        if any(value == "<5" for value in shown):
            small += 1
            assert not total.isdigit() or len(hidden) >= 2, (name, total, shown)
    assert small  # the data has small quarters: otherwise this checks nothing


def test_charts_download_as_svg_and_png_with_data_tables(client, login, personas, live_reports):
    signed_in(client, login, personas[Role.ANALYST])
    svg = client.get("/monitor/grafiek/per-jaar.svg?period=year&year=2025")
    assert svg["Content-Type"].startswith("image/svg+xml")
    assert b"<svg" in svg.content and b"<title" in svg.content
    png = client.get("/monitor/grafiek/municipality.png?period=year&year=2025")
    assert png.content.startswith(b"\x89PNG")
    page = client.get("/monitor/?period=year&year=2025").content.decode()
    assert page.count('role="img"') == page.count("<figure") >= 3
    assert client.get("/monitor/grafiek/verandering-per-jaar.svg").status_code == 404


def test_the_quarterly_overview_as_page_and_pdf(
    client, login, personas, live_reports, newsletter_history
):
    signed_in(client, login, personas[Role.REPORTING_POINT_STAFF])
    page = client.get("/monitor/kwartaal/2024/1/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "steeg met 60%" in html
    # a small figure in a table cell, escaped (the legend "&lt;5: tussen 1 en 4" is always there)
    assert '<td class="number">&lt;5</td>' in html and "<5" not in html
    pdf = client.get("/monitor/kwartaal/2024/1/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    document = pypdfium2.PdfDocument(io.BytesIO(pdf.content))
    text = " ".join(" ".join(p.get_textpage().get_text_range() for p in document).split())
    assert text.startswith(
        "Kwartaaloverzicht K1 2024 Per jaar: 2023 vergeleken met 2022. Per kwartaal: over K1 2024 "
        "zijn geen gegevens. Het aantal meldingen steeg met 60% "
    )
    assert "Criminele uitbuiting −33% +65% +165%" in text  # the minus sign U+2212
    assert "<5: tussen 1 en 4; x: niet getoond" in text  # the protection legend
    assert text.endswith("Pagina 2 van 2")
    assert client.get("/monitor/kwartaal/2024/5/").status_code == 404


def test_the_dashboard_needs_the_same_number_of_queries_for_more_data(
    client, login, personas, live_reports, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    signed_in(client, login, personas[Role.ANALYST])
    client.get("/monitor/?period=year&year=2025")  # warm the per-process lists
    with CaptureQueriesContext(connection) as few:
        client.get("/monitor/?period=year&year=2025")
    tz = timezone.get_current_timezone()
    from regions.models import Municipality

    for number, municipality in enumerate(Municipality.objects.all()[:60]):
        make_report(
            1000 + number,
            datetime(2024 - number % 5, 1 + number % 12, 3, tzinfo=tz),
            municipality=municipality,
            primary_form="labour",
        )
    facts.rebuild()
    # warm again: per-process lists may be refilled once after a recount (constant work, and
    # whether it happens depends on the tests run before); what must not grow is the rest
    client.get("/monitor/?period=year&year=2025")
    with CaptureQueriesContext(connection) as many:
        client.get("/monitor/?period=year&year=2025")
    assert len(many) == len(few)


def test_imported_and_live_figures_add_up(newsletter_history, live_reports):
    data = stats.series(exact=True)
    assert data.years == [*YEARS, 2024, 2025]  # 2024 without figures, shown as such
    assert numbers(data.kinds[Kind.REPORT]) == [*NEWSLETTER_TABLE_1[Kind.REPORT], 0, 23]
    assert [cell.missing for cell in data.kinds[Kind.REPORT]] == [False] * 4 + [True, False]


def test_a_big_installation_counts_in_the_background_first(
    db, monkeypatch, client, login, personas
):
    """Upgrading an installation with many reports: the first view does not count a million
    reports itself but leaves it to the worker and says so."""
    from monitor import tasks
    from monitor.models import Refresh

    monkeypatch.setattr(facts, "COUNT_AT_ONCE", -1)
    queued = []
    monkeypatch.setattr(tasks, "request_refresh", lambda: queued.append(1))
    login(client, personas[Role.ANALYST])
    page = client.get("/monitor/")
    assert page.status_code == 200
    assert queued and not Refresh.objects.exists()
    assert "worden voor het eerst geteld" in page.content.decode()


def test_analysts_never_reach_a_single_report(client, login, personas, live_reports):
    from reports.models import Report

    report = Report.objects.first()
    signed_in(client, login, personas[Role.ANALYST])
    for url in ["/meldpunt/", f"/meldpunt/{report.reference}/"]:
        assert client.get(url).status_code == 403, url  # the rule, before any lookup
    for url in ["/monitor/?period=year&year=2025", "/monitor/kwartaal/2025/2/"]:
        html = client.get(url).content.decode()
        assert "/meldpunt/" not in html and report.reference not in html


def test_period_input_that_is_no_year_falls_back_with_an_error(
    client, login, personas, live_reports
):
    signed_in(client, login, personas[Role.ANALYST])
    page = client.get("/monitor/?period=year&year=tweeduizend")
    assert page.status_code == 200
    assert "error-summary" in page.content.decode()
    assert page.context["period"].kind == "year"
    assert client.get("/monitor/export/geen-tabel.csv?period=year&year=2025").status_code == 404
    assert client.get("/monitor/export/per-jaar.exe?period=year&year=2025").status_code == 404


def test_exports_keep_dutch_accents(client, login, personas, db):
    """Súdwest-Fryslân in Fryslân: the CSV (UTF-8 with BOM) and the XLSX keep the accents."""
    from openpyxl import load_workbook

    from regions.models import Municipality

    frisian = Municipality.objects.filter(name__contains="â").first()
    tz = timezone.get_current_timezone()
    for number in range(6):
        make_report(number + 1, datetime(2025, 3, 1 + number, 12, tzinfo=tz), municipality=frisian)
    facts.rebuild()
    signed_in(client, login, personas[Role.REPORTING_POINT_STAFF])
    query = "period=year&year=2025"
    rows = read_csv(client.get(f"/monitor/export/municipality.csv?{query}"))
    assert [frisian.name, "6", "0"] in rows
    provinces = read_csv(client.get(f"/monitor/export/province.csv?{query}"))
    assert ["Fryslân", "6", "0"] in provinces
    book = load_workbook(io.BytesIO(client.get(f"/monitor/export/alles.xlsx?{query}").content))
    assert (frisian.name, 6, 0) in list(book["municipality"].iter_rows(values_only=True))
    assert "Fryslân" in client.get(f"/monitor/?{query}").content.decode()
