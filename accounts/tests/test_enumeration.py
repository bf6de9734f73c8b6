"""The account request form answers the same for every address: whether it has an account, or a
request in progress, is told only by e-mail to that address. And it is rate limited."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import AccountRequest, AccountRequestStatus, Role
from audit.models import AuditEvent

REQUEST = reverse("accounts:request_account")


def form_data(organisations, email):
    return {
        "full_name": "Joost Peters",
        "email": email,
        "organisation": organisations["utrecht"].pk,
        "organisation_name": "",
        "function": "Handhaver",
        "motivation": "Ik wil de signaalkaarten lezen.",
    }


def normalised(response, address):
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return response.status_code, body.replace(address, "@")


@pytest.fixture
def send(client, django_capture_on_commit_callbacks, mailoutbox):
    def do(data):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(REQUEST, data)
        return response, list(mail.outbox)

    return do


def test_the_same_answer_for_new_existing_and_pending_addresses(send, organisations, personas):
    AccountRequest.objects.create(
        full_name="Al Bezig",
        email="bezig@utrecht.example",
        organisation=organisations["utrecht"],
        function="Handhaver",
        motivation="Eerder aangevraagd",
        status=AccountRequestStatus.PENDING,
    )
    addresses = {
        "new": "nieuw@utrecht.example",
        "existing": personas[Role.ANALYST].email,
        "pending": "bezig@utrecht.example",
    }
    answers, mails = {}, {}
    for case, address in addresses.items():
        response, sent = send(form_data(organisations, address))
        [mail] = sent
        answers[case] = normalised(response, address)
        assert mail.to == [address]
        mails[case] = mail
    assert answers["new"][0] == 200
    assert "We hebben een bericht gestuurd naar @" in answers["new"][1]
    assert answers["new"] == answers["existing"] == answers["pending"]
    # Only the new address got a request; each address learns its own situation by e-mail.
    assert AccountRequest.objects.filter(email="nieuw@utrecht.example").count() == 1
    assert not AccountRequest.objects.filter(email=addresses["existing"]).exists()
    assert AccountRequest.objects.filter(email="bezig@utrecht.example").count() == 1
    assert "/account/aanvragen/" in mails["new"].body
    assert reverse("accounts:password_reset") in mails["existing"].body
    assert "/account/aanvragen/" not in mails["existing"].body
    assert "al een aanvraag voor dit adres in behandeling" in mails["pending"].body
    assert len({mails[case].subject for case in mails}) == 3
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {
        "accounts.request_submitted",
        "accounts.request_for_existing_account",
        "accounts.request_repeated",
    } <= actions


def test_an_unverified_request_gets_a_new_link(send, organisations):
    first, [mail] = send(form_data(organisations, "nieuw@utrecht.example"))
    again, [second_mail] = send(form_data(organisations, "NIEUW@utrecht.example"))
    assert normalised(first, "nieuw@utrecht.example") == normalised(again, "nieuw@utrecht.example")
    assert AccountRequest.objects.count() == 1
    link = re.search(r"https?://\S+", second_mail.body).group(0)
    assert link != re.search(r"https?://\S+", mail.body).group(0)


def test_requests_per_address_are_limited(send, organisations, settings):
    settings.SIGNAAL_ACCOUNT_REQUESTS_PER_ADDRESS = 2
    for _ in range(2):
        response, _mails = send(form_data(organisations, "nieuw@utrecht.example"))
        assert response.status_code == 200
    response, mails = send(form_data(organisations, "nieuw@utrecht.example"))
    assert response.status_code == 429
    assert mails == []
    body = response.content.decode()
    assert "Te veel accountaanvragen" in body
    assert 'value="Joost Peters"' in body, "what was typed is kept"


def test_requests_per_client_are_limited(send, organisations, settings):
    settings.SIGNAAL_ACCOUNT_REQUESTS_PER_HOUR = 2
    for number in range(2):
        response, _mails = send(form_data(organisations, f"persoon{number}@utrecht.example"))
        assert response.status_code == 200
    response, mails = send(form_data(organisations, "persoon9@utrecht.example"))
    assert response.status_code == 429
    assert mails == []
    assert not AccountRequest.objects.filter(email="persoon9@utrecht.example").exists()
