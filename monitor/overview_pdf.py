"""The quarterly overview as a PDF for the newsletter: the sentences, the tables and the charts
(painted as PNG), with the protection legend. fpdf2 with the DejaVu fonts (core.pdf)."""

import io

from django.utils.translation import gettext as _

from core.pdf import FONT, new_pdf, table_row

from . import charts, stats


def _table(pdf, table):
    """A table drawn row by row (fpdf2's table() measures every cell for line breaks, which
    costs more than the whole rest of the page); labels and figures wrap within their column
    (core.pdf.table_row), never cut off."""
    if len(table.header) < 2:
        return  # no years with figures yet
    pdf.set_font(FONT, style="B", size=11)
    pdf.multi_cell(0, 6, table.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    columns = len(table.header)
    first = 62 if columns > 2 else 100
    other = (pdf.epw - first) / max(columns - 1, 1)
    widths = [first] + [other] * (columns - 1)
    aligns = ["L"] + ["R"] * (columns - 1)
    table_row(pdf, widths, table.header, aligns=aligns, bold=True)
    for label, cells, total in table.rows:
        shown = [cell.shown if isinstance(cell, stats.Cell) else str(cell) for cell in cells]
        table_row(pdf, widths, [label, *shown], aligns=aligns, bold=total)
    pdf.ln(3)


def render_pdf(period, tables, quarter_table, sentences, legend, comparisons=()):
    title = _("Quarterly overview %(period)s") % {"period": period.label}
    pdf = new_pdf(title, "Signaal")
    pdf.add_page()
    pdf.set_font(FONT, style="B", size=18)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FONT, size=10.5)
    for sentence in [*comparisons, *sentences]:
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
