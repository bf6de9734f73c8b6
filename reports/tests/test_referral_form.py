"""The referral form guides (issue 19): no "---------", every legal basis explained beside it,
consent refused where there is no one to give it, a summary prefilled from the report for staff
to edit, checkbox labels beside their boxes."""

import re

import pytest
from django.urls import reverse

from accounts.models import Role
from reports.models import LegalBasis, Referral

from .conftest import make_report

pytestmark = pytest.mark.django_db


def _consent():
    return LegalBasis.objects.get(needs_consent=True)


def test_the_form_guides(client, personas, login):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    report = make_report(
        description="Twaalf arbeiders slapen in een loods.",
        street="Kanaalweg",
        house_number="12",
        reporter_type="citizen",
        reporter_name="Marieke Melder",
        reporter_email="marieke@example.org",
    )
    page = client.get(reverse("reports:refer", args=[report.reference])).content.decode()
    assert "---------" not in page
    assert "Kies een partner" in page
    # One radio per active basis, each with its explanation beside it.
    bases = LegalBasis.objects.filter(active=True)
    assert page.count('type="radio" name="legal_basis"') == bases.count() == 6
    for basis in bases:
        assert basis.description and basis.description.split(":")[0][:40] in page
    # The summary: the report's shared parts, never the reporter.
    summary = re.search(r'<textarea name="summary"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert "Twaalf arbeiders slapen in een loods." in summary
    assert "Kanaalweg 12" in summary and report.reference in summary
    assert "Marieke" not in summary and "marieke@example.org" not in summary
    # The checkbox for the contact details: the box first, its label beside it.
    assert re.search(
        r'<div class="field-checkbox"><input type="checkbox" name="share_contact"[^>]*> '
        r'<label for="id_share_contact">',
        page,
    )


def _post(client, report, basis, organisations):
    return client.post(
        reverse("reports:refer", args=[report.reference]),
        {
            "organisation": organisations["police"].pk,
            "legal_basis": basis.pk,
            "summary": "Loods aan de Kanaalweg",
        },
    )


def test_consent_is_refused_for_an_anonymous_report(client, personas, login, organisations):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    anonymous = make_report(reporter_type="anonymous")
    response = _post(client, anonymous, _consent(), organisations)
    assert response.status_code == 400
    page = response.content.decode()
    error = "Deze melding is anoniem: er is niemand die toestemming kan geven."
    assert error in page
    # Next to the field (inside its field block) and in the summary that takes the focus.
    field = page[page.index('<div class="field field-error">') :]
    assert field.index(error) < field.index('type="radio"')
    assert 'href="#id_legal_basis_0"' in page
    assert not Referral.objects.filter(report=anonymous).exists()
    # Another basis is fine for the same report.
    other = LegalBasis.objects.filter(needs_consent=False).first()
    assert _post(client, anonymous, other, organisations).status_code == 302


def test_consent_is_accepted_when_the_reporter_is_known(client, personas, login, organisations):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    known = make_report(reporter_type="citizen", reporter_name="Jan", reporter_email="j@e.nl")
    assert _post(client, known, _consent(), organisations).status_code == 302
    assert Referral.objects.filter(report=known, legal_basis=_consent()).exists()


def test_no_basis_chosen_is_a_dutch_error(client, personas, login, organisations):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    report = make_report()
    response = client.post(
        reverse("reports:refer", args=[report.reference]),
        {"organisation": organisations["police"].pk, "summary": "x"},
    )
    assert response.status_code == 400
    assert "Kies de grondslag voor deze doorverwijzing." in response.content.decode()
