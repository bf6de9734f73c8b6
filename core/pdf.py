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


def table_row(pdf, widths, texts, *, line_height=5, aligns=None, bold=False, size=9):
    """One row of a table whose cells wrap: every text is broken into lines that fit its column
    (a long word is broken too), never cut off; the row is as high as its longest cell and moves
    to the next page as a whole. Returns the row's height."""
    aligns = aligns or ["L"] * len(texts)
    pdf.set_font(FONT, style="B" if bold else "", size=size)
    lines = [
        pdf.multi_cell(width, line_height, str(text), dry_run=True, output="LINES")
        for width, text in zip(widths, texts, strict=True)
    ]
    height = line_height * max((len(cell) for cell in lines), default=1)
    if pdf.will_page_break(height):
        pdf.add_page()
        pdf.set_font(FONT, style="B" if bold else "", size=size)
    x, y = pdf.get_x(), pdf.get_y()
    for width, text, align in zip(widths, texts, aligns, strict=True):
        pdf.set_xy(x, y)
        pdf.multi_cell(width, line_height, str(text), align=align, new_x="RIGHT", new_y="TOP")
        pdf.line(x, y + height, x + width, y + height)
        x += width
    pdf.set_xy(pdf.l_margin, y + height)
    return height


def write(pdf, path_or_buffer):
    """Write the document to a path or a binary file object; return its size in bytes."""
    data = bytes(pdf.output())
    if hasattr(path_or_buffer, "write"):
        path_or_buffer.write(data)
    else:
        Path(path_or_buffer).write_bytes(data)
    return len(data)
