"""History reads right: imported records can be closed with an unknown outcome, years without
figures are shown as such and never skipped in a comparison, the quarterly overview says what it
compares; XLSX exports hold numbers, the PDF wraps its labels."""

# ruff: noqa: F811 - the fixtures of test_history and test_monitor are imported as fixtures

import io
from datetime import datetime

import pypdfium2
import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook

from accounts.models import Role
from core.exports import PERCENT_FORMAT
from monitor import facts, protection, stats
from monitor.overview_pdf import render_pdf
from monitor.tests.test_history import RECORDS_HEADER, private_dir, staff, upload  # noqa: F401
from monitor.tests.test_monitor import (  # noqa: F401
    NEWSLETTER_TABLE_1,
    NEWSLETTER_TABLE_2,
    make_report,
    newsletter_history,
    numbers,
)
from reports.models import Kind

pytestmark = pytest.mark.django_db


def outcome_rows(year):
    with translation.override("nl"):
        found = stats.breakdowns(stats.Period.year(year), exact=True)["outcome"]
        return {label: cells[Kind.REPORT].value for _value, label, cells in found.rows}


def test_a_record_can_be_closed_with_its_outcome_unknown(upload):
    rows = [
        "2021-02-01;melding;;;;;;;Afgesloten, uitkomst onbekend;R1",
        "2021-03-01;melding;;;;;;;closed_unknown;R2",
        "2021-04-01;melding;;;;;;;afgesloten;R3",
        "2021-05-01;melding;;;;;;;;R4",
        "2021-06-01;melding;;;;;;;referred_police;R5",
    ]
    upload("\n".join([RECORDS_HEADER, *rows]) + "\n", batch_format="records")
    assert outcome_rows(2021) == {
        "Afgesloten, uitkomst onbekend": 3,
        "Doorverwezen naar de politie": 1,
        "Nog open": 1,
    }


def test_history_counted_per_year_is_not_still_open(newsletter_history):
    assert outcome_rows(2023) == {"Onbekend": 118}


@pytest.fixture
def live_2026(db):
    """Reports in Signaal from 2026 only: 3 in Q1, 7 in Q3."""
    tz = timezone.get_current_timezone()
    for number in range(10):
        month = 2 if number < 3 else 8
        make_report(
            number + 1, datetime(2026, month, 1 + number, 12, tzinfo=tz), primary_form="criminal"
        )
    facts.rebuild()


def test_years_without_figures_are_shown_and_never_compared_across(
    newsletter_history, live_2026, client, login, personas
):
    data = stats.series(exact=True)
    assert data.years == [2020, 2021, 2022, 2023, 2024, 2025, 2026]
    reports = data.kinds[Kind.REPORT]
    assert numbers(reports[:4]) == NEWSLETTER_TABLE_1[Kind.REPORT]  # Table 1 still exact
    assert [cell.missing for cell in reports] == [False] * 4 + [True, True, False]
    assert reports[-1].value == 10
    with translation.override("nl"):
        assert [cell.shown for cell in reports[4:6]] == ["geen gegevens", "geen gegevens"]
        # the newsletter's changes stay; nothing is compared with a year without figures
        assert data.kind_changes[Kind.REPORT] == [None, -28, 40, 60, None, None, None]
        assert stats.sentences(data) == [
            "Over 2025 zijn geen gegevens, dus 2026 wordt niet vergeleken met het jaar ervoor."
        ]
    criminal = next(cells for value, _l, cells, _c in data.forms if value == "criminal")
    assert numbers(criminal[:4]) == NEWSLETTER_TABLE_2["criminal"]

    login(client, personas[Role.REPORTING_POINT_STAFF])
    html = client.get("/monitor/?period=year&year=2026").content.decode()
    assert "ten opzichte van 2023" not in html
    assert '<td class="number">geen gegevens</td>' in html
    assert "Over 2025 zijn geen gegevens" in html


def test_a_year_without_figures_as_the_last_year_says_so(newsletter_history):
    data = stats.series(exact=True, last_year=2025)
    assert data.years[-2:] == [2024, 2025]
    with translation.override("nl"):
        assert stats.sentences(data) == ["Over 2025 zijn geen gegevens."]


def test_the_quarterly_overview_says_what_it_compares(
    newsletter_history, live_2026, client, login, personas
):
    login(client, personas[Role.ANALYST])
    html = client.get("/monitor/kwartaal/2026/3/").content.decode()
    assert "Per jaar: over 2025 zijn geen gegevens." in html
    assert (
        "Per kwartaal: over K3 2025 zijn geen gegevens, dus K3 2026 wordt met geen ander "
        "kwartaal vergeleken." in html
    )
    assert "Meldingen per uitbuitingsvorm: K3 2026 vergeleken met K3 2025" in html
    assert "2023 vergeleken" not in html and "ten opzichte van 2023" not in html
    assert "ten opzichte van 2022" not in html  # the 2023-versus-2022 sentence is not repeated

    # figures in Q3 2025 too: now the quarters are compared, and 2025 with 2024 is not
    tz = timezone.get_current_timezone()
    for number in range(6):
        make_report(100 + number, datetime(2025, 8, 1 + number, 12, tzinfo=tz))
    facts.rebuild()
    html = client.get("/monitor/kwartaal/2026/3/").content.decode()
    assert "Per kwartaal: K3 2026 vergeleken met K3 2025." in html
    assert (
        "Per jaar: over 2024 zijn geen gegevens, dus 2025 wordt met geen ander jaar vergeleken."
        in html
    )


def test_xlsx_years_counts_and_changes_are_numbers(newsletter_history, client, login, personas):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    content = client.get("/monitor/export/alles.xlsx?period=year&year=2023").content
    book = load_workbook(io.BytesIO(content))
    table1 = list(book["per-jaar"].iter_rows(min_row=2, max_row=3))
    assert [(c.value, c.data_type) for c in table1[0][1:]] == [
        (year, "n") for year in (2020, 2021, 2022, 2023)
    ]
    assert [(c.value, c.data_type) for c in table1[1][1:]] == [
        (count, "n") for count in NEWSLETTER_TABLE_1[Kind.REPORT]
    ]
    changes = list(book["verandering-per-jaar"].iter_rows(min_row=3, max_row=3))[0]
    assert changes[1].value is None
    assert [c.value for c in changes[2:]] == [pytest.approx(v) for v in (-0.28, 0.40, 0.60)]
    assert {(c.data_type, c.number_format) for c in changes[2:]} == {("n", PERCENT_FORMAT)}
    forms = book["vorm-verandering"]
    criminal = next(row for row in forms.iter_rows(min_row=3) if row[0].value.startswith("Crim"))
    assert [c.value for c in criminal[2:]] == [pytest.approx(v) for v in (-0.33, 0.65, 1.65)]
    assert {c.number_format for c in criminal[2:]} == {PERCENT_FORMAT}


def test_protected_xlsx_keeps_suppressed_cells_as_text(newsletter_history, client, login, personas):
    login(client, personas[Role.ANALYST])
    content = client.get("/monitor/export/alles.xlsx?period=year&year=2023").content
    sheet = load_workbook(io.BytesIO(content))["vorm-per-jaar"]
    header = list(next(sheet.iter_rows(min_row=2, max_row=2)))
    assert [(c.value, c.data_type) for c in header[1:]] == [
        (year, "n") for year in (2020, 2021, 2022, 2023)
    ]
    cells = [c for row in sheet.iter_rows(min_row=3) for c in row[1:] if c.value is not None]
    texts = {c.value for c in cells if c.data_type == "s"}
    assert texts and texts <= {f"<{protection.small_number() + 1}", "x"}
    assert all(isinstance(c.value, int) for c in cells if c.data_type == "n")


def test_a_year_without_figures_is_text_in_the_xlsx(
    newsletter_history, live_2026, client, login, personas
):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    content = client.get("/monitor/export/per-jaar.xlsx?period=year&year=2026").content
    rows = list(load_workbook(io.BytesIO(content))["per-jaar"].iter_rows(values_only=True))
    assert rows[1][1:] == (2020, 2021, 2022, 2023, 2024, 2025, 2026)
    assert rows[2][1:] == (74, 53, 74, 118, "geen gegevens", "geen gegevens", 10)


LONG_LABEL = (
    "Gemeente Beemsterpolderwaard aan de Oude Vecht en de Kromme Rijn met Wijk bij Duurstede, "
    "Houten-Zuid, Nieuwegein-Noord en Lopikerwaard (samenwerkingsverband Utrecht-Zuidoost)"
)
LONG_FORM = "Criminele uitbuiting, waaronder gedwongen drugssmokkel en drugsteelt in woningen"


def label_boxes(document, label):
    """The boxes of the characters of `label` on the first page where it is found, in order."""
    wanted = "".join(label.split())
    for page in document:
        text = page.get_textpage()
        chars = [
            (text.get_text_range(index, 1), text.get_charbox(index))
            for index in range(text.count_chars())
        ]
        visible = [(ch, box) for ch, box in chars if ch.strip()]
        stream = "".join(ch for ch, _box in visible)
        start = stream.find(wanted)
        if start >= 0:
            return [box for _ch, box in visible[start : start + len(wanted)]]
    return []


def test_pdf_labels_wrap_within_their_column_and_are_never_cut():
    table = stats.TableData(
        "municipality",
        "Gemeenten",
        ["Gemeente", "Meldingen", "Adviezen"],
        [
            (LONG_LABEL, [stats.Cell(12), stats.Cell(3, protection.PRIMARY)], False),
            ("Utrecht", [stats.Cell(7), stats.Cell(0)], False),
        ],
    )
    quarter = stats.TableData(
        "kwartaal",
        "Meldingen per uitbuitingsvorm",
        ["Vorm", "K3 2025", "K3 2026", "Verandering"],
        [(LONG_FORM, [stats.Cell(5), stats.Cell(9), "+80%"], False)],
    )
    with translation.override("nl"):
        content = render_pdf(stats.Period.quarter(2026, 3), [table], quarter, [], "legenda")
    document = pypdfium2.PdfDocument(content)
    text = " ".join(" ".join(page.get_textpage().get_text_range() for page in document).split())
    assert LONG_LABEL in text
    assert LONG_FORM in text
    assert "…" not in text
    # Every character of the labels lies inside the first column (left margin 20 mm, 62 mm wide
    # with three or more columns), over more than one line.
    points = 72 / 25.4
    left, right = 20 * points, (20 + 62) * points
    for label in (LONG_LABEL, LONG_FORM):
        boxes = label_boxes(document, label)
        assert len(boxes) == len("".join(label.split()))
        assert all(left - 0.5 <= box[0] and box[2] <= right + 0.5 for box in boxes), label
        assert len({round(box[1]) for box in boxes}) >= 2, "wrapped over lines"
    # the figures of the row stay in their own columns, right of the label
    figures = label_boxes(document, "12<5")
    assert figures and all(box[0] > right for box in figures)
    document.close()
