"""Text and page counts from uploaded documents, for search and the document library.

Every parser runs in a child process that is killed when the time limit
(SIGNAAL_EXTRACTION_SECONDS) runs out, with a memory limit: a hostile or broken file can cost one
failed document, never a hung or crashed task worker. PDFium (pypdfium2) is not thread-safe
either, so a process per document is the right isolation anyway.

The children are forked from a small *fork server* that has already imported pypdfium2,
python-docx and openpyxl: starting one costs a few milliseconds instead of a Python start-up. The
fork server itself starts on first use, once per worker process.

PDF: pypdfium2 (text per page in reading order, page count). When PDFium cannot read a file, and
it is not because of a password, poppler's pdftotext gets the rest of the time. DOCX: paragraphs
and tables with python-docx. XLSX: cell values with openpyxl (read-only). Images: nothing to do.
"""

import logging
import multiprocessing
import os
import re
import resource
import shutil
import subprocess
import time
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings

logger = logging.getLogger(__name__)

IMAGE_EXTENSIONS = {"png", "jpg", "jpeg", "gif", "webp", "tif", "tiff", "bmp", "svg"}
EXTRACTORS = {"pdf", "docx", "xlsx"}
# Address space a child may use; PDFium needs a few tens of MB for ordinary documents.
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
# A child stops collecting text once it has this many times the stored limit (cleaning only
# shortens text), so a 5,000-page PDF does not send megabytes through the pipe for nothing.
RAW_TEXT_FACTOR = 2

# Statuses as the child reports them; extract() turns them into content.models.ExtractionStatus.
DONE, NO_TEXT, FAILED, ENCRYPTED, NOT_APPLICABLE = (
    "done",
    "no_text",
    "failed",
    "encrypted",
    "not_applicable",
)
ERROR_LENGTH = 500  # KnowledgeDocument.extraction_error


@dataclass(frozen=True)
class Extraction:
    text: str
    page_count: int | None
    status: str  # an ExtractionStatus
    error: str = ""


class ExtractionTimeout(Exception):
    pass


class WorkerCrashed(Exception):
    pass


# --- the public entry point -----------------------------------------------------------------------


def extract(path, extension, *, timeout=None):
    """Read the text of the file at `path`; `extension` ("pdf", ".DOCX", …) says what it is.
    Never raises for a bad file: problems come back as a status with a short error."""
    from .models import ExtractionStatus

    extension = (extension or "").lower().lstrip(".")
    timeout = settings.SIGNAAL_EXTRACTION_SECONDS if timeout is None else timeout
    limit = settings.SIGNAAL_EXTRACTED_TEXT_LIMIT
    if extension not in EXTRACTORS:
        return Extraction("", None, ExtractionStatus.NOT_APPLICABLE)
    path = os.path.abspath(os.fspath(path))
    deadline = time.monotonic() + timeout
    raw = _extract_raw(extension, path, deadline, timeout, limit * RAW_TEXT_FACTOR)
    status = raw["status"]
    text = ""
    if status == DONE:
        text = clean_text(raw["text"], limit=limit)
        if not _WORD.search(text):
            status, text = NO_TEXT, ""
    return Extraction(
        text=text,
        page_count=raw.get("page_count"),
        status=ExtractionStatus(status),
        error=_short(raw.get("error", "")),
    )


def _extract_raw(extension, path, deadline, timeout, raw_limit):
    def remaining():
        return max(0.0, deadline - time.monotonic())

    worker = {"pdf": _pdf_with_pdfium, "docx": _docx_text, "xlsx": _xlsx_text}[extension]
    try:
        result = run_in_worker(worker, path, raw_limit, timeout=remaining())
    except ExtractionTimeout:
        return _timed_out(timeout)
    except WorkerCrashed as exc:
        result = {"status": FAILED, "error": str(exc)}
    if extension != "pdf" or result["status"] != FAILED:
        return result
    # PDFium could not read it (and not for lack of a password): let poppler try.
    logger.info("PDFium failed on %s (%s); trying pdftotext", path, result["error"])
    fallback = _pdf_with_pdftotext(path, raw_limit, remaining())
    if fallback["status"] == FAILED:
        if fallback.get("timed_out"):
            return _timed_out(timeout)
        fallback["error"] = f"{result['error']} pdftotext: {fallback['error']}"
    return fallback


def _timed_out(timeout):
    return {
        "status": FAILED,
        "error": f"Text extraction took longer than {timeout:g} seconds and was stopped.",
    }


def _short(error):
    error = " ".join(str(error).split())
    return error if len(error) <= ERROR_LENGTH else error[: ERROR_LENGTH - 1] + "…"


# --- the child process ----------------------------------------------------------------------------

# multiprocessing runs the main module's top-level code again in every child (as __mp_main__):
# manage.py and pytest keep that cheap; a script that calls extract() should set Django up under
# `if __name__ == "__main__":`.
_PRELOAD = ["content.extraction", "pypdfium2", "docx", "openpyxl"]
_context = None


def _get_context():
    global _context
    if _context is None:
        try:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(_PRELOAD)
        except ValueError:  # no fork server on this platform
            context = multiprocessing.get_context("spawn")
        _context = context
    return _context


def run_in_worker(func, *args, timeout, memory_limit=MEMORY_LIMIT_BYTES):
    """Run func(*args) in a child process and return its (picklable) result. The child is killed
    when `timeout` seconds (including its start) have passed: ExtractionTimeout. A child that dies
    without an answer (a crash in C code, the memory limit) raises WorkerCrashed; an exception in
    func is re-raised as WorkerCrashed with its type and message."""
    context = _get_context()
    deadline = time.monotonic() + timeout
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_child_main, args=(sender, func, args, memory_limit), daemon=True
    )
    answered = False
    try:
        process.start()
        sender.close()
        if not receiver.poll(max(0.0, deadline - time.monotonic())):
            raise ExtractionTimeout
        answered = True
        try:
            outcome, value = receiver.recv()
        except EOFError:
            process.join(1)
            raise WorkerCrashed(
                f"The extraction process stopped unexpectedly (exit code {process.exitcode})."
            ) from None
        if outcome == "error":
            raise WorkerCrashed(value)
        return value
    finally:
        receiver.close()
        if answered and process.is_alive():
            process.join(0.5)  # it has answered and is exiting; give it a moment
        if process.is_alive():
            process.kill()
            process.join(5)
        if process.exitcode is not None:
            process.close()


def _child_main(sender, func, args, memory_limit):
    try:
        if memory_limit:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
        message = ("ok", func(*args))
    except MemoryError:
        message = ("error", "The document needs more memory than extraction may use.")
    except BaseException as exc:  # everything goes back to the parent
        message = ("error", f"{type(exc).__name__}: {exc}")
    sender.send(message)
    sender.close()


# --- PDF ------------------------------------------------------------------------------------------


def _pdf_with_pdfium(path, raw_limit):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            return {"status": ENCRYPTED, "error": "The PDF is protected with a password."}
        return {"status": FAILED, "error": f"PDFium could not open the PDF: {exc}"}
    try:
        page_count = len(pdf)
        texts, size, unreadable = [], 0, 0
        for index in range(page_count):
            if size > raw_limit:
                break
            try:
                page = pdf[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        text = textpage.get_text_range()
                    finally:
                        textpage.close()
                finally:
                    page.close()
            except pdfium.PdfiumError:
                unreadable += 1
                continue
            texts.append(text)
            size += len(text)
    finally:
        pdf.close()
    if page_count and unreadable == page_count:
        return {"status": FAILED, "error": "PDFium could not read any page of the PDF."}
    error = f"{unreadable} of {page_count} pages could not be read." if unreadable else ""
    # A form feed between pages: clean_text turns it into a paragraph break.
    return {"status": DONE, "text": "\f".join(texts), "page_count": page_count, "error": error}


def _limit_child_memory():  # pragma: no cover - runs in the pdftotext child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


def _pdf_with_pdftotext(path, raw_limit, timeout):
    """Poppler's pdftotext in its default reading-order mode, which keeps columns apart (-layout
    would interleave the lines of two columns, -raw follows the content stream)."""
    executable = shutil.which("pdftotext")
    if executable is None:
        return {"status": FAILED, "error": "pdftotext is not installed."}
    try:
        completed = subprocess.run(  # noqa: S603 - fixed arguments, absolute path, no shell
            [executable, "-enc", "UTF-8", path, "-"],
            capture_output=True,
            timeout=max(timeout, 0.001),
            check=False,
            preexec_fn=_limit_child_memory,  # only setrlimit between fork and exec
        )
    except subprocess.TimeoutExpired:
        return {"status": FAILED, "timed_out": True, "error": "pdftotext took too long."}
    stderr = completed.stderr.decode("utf-8", "replace")
    if completed.returncode != 0:
        if "password" in stderr.lower():
            return {"status": ENCRYPTED, "error": "The PDF is protected with a password."}
        lines = [line for line in stderr.splitlines() if line.strip()]
        detail = lines[-1] if lines else f"exit code {completed.returncode}"
        return {"status": FAILED, "error": f"{detail}."}
    text = completed.stdout.decode("utf-8", "replace")
    # pdftotext ends every page with a form feed.
    page_count = text.count("\f") or None
    return {"status": DONE, "text": text[:raw_limit], "page_count": page_count, "error": ""}


# --- DOCX and XLSX --------------------------------------------------------------------------------


def _docx_text(path, raw_limit):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(path)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        return {"status": FAILED, "error": f"Not a readable DOCX file: {exc}"}
    blocks, size = [], 0

    def add(text):
        nonlocal size
        if text.strip():
            blocks.append(text)
            size += len(text)

    def walk(container):
        for item in container.iter_inner_content():
            if size > raw_limit:
                return
            if isinstance(item, Paragraph):
                add(item.text)
            elif isinstance(item, Table):
                walk_table(item)

    def walk_table(table):
        for row in table.rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # a merged cell appears once per grid column
                    continue
                seen.add(id(cell._tc))
                walk(cell)

    walk(document)
    return {"status": DONE, "text": "\n\n".join(blocks), "page_count": None, "error": ""}


def _xlsx_text(path, raw_limit):
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return {"status": FAILED, "error": f"Not a readable XLSX file: {exc}"}
    sheets, size = [], 0
    try:
        for sheet in workbook.worksheets:
            rows = [sheet.title]
            for row in sheet.iter_rows(values_only=True):
                values = [str(value) for value in row if value is not None and str(value).strip()]
                if values:
                    line = "\t".join(values)
                    rows.append(line)
                    size += len(line)
                if size > raw_limit:
                    break
            sheets.append("\n".join(rows))
            if size > raw_limit:
                break
    finally:
        workbook.close()
    return {"status": DONE, "text": "\n\n".join(sheets), "page_count": None, "error": ""}


# --- cleaning -------------------------------------------------------------------------------------

_WORD = re.compile(r"\w")
_LINE_BREAK = re.compile("[\v\x85\u2028]")
_PAGE_BREAK = re.compile("[\f\u2029]")
# A hyphen (or soft hyphen) at the end of a line. PDFium reports a hyphen where it already joined
# the two lines as U+FFFE.
_HYPHEN_BREAK = re.compile("[-\u00ad\u2010][ \t]*\n[ \t]*|\ufffe")
# Dutch suspended hyphen: "zorg-\nen veiligheidshuis" is "zorg- en veiligheidshuis".
_SUSPENDED = re.compile(r"(?:en|of|tot)\b", re.IGNORECASE)
# Control characters (not \n and \t), soft hyphens, zero-width spaces, BOMs, non-characters and
# lone surrogates.
_REMOVE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff\ufffe\uffff\ud800-\udfff]"
)
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)


def _join_hyphenated(match):
    r"""'uit-\nbuiting' -> 'uitbuiting' (lower case on both sides); 'Noord-\nHolland' ->
    'Noord-Holland', 'COVID-\n19' -> 'COVID-19' and '‘loverboy’-\nmethode' -> '‘loverboy’-methode'
    (the hyphen belongs to the word); 'zorg-\nen veiligheid' -> 'zorg- en veiligheid' (suspended
    hyphen). A hyphen after a space or before a non-word character keeps its line break."""
    text = match.string
    start, end = match.span()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if text[start] == "\u00ad":  # a soft hyphen only marks where a word may be broken
        return "" if after.isalnum() else "\n"
    if not before or before.isspace() or not after.isalnum():
        return "-\n"
    if before.isalpha() and _SUSPENDED.match(text, end):
        return "- "
    if before.islower() and after.islower():
        return ""
    return "-"


def clean_text(text, limit=None):
    """Normalised text for storage and search: NFC, no control characters, words hyphenated over
    line breaks joined, lines joined into paragraphs (one space between words, a blank line
    between paragraphs and pages), cut at a word boundary to SIGNAAL_EXTRACTED_TEXT_LIMIT."""
    if limit is None:
        limit = settings.SIGNAAL_EXTRACTED_TEXT_LIMIT
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAK.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _PAGE_BREAK.sub("\n\n", text)
    text = _HYPHEN_BREAK.sub(_join_hyphenated, text)
    text = _REMOVE.sub("", text)
    if _LIGATURE.search(text):
        text = text.translate(_LIGATURES)
    paragraphs = (" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text))
    return truncate("\n\n".join(part for part in paragraphs if part), limit)


def truncate(text, limit):
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    boundary = max(cut.rfind(" "), cut.rfind("\n"))
    if boundary <= 0:
        return text[:limit]
    return cut[:boundary].rstrip()
