"""core.pdf: the PDFs Signaal makes carry the fonts shipped in the repository, and what is written
in them comes back out (accents, curly quotes, the reporters' alphabets, the page numbers)."""

import io

import pikepdf
import pypdfium2
from django.conf import settings
from django.utils import translation

from core import pdf as core_pdf
from core.pdf import FONT, new_pdf, write

# Dutch with diaeresis, acute and curly quotes; Polish, Romanian, Bulgarian and Ukrainian.
LINES = [
    "Coördinatie na één melding: financiële prikkels en ‘loverboys’ creëren “afhankelijkheid”.",
    "Łódź, Gdańsk; Țară, Brașov; България, София; Україна, Київ, ґанок.",
]


def text_of(data):
    document = pypdfium2.PdfDocument(io.BytesIO(data))
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def two_pages():
    document = new_pdf("Casusoverzicht", "Signaal")
    document.add_page()
    document.set_font(FONT, size=11)
    document.multi_cell(0, 6, LINES[0], new_x="LMARGIN", new_y="NEXT")
    document.add_page()
    document.set_font(FONT, style="B", size=11)
    document.multi_cell(0, 6, LINES[1], new_x="LMARGIN", new_y="NEXT")
    buffer = io.BytesIO()
    size = write(document, buffer)
    assert size == len(buffer.getvalue())
    return buffer.getvalue()


def test_the_fonts_are_shipped_in_the_repository_with_their_licence():
    assert core_pdf.FONT_DIR == settings.BASE_DIR / "core" / "fonts"
    for name in core_pdf.FONT_FILES.values():
        font = core_pdf.FONT_DIR / name
        assert font.read_bytes()[:4] == b"\x00\x01\x00\x00"  # a TrueType font
        assert 500_000 < font.stat().st_size < 1_000_000
    licence = (core_pdf.FONT_DIR / "LICENSE").read_text()
    assert "Bitstream Vera" in licence and "DejaVu changes are in public domain" in licence


def test_accents_quotes_and_other_alphabets_come_back_out_of_the_pdf():
    with translation.override("nl"):
        pages = text_of(two_pages())
    assert len(pages) == 2
    assert LINES[0] in " ".join(pages[0].split())
    assert LINES[1] in " ".join(pages[1].split())


def test_regular_and_bold_dejavu_are_embedded():
    with pikepdf.open(io.BytesIO(two_pages())) as document:
        fonts = {}
        for page in document.pages:
            for font in page.Resources.Font.values():
                descendant = font.DescendantFonts[0]
                fonts[str(font.BaseFont)] = "/FontFile2" in descendant.FontDescriptor
    # subset names: six letters, "+", the font's own name
    assert sorted(name.split("+")[1] for name in fonts) == ["DejaVuSansBold", "DejaVuSansBook"]
    assert all(fonts.values())  # embedded, not left to the reader's system


def test_the_footer_numbers_the_pages_in_the_language_shown():
    with translation.override("nl"):
        dutch = text_of(two_pages())
    with translation.override("en"):
        english = text_of(two_pages())
    assert "Pagina 1 van 2" in dutch[0] and "Pagina 2 van 2" in dutch[1]
    assert "Page 2 of 2" in english[1]


def test_no_code_reads_fonts_from_the_system():
    # The chart pictures (monitor.charts) use the same shipped font as the PDFs.
    skip = {".venv", "var", "node_modules", ".git"}
    sources = [
        path
        for path in settings.BASE_DIR.rglob("*.py")
        if not skip & set(path.relative_to(settings.BASE_DIR).parts)
    ]
    assert len(sources) > 100
    system_fonts = "/usr/share/" + "fonts"  # split, or this file would name it
    assert [str(path) for path in sources if system_fonts in path.read_text()] == []
