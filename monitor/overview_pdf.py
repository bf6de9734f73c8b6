"""The quarterly overview as a PDF for the newsletter: the sentences, the tables and the charts
(painted as PNG), with the protection legend. fpdf2 with the DejaVu fonts (content.pdfgen)."""

import io

from django.utils.translation import gettext as _

from content.pdfgen import FONT, new_pdf

from . import charts, stats


def _table(pdf, table):
    if len(table.header) < 2:
        return  # no years with figures yet
    pdf.set_font(FONT, style="B", size=11)
    pdf.multi_cell(0, 6, table.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_font(FONT, size=9)
    columns = len(table.header)
    first = 60 if columns > 2 else 100
    other = (pdf.epw - first) / max(columns - 1, 1)
    widths = [first] + [other] * (columns - 1)
    with pdf.table(col_widths=widths, text_align=["LEFT"] + ["RIGHT"] * (columns - 1)) as grid:
        header = grid.row()
        for text in table.header:
            header.cell(str(text))
        for label, cells, _total in table.rows:
            row = grid.row()
            row.cell(str(label))
            for cell in cells:
                row.cell(cell.shown if isinstance(cell, stats.Cell) else str(cell))
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
            png = charts.draw(table).png(scale=2)
            pdf.image(io.BytesIO(png), w=pdf.epw * 0.85)
            pdf.ln(3)
    pdf.set_font(FONT, size=8.5)
    pdf.multi_cell(0, 4.5, legend, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
