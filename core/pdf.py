"""The PDFs Signaal generates: the case summary (reports.summary), the signal cards
(indicators.cards) and the quarterly overview (monitor.overview_pdf); the demo documents and test
fixtures (content.pdfgen) are built on it too.

fpdf2 with DejaVu Sans, shipped in core/fonts (regular and bold, with its licence) so that the
PDFs do not depend on the fonts a server happens to have: Dutch accents (ë, é, ï), curly quotes
(’ “ ”) and the alphabets of the languages reporters write in (Polish, Romanian, Bulgarian,
Ukrainian) are embedded and come back out of text extraction unchanged.
"""

import logging
from pathlib import Path

from django.utils.translation import gettext as _
from fpdf import FPDF

# fontTools logs every step of subsetting the embedded fonts at INFO.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}


class _Document(FPDF):
    def footer(self):
        self.set_y(-15)
        self.set_font(FONT, size=8)
        # {nb} is replaced by the number of pages when the document is written.
        text = _("Page %(page)s of %(pages)s") % {"page": self.page_no(), "pages": "{nb}"}
        self.cell(0, 10, text, align="C")


def new_pdf(title, author=""):
    """An A4 document with page numbers in the footer and DejaVu Sans registered as FONT
    (regular, and "B" for bold)."""
    pdf = _Document(format="A4")
    for style, name in FONT_FILES.items():
        pdf.add_font(FONT, style=style, fname=FONT_DIR / name)
    pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.set_creator("Signaal")
    pdf.set_lang("nl")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(20, 20, 20)
    return pdf


def write(pdf, path_or_buffer):
    """Write the document to a path or a binary file object; return its size in bytes."""
    data = bytes(pdf.output())
    if hasattr(path_or_buffer, "write"):
        path_or_buffer.write(data)
    else:
        Path(path_or_buffer).write_bytes(data)
    return len(data)
