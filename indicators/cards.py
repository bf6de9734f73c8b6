"""Signal cards: one card per form of exploitation with its signals by domain and the route,
as a printable page and as a PDF (like the cards of Gemeente Tilburg and Sterk Huis)."""

from io import BytesIO

from django.utils.translation import gettext as _

from core.pdf import FONT, new_pdf

from .exploitation import ExploitationForm
from .models import Domain, Indicator, Subject
from .routes import route

CARD_FORMS = [
    ExploitationForm.SEXUAL,
    ExploitationForm.LABOUR,
    ExploitationForm.CRIMINAL,
    ExploitationForm.ORGAN_REMOVAL,
    ExploitationForm.SURROGACY,
    ExploitationForm.FORCED_MARRIAGE,
    ExploitationForm.ILLEGAL_ADOPTION,
]


def card(form, *, language=None):
    """The content of one card: sections (person, location) of domains with signals, and the
    route for each; the signals in `language` (the active language by default)."""
    indicators = Indicator.objects.filter(active=True, forms__contains=f"|{form}|").order_by(
        "domain", "-strength", "code"
    )
    domains = dict(Domain.choices)
    sections = []
    for subject, title in (
        (Subject.PERSON, _("Signals about a person")),
        (Subject.LOCATION, _("Signals at a location")),
    ):
        groups = {}
        for indicator in indicators:
            if indicator.subject != subject:
                continue
            groups.setdefault(domains[indicator.domain], []).append(
                {
                    "code": indicator.code,
                    "text": indicator.text_for(language),
                    "strength": indicator.strength,
                    "strength_label": indicator.get_strength_display(),
                }
            )
        if groups:
            sections.append(
                {
                    "title": title,
                    "groups": list(groups.items()),
                    "steps": route(subject=subject, forms=[form]),
                }
            )
    return {"form": form, "label": ExploitationForm(form).label, "sections": sections}


def card_pdf(data):
    title = _("Signal card: %(form)s") % {"form": data["label"]}
    pdf = new_pdf(title, "Signaal")
    pdf.add_page()
    pdf.set_font(FONT, style="B", size=16)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=9)
    pdf.multi_cell(
        0,
        5,
        _("One signal proves nothing; a combination says more. In acute danger: call 112."),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    for section in data["sections"]:
        pdf.ln(3)
        pdf.set_font(FONT, style="B", size=12)
        pdf.multi_cell(0, 7, section["title"], new_x="LMARGIN", new_y="NEXT")
        for domain, items in section["groups"]:
            pdf.set_font(FONT, style="B", size=10)
            pdf.multi_cell(0, 6, domain, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(FONT, size=9.5)
            for item in items:
                marker = "■" if item["strength"] == "strong" else "•"
                pdf.multi_cell(
                    0,
                    5,
                    f"{marker} {item['text']} ({item['strength_label'].lower()})",
                    new_x="LMARGIN",
                    new_y="NEXT",
                )
        pdf.ln(2)
        pdf.set_font(FONT, style="B", size=10)
        pdf.multi_cell(0, 6, _("What you can do"), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, size=9.5)
        for number, step in enumerate(section["steps"], start=1):
            contact = ""
            if step.contact:
                contact = f" {step.contact.name}"
                if step.contact.phone:
                    contact += f": {step.contact.phone}"
            pdf.multi_cell(0, 5, f"{number}. {step.why}{contact}", new_x="LMARGIN", new_y="NEXT")
    buffer = BytesIO()
    pdf.output(buffer)
    return buffer.getvalue()
