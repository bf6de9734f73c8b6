"""Text extraction: PDF (PDFium in a child process, pdftotext as fallback), DOCX, XLSX; cleaning;
the time limit; the task and the extract_documents command.

Every file is generated here (content.pdfgen, python-docx, openpyxl). This module imports no models
at the top: run_in_worker's children import it to find _sleep_and_record, without Django set up.
"""

import io
import os
import sys
import time
import types
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from content import extraction
from content.extraction import ExtractionTimeout, WorkerCrashed, clean_text, extract, run_in_worker
from content.pdfgen import make_blank_pdf, make_encrypted_pdf, make_pdf

# Three pages, two columns; accents, a diaeresis and curly apostrophes.
PAGES = [
    [
        "De coördinator belt het slachtoffer één keer per week en legt elk gesprek vast.",
        "Signalen van uitbuiting zijn soms subtiel: een werkgever die het paspoort ‘bewaart’.",
        "Naïeve aannames over slachtoffers staan het herkennen van signalen in de weg.",
        "Het café aan de haven bleek een dekmantel voor arbeidsuitbuiting van seizoenswerkers.",
        "Financiële afhankelijkheid en schulden creëren een situatie waarin niemand durft te "
        "praten.",
        "De gemeente coördineert de opvang; politie en Veilig Thuis zijn er vanaf het begin bij.",
    ],
    [
        "Een slachtoffer heeft recht op bedenktijd, ook wanneer er (nog) geen aangifte is.",
        "Professionals twijfelen of wat zij zien ‘genoeg’ is; bespreek het met een collega.",
        "In het casusoverleg worden afspraken gemaakt over wie wat doet na een signaal.",
        "Minderjarigen krijgen extra bescherming en worden altijd besproken in het overleg.",
    ],
    [
        "Het rapport beschrijft hoe ’s nachts gewerkt wordt in distributiecentra.",
        "Uitzendbureaus die huisvesting en werk koppelen, vergroten de afhankelijkheid.",
        "Tot slot: elke melding telt, ook wanneer het beeld nog onvolledig is.",
    ],
]


def pdf_bytes(**kwargs):
    buffer = io.BytesIO()
    make_pdf(buffer, **{"title": "Signalen herkennen", "paragraphs_by_page": PAGES, **kwargs})
    return buffer.getvalue()


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def words(text):
    return " ".join(text.split())


# --- PDF ------------------------------------------------------------------------------------------


def test_two_column_pdf_with_accents_in_reading_order(tmp_path):
    path = write(tmp_path, "kolommen.pdf", pdf_bytes(columns=2))
    # The layout really has two columns: the right half of page 1 holds text.
    with pdfium.PdfDocument(path) as pdf:
        page = pdf[0]
        width, height = page.get_size()
        right_half = page.get_textpage().get_text_bounded(left=width / 2 + 5, top=height - 120)
        assert len(right_half.strip()) > 50

    result = extract(path, "pdf")

    assert result.status == "done", result.error
    assert result.page_count == 3
    assert result.error == ""
    assert result.text.startswith("Signalen herkennen")
    text = words(result.text)
    positions = []
    for paragraph in [paragraph for page in PAGES for paragraph in page]:
        assert paragraph in text, paragraph
        positions.append(text.index(paragraph))
    assert positions == sorted(positions), "paragraphs out of order"
    # Pages are separated by paragraph breaks, and the footer is there once per page.
    assert result.text.count("\n\n") >= 2
    assert "Pagina 3 van 3" in text


def test_one_column_pdf(tmp_path):
    path = write(tmp_path, "doc.pdf", pdf_bytes(columns=1, author="CoMensha"))
    result = extract(path, ".PDF")
    assert result.status == "done"
    assert result.page_count == 3
    assert PAGES[2][0] in words(result.text)


def test_words_hyphenated_over_lines_are_joined(tmp_path):
    paragraph = (
        "Dit gaat over uit-\nbuiting in Noord-\nHolland, over het zorg-\nen veiligheidshuis en "
        "over de ‘loverboy’-\nmethode."
    )
    path = write(
        tmp_path, "afbreken.pdf", pdf_bytes(paragraphs_by_page=[[paragraph]], title="Afbreken")
    )
    text = extract(path, "pdf").text
    assert (
        "Dit gaat over uitbuiting in Noord-Holland, over het zorg- en veiligheidshuis en over "
        "de ‘loverboy’-methode." in text
    )


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"Dit is geen PDF maar platte tekst.\n" * 20, id="garbage"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog", id="header"),
        pytest.param("half", id="truncated"),
    ],
)
def test_broken_pdf_fails_without_raising(tmp_path, data):
    if data == "half":
        whole = pdf_bytes()
        data = whole[: len(whole) // 2]
    result = extract(write(tmp_path, "kapot.pdf", data), "pdf")
    assert result.status == "failed"
    assert result.text == ""
    assert "PDFium" in result.error and "pdftotext" in result.error
    assert len(result.error) <= 500


def test_pdftotext_takes_over_when_pdfium_fails(tmp_path, monkeypatch):
    path = write(tmp_path, "doc.pdf", pdf_bytes())
    monkeypatch.setattr(
        extraction, "_pdf_with_pdfium", lambda path, limit: {"status": "failed", "error": "x"}
    )
    monkeypatch.setattr(extraction, "run_in_worker", lambda func, *args, timeout: func(*args))
    result = extract(path, "pdf")
    assert result.status == "done"
    assert result.page_count == 3
    assert PAGES[1][1] in words(result.text)


def test_encrypted_pdf(tmp_path):
    buffer = io.BytesIO()
    make_encrypted_pdf(buffer, title="Vertrouwelijk", paragraphs_by_page=[["Geheime tekst."]])
    result = extract(write(tmp_path, "geheim.pdf", buffer.getvalue()), "pdf")
    assert result.status == "encrypted"
    assert result.text == ""
    assert "password" in result.error


def test_pdf_without_text_layer(tmp_path):
    buffer = io.BytesIO()
    make_blank_pdf(buffer, pages=2)
    result = extract(write(tmp_path, "scan.pdf", buffer.getvalue()), "pdf")
    assert result.status == "no_text"
    assert result.page_count == 2
    assert result.text == ""


# --- DOCX, XLSX, images ---------------------------------------------------------------------------


def test_docx_paragraphs_and_tables(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Werkinstructie signalering", level=1)
    document.add_paragraph("Eerste stap: bespreek het signaal met een collega.")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Organisatie"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Rol in de keten"
    table.cell(1, 0).text = "Veilig Thuis"
    table.cell(1, 1).text = "advies"
    table.cell(1, 2).text = "melding"
    document.add_paragraph("Laatste stap: leg de afspraken vast in het dossier.")
    path = tmp_path / "instructie.docx"
    document.save(path)

    result = extract(path, "docx")

    assert result.status == "done"
    assert result.page_count is None
    assert result.text.split("\n\n") == [
        "Werkinstructie signalering",
        "Eerste stap: bespreek het signaal met een collega.",
        "Organisatie",
        "Rol in de keten",  # a merged cell once
        "Veilig Thuis",
        "advies",
        "melding",
        "Laatste stap: leg de afspraken vast in het dossier.",
    ]


def test_xlsx_cell_values(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Meldingen"
    sheet.append(["Gemeente", "Aantal", "Vorm"])
    sheet.append(["Utrecht", 12, "arbeidsuitbuiting"])
    sheet.append([None, None, None])
    sheet.append(["Amersfoort", 3.5, "criminele uitbuiting"])
    workbook.create_sheet("Toelichting").append(["Cijfers over één jaar."])
    path = tmp_path / "cijfers.xlsx"
    workbook.save(path)

    result = extract(path, "xlsx")

    assert result.status == "done"
    assert "Meldingen Gemeente Aantal Vorm Utrecht 12 arbeidsuitbuiting" in result.text
    assert "Amersfoort 3.5 criminele uitbuiting" in result.text
    assert result.text.endswith("Toelichting Cijfers over één jaar.")


def test_broken_docx_and_xlsx_fail(tmp_path):
    for name in ["kapot.docx", "kapot.xlsx"]:
        result = extract(write(tmp_path, name, b"PK\x03\x04 geen zip"), name.rsplit(".")[-1])
        assert result.status == "failed"
        assert result.error


@pytest.mark.parametrize("extension", ["png", "jpg", "jpeg"])
def test_images_have_nothing_to_extract(tmp_path, extension):
    result = extract(write(tmp_path, f"foto.{extension}", b"\x89PNG..."), extension)
    assert (result.status, result.text, result.page_count) == ("not_applicable", "", None)


# --- cleaning -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("uit-\nbuiting", "uitbuiting"),
        ("uit-\r\n  buiting", "uitbuiting"),
        ("uit\ufffebuiting", "uitbuiting"),  # PDFium's mark for a joined line-end hyphen
        ("ver\u00ad\nkeerd en ver\u00adkeerd", "verkeerd en verkeerd"),
        ("Noord-\nHolland", "Noord-Holland"),
        ("COVID-\n19", "COVID-19"),
        ("zorg-\nen veiligheidshuis", "zorg- en veiligheidshuis"),
        ("lijst:\n- een\n- twee", "lijst: - een - twee"),
        ("Nul\x00bytes en\x07 bel\x1b", "Nulbytes en bel"),
        ("e\u0301e\u0308n ﬁets", "éën fiets"),  # NFC, ligature
        ("een  twee\t drie\nvier\n\n\n  vijf\fzes", "een twee drie vier\n\nvijf\n\nzes"),
        ("  \n\n \x00 ", ""),
    ],
)
def test_clean_text(raw, clean, settings):
    assert clean_text(raw) == clean


def test_clean_text_truncates_at_a_word_boundary(settings):
    settings.SIGNAAL_EXTRACTED_TEXT_LIMIT = 22
    assert clean_text("Mensenhandel is een ernstig misdrijf.") == "Mensenhandel is een"
    assert clean_text("Mensenhandel", limit=5) == "Mensenhandel"[:5]  # no boundary: a hard cut
    assert clean_text("kort genoeg", limit=11) == "kort genoeg"


def test_extracted_text_is_limited(tmp_path, settings):
    path = write(tmp_path, "doc.pdf", pdf_bytes())
    whole = extract(path, "pdf").text
    settings.SIGNAAL_EXTRACTED_TEXT_LIMIT = 300
    result = extract(path, "pdf")
    assert result.status == "done"
    assert result.page_count == 3
    assert 250 < len(result.text) <= 300
    assert whole.startswith(result.text + " ")  # cut between words


# --- the time limit -------------------------------------------------------------------------------


def _sleep_and_record(pid_file):
    Path(pid_file).write_text(str(os.getpid()))
    time.sleep(60)


def _raise_value_error():
    raise ValueError("stuk")


def _crash():
    os._exit(3)


def _gone(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    with open(f"/proc/{pid}/stat") as stat:  # killed, not yet reaped
        return stat.read().split(") ")[1].startswith("Z")


def test_time_limit_kills_the_child(tmp_path):
    pid_file = tmp_path / "pid"
    started = time.monotonic()
    with pytest.raises(ExtractionTimeout):
        run_in_worker(_sleep_and_record, str(pid_file), timeout=1.5)
    assert time.monotonic() - started < 10
    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(pid)


def test_slow_extraction_fails_with_a_clear_error(tmp_path, settings):
    settings.SIGNAAL_EXTRACTION_SECONDS = 0.001
    result = extract(write(tmp_path, "doc.pdf", pdf_bytes()), "pdf")
    assert result.status == "failed"
    assert result.error == "Text extraction took longer than 0.001 seconds and was stopped."


def test_worker_errors_and_crashes_come_back_as_exceptions():
    with pytest.raises(WorkerCrashed, match="ValueError: stuk"):
        run_in_worker(_raise_value_error, timeout=30)
    with pytest.raises(WorkerCrashed, match="exit code 3"):
        run_in_worker(_crash, timeout=30)
    assert run_in_worker(sorted, [3, 1, 2], timeout=30) == [1, 2, 3]


def test_a_crashing_pdfium_falls_back_to_pdftotext(tmp_path, monkeypatch):
    path = write(tmp_path, "doc.pdf", pdf_bytes())
    monkeypatch.setattr(extraction, "_pdf_with_pdfium", _crash_with_args)
    result = extract(path, "pdf")
    assert result.status == "done"
    assert PAGES[0][0] in words(result.text)


def _crash_with_args(*args):
    os._exit(11)


# --- the task and the command ---------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def make_document(db, media):
    from django.core.files.base import ContentFile
    from wagtail.models import Collection

    from content.models import KnowledgeDocument

    def make(name, data, **fields):
        return KnowledgeDocument.objects.create(
            title=name,
            file=ContentFile(data, name=name),
            collection=Collection.get_first_root_node(),
            **fields,
        )

    return make


def test_task_records_a_failure_and_the_next_document_still_extracts(make_document):
    from django_tasks import TaskResultStatus

    from content.tasks import extract_document_text

    broken = make_document("kapot.pdf", b"%PDF-1.4 kapot")
    good = make_document("goed.pdf", pdf_bytes(columns=2))

    first = extract_document_text.enqueue(broken.pk)
    second = extract_document_text.enqueue(good.pk)

    assert first.status == second.status == TaskResultStatus.SUCCESSFUL
    assert (first.return_value, second.return_value) == ("failed", "done")
    broken.refresh_from_db()
    good.refresh_from_db()
    assert broken.extraction_status == "failed"
    assert "PDFium" in broken.extraction_error
    assert broken.text == ""
    assert broken.extracted_at is not None
    assert good.extraction_status == "done"
    assert good.extraction_error == ""
    assert good.page_count == 3
    assert PAGES[0][1] in words(good.text)
    assert good.extracted_at is not None


def test_task_keeps_a_page_count_the_editor_entered(make_document):
    from content.tasks import extract_document_text

    document = make_document("doc.pdf", pdf_bytes(), page_count=120)
    extract_document_text.enqueue(document.pk)
    document.refresh_from_db()
    assert document.extraction_status == "done"
    assert document.page_count == 120


def test_task_survives_an_unexpected_error(make_document, monkeypatch):
    from content import tasks

    document = make_document("doc.pdf", pdf_bytes())
    monkeypatch.setattr(tasks, "extract", lambda path, extension: 1 / 0)
    result = tasks.extract_document_text.enqueue(document.pk)
    assert result.return_value == "failed"
    document.refresh_from_db()
    assert document.extraction_status == "failed"
    assert document.extraction_error.startswith("Unexpected error during extraction")


def test_task_on_a_missing_file_or_document(make_document, media):
    from content.tasks import extract_document_text

    document = make_document("weg.pdf", pdf_bytes())
    os.remove(document.file.path)
    assert extract_document_text.enqueue(document.pk).return_value == "failed"
    document.refresh_from_db()
    assert document.extraction_error == "The file is missing."
    assert extract_document_text.enqueue(document.pk + 1000).return_value is None


def test_task_drops_the_result_when_the_file_was_replaced(make_document, monkeypatch):
    from content import tasks
    from content.models import KnowledgeDocument

    document = make_document("oud.pdf", pdf_bytes())
    real_extract = tasks.extract

    def extract_while_an_editor_uploads(path, extension):
        KnowledgeDocument.objects.filter(pk=document.pk).update(file="documents/nieuw.pdf")
        return real_extract(path, extension)

    monkeypatch.setattr(tasks, "extract", extract_while_an_editor_uploads)
    assert tasks.extract_document_text.enqueue(document.pk).return_value is None
    document.refresh_from_db()
    assert document.extraction_status == "pending"


def test_task_calls_the_indexing_hook_when_there_is_one(make_document, monkeypatch):
    from content.tasks import extract_document_text

    indexed = []
    hook = types.ModuleType("content.indexing")
    hook.index_document = lambda document: indexed.append((document.pk, document.text[:9]))
    monkeypatch.setitem(sys.modules, "content.indexing", hook)
    document = make_document("doc.pdf", pdf_bytes())
    extract_document_text.enqueue(document.pk)
    assert indexed == [(document.pk, "Signalen ")]

    def broken_hook(document):
        raise RuntimeError("index stuk")

    hook.index_document = broken_hook
    assert extract_document_text.enqueue(document.pk).return_value == "done"


def test_task_without_an_indexing_module(make_document, monkeypatch):
    from content.tasks import extract_document_text

    monkeypatch.setitem(sys.modules, "content.indexing", None)  # import raises ModuleNotFoundError
    document = make_document("doc.pdf", pdf_bytes())
    assert extract_document_text.enqueue(document.pk).return_value == "done"


def test_enqueue_extraction_after_commit(make_document, django_capture_on_commit_callbacks):
    from content.models import ExtractionStatus, KnowledgeDocument
    from content.tasks import enqueue_extraction

    document = make_document("doc.pdf", pdf_bytes())
    KnowledgeDocument.objects.filter(pk=document.pk).update(
        extraction_status=ExtractionStatus.FAILED, extraction_error="oud"
    )
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_extraction(document)
        document.refresh_from_db()
        assert document.extraction_status == ExtractionStatus.PENDING
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE


def test_command_extracts_everything_and_prints_a_summary(make_document):
    from django.core.management import call_command

    from content.models import KnowledgeDocument

    good = make_document("goed.pdf", pdf_bytes())
    make_document("kapot.pdf", b"niet echt een pdf")
    make_document("foto.png", b"\x89PNG\r\n\x1a\n")
    make_document("nog een.pdf", pdf_bytes(columns=2))

    out = io.StringIO()
    call_command("extract_documents", stdout=out)
    summary = out.getvalue()
    assert "Extracted 4 documents." in summary
    assert "  done: 2 " in summary
    assert "  failed: 1 " in summary
    assert "  not_applicable: 1 " in summary
    assert set(KnowledgeDocument.objects.values_list("extraction_status", flat=True)) == {
        "done",
        "failed",
        "not_applicable",
    }

    KnowledgeDocument.objects.filter(pk=good.pk).update(extraction_status="pending", text="")
    out = io.StringIO()
    call_command("extract_documents", "--pending", stdout=out)
    first, second = out.getvalue().splitlines()[:2]
    assert first == "Extracted 1 document."
    assert second.startswith("  done: 1 (")  # and the status's label, in the active language
    good.refresh_from_db()
    assert good.extraction_status == "done"

    out = io.StringIO()
    call_command("extract_documents", "--id", str(good.pk), stdout=out)
    assert "Extracted 1 document." in out.getvalue()
    assert "  done: 1" in out.getvalue()


def test_command_refuses_an_unknown_id(db):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="No document with id 999"):
        call_command("extract_documents", "--id", "999")
