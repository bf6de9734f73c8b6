"""The quarterly overview as a PDF for the newsletter: the sentences, the tables and the charts
(painted as PNG), with the protection legend. fpdf2 with the DejaVu fonts (core.pdf)."""

import io

from django.utils.translation import gettext as _

from core.pdf import FONT, new_pdf

from . import charts, stats


def _table(pdf, table):
    """A table drawn cell by cell (fpdf2's table() measures every cell for line breaks, which
    costs more than the whole rest of the page)."""
    if len(table.header) < 2:
        return  # no years with figures yet
    pdf.set_font(FONT, style="B", size=11)
    pdf.multi_cell(0, 6, table.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    columns = len(table.header)
    first = 62 if columns > 2 else 100
    other = (pdf.epw - first) / max(columns - 1, 1)
    height = 5.5

    def row(texts, bold=False):
        if pdf.will_page_break(height):
            pdf.add_page()
        pdf.set_font(FONT, style="B" if bold else "", size=9)
        for number, text in enumerate(texts):
            text = str(text)
            width = first if number == 0 else other
            while number == 0 and len(text) > 3 and pdf.get_string_width(text) > width - 2:
                text = text[:-2] + "…"
            pdf.cell(width, height, text, border="B", align="L" if number == 0 else "R")
        pdf.ln(height)

    row(table.header, bold=True)
    for label, cells, total in table.rows:
        shown = [cell.shown if isinstance(cell, stats.Cell) else str(cell) for cell in cells]
        row([label, *shown], bold=total)
    pdf.ln(3)


def render_pdf(period, tables, quarter_table, sentences, legend):
    title = _("Quarterly overview %(period)s") % {"period": period.label}
    pdf = new_pdf(title, "Signaal")
    pdf.add_page()
    pdf.set_font(FONT, style="B", size=18)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT, size=10.5)
    for sentence in sentences:
        pdf.multi_cell(0, 5.5, sentence, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for table in [*tables, quarter_table]:
        _table(pdf, table)
        if table.chart:
            png = charts.draw(table).png(scale=1.5)
            pdf.image(io.BytesIO(png), w=pdf.epw * 0.85)
            pdf.ln(3)
    pdf.set_font(FONT, size=8.5)
    pdf.multi_cell(0, 4.5, legend, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
