"""Demo documents, test fixtures and the extraction benchmark's corpus, as PDFs: a title and pages
of paragraphs, an encrypted variant, a blank "scan", and Dutch sample text. The document itself
(fonts, page numbers) comes from core.pdf, as for every PDF Signaal makes.
"""

import random

from fpdf import FPDF
from fpdf.enums import EncryptionMethod

from core.pdf import FONT, new_pdf, write


def _render(pdf, *, title, paragraphs_by_page, columns):
    if columns not in (1, 2):
        raise ValueError("columns must be 1 or 2")
    for number, paragraphs in enumerate(paragraphs_by_page or [[]]):
        pdf.add_page()
        if number == 0:
            pdf.set_font(FONT, style="B", size=18)
            pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        pdf.set_font(FONT, size=10.5)
        if columns == 1:
            for paragraph in paragraphs:
                pdf.multi_cell(0, 5.5, paragraph, new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2.5)
        elif paragraphs:
            # balance: short pages still fill both columns (column 1 first, then column 2).
            with pdf.text_columns(ncols=2, gutter=8, balance=True, line_height=1.25) as cols:
                for paragraph in paragraphs:
                    with cols.paragraph(bottom_margin=2.5) as par:
                        par.write(paragraph)


def make_pdf(path_or_buffer, *, title, paragraphs_by_page, columns=1, author=""):
    """Write an A4 PDF: `title` on page 1, then each inner list of `paragraphs_by_page` on a new
    page (text that does not fit flows onto extra pages), optionally in two columns, with page
    numbers in the footer. `path_or_buffer` is a path or a binary file object."""
    pdf = new_pdf(title, author)
    _render(pdf, title=title, paragraphs_by_page=paragraphs_by_page, columns=columns)
    return write(pdf, path_or_buffer)


def make_encrypted_pdf(
    path_or_buffer,
    *,
    title,
    paragraphs_by_page,
    columns=1,
    author="",
    user_password="geheim",  # noqa: S107 - test fixtures only
):
    """As make_pdf, but encrypted (RC4, which needs no extra library) with a user password: it
    cannot be opened, nor its text read, without the password."""
    pdf = new_pdf(title, author)
    pdf.set_encryption(
        owner_password=f"{user_password}-owner",
        user_password=user_password,
        encryption_method=EncryptionMethod.RC4,
    )
    _render(pdf, title=title, paragraphs_by_page=paragraphs_by_page, columns=columns)
    return write(pdf, path_or_buffer)


def make_blank_pdf(path_or_buffer, *, pages=1):
    """A PDF without any text layer (a drawn rectangle per page), like a scan without OCR."""
    pdf = FPDF(format="A4")
    for _ in range(pages):
        pdf.add_page()
        pdf.set_fill_color(200, 200, 210)
        pdf.rect(30, 40, 150, 200, style="DF")
    return write(pdf, path_or_buffer)


# --- sample text ----------------------------------------------------------------------------------

SENTENCES = [
    "Mensenhandel is het werven, vervoeren of huisvesten van mensen met het oogmerk van "
    "uitbuiting.",
    "Signalen van arbeidsuitbuiting zijn onder meer lange werkdagen, ingehouden loon en "
    "afgepakte identiteitsbewijzen.",
    "De gemeente coördineert de zorg voor slachtoffers en werkt daarbij samen met politie, "
    "Veilig Thuis en het RIEC.",
    "Een slachtoffer heeft recht op bedenktijd, opvang en begeleiding, ook zonder aangifte.",
    "Professionals twijfelen vaak of wat zij zien ‘genoeg’ is om te melden; bespreek het dan "
    "met een collega.",
    "Criminele uitbuiting komt voor in de drugshandel, bij winkeldiefstal en bij het gebruik van "
    "geldezels.",
    "Bij seksuele uitbuiting is de ‘loverboy’-methode nog steeds een veelgebruikte werkwijze.",
    "Het zorg- en veiligheidshuis brengt partners samen rond casussen met een hoog risico.",
    "Naïeve aannames over wie slachtoffer kan zijn, staan het herkennen van signalen in de weg.",
    "Het rapport beschrijft hoe financiële prikkels en schulden afhankelijkheid creëren.",
    "Uitzendbureaus die huisvesting en werk koppelen, vergroten het risico op afhankelijkheid.",
    "De Nationaal Rapporteur schat dat jaarlijks duizenden mensen slachtoffer worden.",
    "Een integrale aanpak vraagt om heldere afspraken over wie wat doet na een signaal.",
    "Werkgevers die arbeidsmigranten via onderaannemers inhuren, blijven verantwoordelijk voor "
    "goede arbeidsomstandigheden.",
    "Zorgcoördinatoren zijn het eerste aanspreekpunt voor hulpverleners in de regio.",
    "Minderjarige slachtoffers hebben extra bescherming nodig en worden altijd besproken in het "
    "casusoverleg.",
]


def dutch_paragraphs(pages, per_page=5, *, seed=0, sentences_per_paragraph=(3, 6)):
    """Deterministic Dutch sample text: `pages` lists of `per_page` paragraphs. Sentences are
    dealt from a shuffled deck, so none repeats before all have been used (the demo documents
    have their own varied text: content.demo.document_paragraphs)."""
    rng = random.Random(seed)  # noqa: S311 - repeatable sample text, not security
    low, high = sentences_per_paragraph
    deck = []

    def deal():
        if not deck:
            deck.extend(rng.sample(SENTENCES, k=len(SENTENCES)))
        return deck.pop()

    return [
        [" ".join(deal() for _ in range(rng.randint(low, high))) for _ in range(per_page)]
        for _ in range(pages)
    ]
