"""Benchmark: PDF text extraction as the task runs it, against poppler's pdftotext.

Generates a corpus of Dutch PDFs with content.pdfgen (by default 40 documents of 25 pages, every
third one in two columns) in a temporary directory, then measures pages per second of

  (a) content.extraction.extract(): for every document a fresh child process (forked from the
      fork server, which has pypdfium2 loaded), PDFium text extraction, the text sent back to
      the parent and cleaned there: exactly what the task does for one document. One document
      per child, no batching. The fork server starts once per worker process; its start-up is
      reported separately ("cold") and the ratio is given with and without it.
  (b) pdftotext (default reading-order mode, as the fallback uses it) as one process per file,
      output to /dev/null.

Documents are processed one after the other; each round alternates which tool goes first, and
the best round counts (the least disturbed by other work on the machine).

    .venv/bin/python bench/extraction_bench.py [--documents 40] [--pages 25] [--rounds 3]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

COMMAND = ".venv/bin/python bench/extraction_bench.py"
TARGET = 0.8


def make_corpus(directory, documents, pages):
    from content.pdfgen import dutch_paragraphs, make_pdf

    paths = []
    for number in range(documents):
        columns = 2 if number % 3 == 2 else 1
        # Two narrower columns hold less per page: fewer paragraphs keep it at one page each.
        per_page = 4 if columns == 2 else 6
        path = Path(directory) / f"document-{number:02}.pdf"
        make_pdf(
            path,
            title=f"Kennisdocument {number + 1}: signalen van mensenhandel",
            paragraphs_by_page=dutch_paragraphs(pages, per_page, seed=number),
            columns=columns,
            author="Signaal benchmark",
        )
        paths.append(path)
    return paths


def run_ours(paths):
    from content.extraction import extract

    pages = characters = 0
    started = time.perf_counter()
    for path in paths:
        result = extract(path, "pdf")
        if result.status != "done":
            raise SystemExit(f"{path}: {result.status} {result.error}")
        pages += result.page_count
        characters += len(result.text)
    return time.perf_counter() - started, pages, characters


def run_pdftotext(paths, *options):
    started = time.perf_counter()
    for path in paths:
        subprocess.run(
            ["/usr/bin/pdftotext", *options, "-enc", "UTF-8", str(path), os.devnull],
            check=True,
        )
    return time.perf_counter() - started


def page_counts(paths):
    import pypdfium2 as pdfium

    total = 0
    for path in paths:
        with pdfium.PdfDocument(path) as pdf:
            total += len(pdf)
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=40)
    parser.add_argument("--pages", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SIGNAAL_ENV", "development")
    import django

    django.setup()
    from content import extraction

    with tempfile.TemporaryDirectory(prefix="signaal-bench-") as directory:
        started = time.perf_counter()
        paths = make_corpus(directory, arguments.documents, arguments.pages)
        total_pages = page_counts(paths)
        size = sum(path.stat().st_size for path in paths)
        print(
            f"Corpus: {len(paths)} PDFs, {total_pages} pages, {size / 1e6:.1f} MB "
            f"(every third in two columns), generated in {time.perf_counter() - started:.1f} s"
        )

        # The first child starts the fork server (Python, pypdfium2, python-docx, openpyxl).
        started = time.perf_counter()
        extraction.run_in_worker(len, "", timeout=60)
        cold_start = time.perf_counter() - started
        print(f"Fork server start-up (once per worker process): {cold_start * 1000:.0f} ms")

        ours_times, pdftotext_times, layout_times = [], [], []
        for round_number in range(arguments.rounds):
            order = ["ours", "pdftotext"] if round_number % 2 == 0 else ["pdftotext", "ours"]
            for which in order:
                if which == "ours":
                    seconds, pages, characters = run_ours(paths)
                    assert pages == total_pages, (pages, total_pages)
                    ours_times.append(seconds)
                else:
                    pdftotext_times.append(run_pdftotext(paths))
            layout_times.append(run_pdftotext(paths, "-layout"))
            print(
                f"  round {round_number + 1}: ours {ours_times[-1]:.2f} s, "
                f"pdftotext {pdftotext_times[-1]:.2f} s, pdftotext -layout {layout_times[-1]:.2f} s"
            )

    ours, theirs, layout = min(ours_times), min(pdftotext_times), min(layout_times)
    ours_rate, theirs_rate = total_pages / ours, total_pages / theirs
    cold_rate = total_pages / (ours + cold_start)
    print()
    print(f"(a) extract(), PDFium, child per document: {ours_rate:7.0f} pages/s  ({ours:.2f} s)")
    print(f"    the same including fork server start:  {cold_rate:7.0f} pages/s")
    print(
        f"(b) pdftotext, process per document:       {theirs_rate:7.0f} pages/s  ({theirs:.2f} s)"
    )
    print(f"    pdftotext -layout, for reference:      {total_pages / layout:7.0f} pages/s")
    print(f"    average extracted text per page: {characters / total_pages:.0f} characters")
    ratio = ours_rate / theirs_rate
    verdict = "meets" if ratio >= TARGET else "MISSES"
    print(
        f"Ratio ours / pdftotext: {ratio:.2f} (with fork server start: "
        f"{cold_rate / theirs_rate:.2f}); {verdict} the target of {TARGET}"
    )
    print(f"Repeat with: {COMMAND}")
    return 0 if ratio >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
