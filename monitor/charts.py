"""Charts drawn on the server: one drawing (rectangles, lines and text), written out as SVG for
the page and the SVG download, and painted with Pillow for the PNG download. No JavaScript, so
they work under the strict Content-Security-Policy; every chart sits next to its data table.

Suppressed figures get no bar (its length would give the number away) but their "<5" or "x".
"""

import io
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

from core.pdf import FONT_DIR, FONT_FILES

# Colours with at least 3:1 contrast against white and between neighbours (WCAG 1.4.11).
PALETTE = ["#01689b", "#ca005d", "#275937", "#8b4a00", "#42145f", "#a90061", "#154273", "#39870c"]
TEXT = "#1a1a1a"
GRID = "#767676"
FONT_FILE = str(FONT_DIR / FONT_FILES[""])  # DejaVu Sans, shipped with core.pdf


@dataclass
class Drawing:
    width: int
    height: int
    title: str
    items: list = field(
        default_factory=list
    )  # ("rect", x, y, w, h, colour) | ("line", ...) | ("text", ...)

    def rect(self, x, y, w, h, colour):
        self.items.append(("rect", x, y, w, h, colour))

    def line(self, x1, y1, x2, y2, colour=GRID):
        self.items.append(("line", x1, y1, x2, y2, colour))

    def text(self, x, y, text, size=12, anchor="start", colour=TEXT):
        self.items.append(("text", x, y, str(text), size, anchor, colour))

    def svg(self, element_id="chart"):
        """The drawing as an SVG document (also used inline: role img, labelled by its title)."""
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'width="100%" role="img" aria-labelledby="{element_id}-title" class="chart">',
            f'<title id="{element_id}-title">{escape(self.title)}</title>',
            f'<rect x="0" y="0" width="{self.width}" height="{self.height}" fill="#ffffff"/>',
        ]
        for item in self.items:
            if item[0] == "rect":
                _, x, y, w, h, colour = item
                out.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
                    f'fill="{colour}"/>'
                )
            elif item[0] == "line":
                _, x1, y1, x2, y2, colour = item
                out.append(
                    f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
                    f'stroke="{colour}" stroke-width="1"/>'
                )
            else:
                _, x, y, text, size, anchor, colour = item
                out.append(
                    f'<text x="{x:.1f}" y="{y:.1f}" font-family="DejaVu Sans, Arial, sans-serif" '
                    f'font-size="{size}" text-anchor="{anchor}" fill="{colour}">'
                    f"{escape(text)}</text>"
                )
        out.append("</svg>")
        return "\n".join(out)

    def png(self, scale=2):
        image = Image.new("RGB", (round(self.width * scale), round(self.height * scale)), "white")
        draw = ImageDraw.Draw(image)
        fonts = {}
        for item in self.items:
            if item[0] == "rect":
                _, x, y, w, h, colour = item
                if w > 0 and h > 0:
                    draw.rectangle(
                        [x * scale, y * scale, (x + w) * scale - 1, (y + h) * scale - 1],
                        fill=colour,
                    )
            elif item[0] == "line":
                _, x1, y1, x2, y2, colour = item
                draw.line(
                    [x1 * scale, y1 * scale, x2 * scale, y2 * scale],
                    fill=colour,
                    width=max(1, round(scale)),
                )
            else:
                _, x, y, text, size, anchor, colour = item
                font = fonts.get(size)
                if font is None:
                    font = fonts[size] = ImageFont.truetype(FONT_FILE, round(size * scale))
                pil_anchor = {"start": "ls", "middle": "ms", "end": "rs"}[anchor]
                draw.text((x * scale, y * scale), text, fill=colour, font=font, anchor=pil_anchor)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()


def _nice_max(value):
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= value:
            return top
    return 10 * magnitude


def _format(value):
    return f"{value:,.0f}".replace(",", ".")


def column_chart(table):
    """Grouped columns: one group per column of the table (years), one colour per row."""
    rows = [row for row in table.rows if not row[2]]  # not the total row
    categories = table.header[1:]
    width, height = 720, 360
    left, right, top, bottom = 60, 20, 20, 60 + 18 * ((len(rows) + 2) // 3)
    plot_w, plot_h = width - left - right, height - top - bottom
    numbers = [c.number for _, cells, _ in rows for c in cells if c.number is not None]
    top_value = _nice_max(max(numbers, default=0))
    drawing = Drawing(width, height, table.title)
    for i in range(5):
        value = top_value * i / 4
        y = top + plot_h - plot_h * i / 4
        drawing.line(left, y, left + plot_w, y, "#d0d0d0" if i else GRID)
        drawing.text(left - 6, y + 4, _format(value), size=11, anchor="end")
    group_w = plot_w / max(len(categories), 1)
    bar_w = min(40, group_w * 0.8 / max(len(rows), 1))
    for g, category in enumerate(categories):
        x0 = left + g * group_w + (group_w - bar_w * len(rows)) / 2
        for r, (_, cells, _) in enumerate(rows):
            cell = cells[g]
            x = x0 + r * bar_w
            colour = PALETTE[r % len(PALETTE)]
            if cell.number is None:
                drawing.text(x + bar_w / 2, top + plot_h - 4, cell.shown, size=10, anchor="middle")
                continue
            h = plot_h * cell.number / top_value
            drawing.rect(x + 1, top + plot_h - h, bar_w - 2, h, colour)
        drawing.text(left + g * group_w + group_w / 2, top + plot_h + 16, category, anchor="middle")
    # legend
    for r, (label, _, _) in enumerate(rows):
        lx = left + (r % 3) * (plot_w / 3)
        ly = top + plot_h + 36 + 18 * (r // 3)
        drawing.rect(lx, ly - 10, 12, 12, PALETTE[r % len(PALETTE)])
        drawing.text(lx + 18, ly, label, size=11)
    return drawing


def bar_chart(table, column=0, limit=15):
    """Horizontal bars of one column of a breakdown (reports by default), largest first."""
    rows = [row for row in table.rows if not row[2]]
    rows = sorted(rows, key=lambda row: -(row[1][column].number or 0))[:limit]
    width = 720
    bar_h, gap, top, left, right = 20, 8, 10, 230, 70
    height = top * 2 + len(rows) * (bar_h + gap) + 20
    plot_w = width - left - right
    numbers = [cells[column].number for _, cells, _ in rows if cells[column].number is not None]
    top_value = _nice_max(max(numbers, default=0))
    drawing = Drawing(width, height, f"{table.title}: {table.header[column + 1]}")
    drawing.line(left, top, left, top + len(rows) * (bar_h + gap), GRID)
    for i, (label, cells, _) in enumerate(rows):
        y = top + i * (bar_h + gap)
        text = label if len(label) <= 32 else label[:31] + "…"
        drawing.text(left - 8, y + bar_h - 5, text, size=12, anchor="end")
        cell = cells[column]
        if cell.number is None:
            drawing.text(left + 6, y + bar_h - 5, cell.shown, size=12)
            continue
        w = plot_w * cell.number / top_value
        drawing.rect(left, y, w, bar_h, PALETTE[0])
        drawing.text(left + w + 6, y + bar_h - 5, cell.shown, size=12)
    return drawing


def draw(table):
    return column_chart(table) if table.chart == "years" else bar_chart(table)
