import io

import pypdfium2 as pdfium
import pytest
from django.urls import reverse

from indicators.cards import CARD_FORMS
from indicators.models import Indicator


def pdf_text(content):
    document = pdfium.PdfDocument(io.BytesIO(content))
    return "\n".join(page.get_textpage().get_text_range() for page in document)


@pytest.mark.parametrize("form", CARD_FORMS)
def test_each_card_renders_as_a_page_and_a_pdf(client, db, form):
    page = client.get(reverse("indicators:card", args=[form]))
    assert page.status_code == 200
    response = client.get(reverse("indicators:card_pdf", args=[form]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    some = Indicator.objects.filter(forms__contains=f"|{form}|").first()
    assert " ".join(some.text_nl.split()) in text
    assert "112" in text


def test_labour_card_names_the_labour_inspectorate(client, db):
    text = pdf_text(client.get(reverse("indicators:card_pdf", args=["labour"])).content)
    assert "0800-5151" in text
    assert "0800-2000" in text


def test_unknown_card_is_404(client, db):
    assert client.get(reverse("indicators:card", args=["nope"])).status_code == 404
    assert client.get(reverse("indicators:card_pdf", args=["smuggling"])).status_code == 404
