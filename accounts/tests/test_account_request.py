"""'Account aanvragen': request, verify by mail, approve or reject, activate, enrol."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import AccountRequest, AccountRequestStatus, Membership, Role, User
from audit.models import AuditEvent

REQUEST = reverse("accounts:request_account")


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    def do(url, data=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data or {})

    return do


def form_data(organisations, **changes):
    data = {
        "full_name": "Joost Peters",
        "email": "J.Peters@Utrecht.example",
        "organisation": organisations["utrecht"].pk,
        "organisation_name": "",
        "function": "Handhaver",
        "motivation": "Ik wil de signaalkaarten lezen.",
    }
    data.update(changes)
    return data


def link_in(mail):
    url = re.search(r"https?://\S+", mail.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def test_the_whole_flow(client, send, organisations, personas, login, mailoutbox):
    response = send(REQUEST, form_data(organisations))
    assert response.status_code == 200
    request = AccountRequest.objects.get()
    assert request.email == "j.peters@utrecht.example"
    assert request.status == AccountRequestStatus.UNVERIFIED
    assert mailoutbox[-1].to == ["j.peters@utrecht.example"]

    verify = link_in(mailoutbox[-1])
    assert client.get(verify).status_code == 200  # a button, nothing changes yet
    assert AccountRequest.objects.get().status == AccountRequestStatus.UNVERIFIED
    send(verify)
    request.refresh_from_db()
    assert request.status == AccountRequestStatus.PENDING
    admin = personas[Role.ORGANISATION_ADMIN]
    assert mailoutbox[-1].to == [admin.email], "the organisation's admin is asked to decide"
    assert client.get(verify).status_code == 400, "the link works once"

    login(client, admin)
    review = reverse("accounts:request_review", args=[request.pk])
    assert "Joost Peters" in client.get(reverse("accounts:review_list")).content.decode()
    response = send(review, {"decision": "approve", "roles": [Role.PROFESSIONAL]})
    assert response.status_code == 302
    user = User.objects.get(email="j.peters@utrecht.example")
    assert Membership.objects.filter(
        user=user, organisation=organisations["utrecht"], role=Role.PROFESSIONAL
    ).exists()
    assert not user.has_usable_password()
    activate = link_in(mailoutbox[-1])
    assert mailoutbox[-1].to == [user.email]

    client.post(reverse("accounts:logout"))
    response = send(
        activate,
        {"new_password1": "Een-eigen-wachtwoord-9", "new_password2": "Een-eigen-wachtwoord-9"},
    )
    assert response["Location"] == reverse("accounts:enrol")
    user.refresh_from_db()
    assert user.check_password("Een-eigen-wachtwoord-9")
    assert AccountRequest.objects.get().status == AccountRequestStatus.ACTIVATED
    assert client.get(reverse("accounts:enrol")).status_code == 200
    assert client.get(activate).status_code == 400, "the activation link works once"
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    for expected in (
        "accounts.request_submitted",
        "accounts.request_verified",
        "accounts.request_approved",
        "accounts.activated",
    ):
        assert expected in actions


def test_a_second_request_for_the_same_address_makes_no_second_request(send, organisations):
    send(REQUEST, form_data(organisations))
    response = send(REQUEST, form_data(organisations, email="j.peters@UTRECHT.example"))
    assert response.status_code == 200
    assert "form" not in response.context, "the same answer as the first time (test_enumeration)"
    assert AccountRequest.objects.count() == 1


def test_an_existing_account_is_not_requested_again(send, organisations, personas):
    response = send(REQUEST, form_data(organisations, email=personas[Role.ANALYST].email))
    assert response.status_code == 200
    assert not AccountRequest.objects.exists()


def test_expired_links(client, send, organisations, mailoutbox):
    send(REQUEST, form_data(organisations))
    verify = link_in(mailoutbox[-1])
    AccountRequest.objects.update(token_expires_at=timezone.now() - timedelta(minutes=1))
    response = client.post(verify)
    assert response.status_code == 400
    assert response.context["state"] == "expired"
    # An expired, unverified request does not block a new one.
    response = send(REQUEST, form_data(organisations))
    assert response.status_code == 200
    assert "form" not in response.context or not response.context["form"].errors
    assert AccountRequest.objects.filter(status=AccountRequestStatus.EXPIRED).count() == 1
    assert AccountRequest.objects.filter(status=AccountRequestStatus.UNVERIFIED).count() == 1


def test_a_forged_token_is_refused(client, send, organisations):
    send(REQUEST, form_data(organisations))
    request = AccountRequest.objects.get()
    url = reverse("accounts:request_verify", args=[request.pk, "forged-token-forged-token"])
    assert client.post(url).status_code == 400
    request.refresh_from_db()
    assert request.status == AccountRequestStatus.UNVERIFIED


def pending_request(organisation, email="kandidaat@test.example"):
    return AccountRequest.objects.create(
        full_name="Kandidaat",
        email=email,
        organisation=organisation,
        function="Beleidsmedewerker",
        motivation="Voor mijn werk.",
        status=AccountRequestStatus.PENDING,
    )


def test_rejection_needs_a_reason_and_tells_the_applicant(
    client, send, organisations, personas, login, mailoutbox
):
    request = pending_request(organisations["utrecht"])
    login(client, personas[Role.ORGANISATION_ADMIN])
    review = reverse("accounts:request_review", args=[request.pk])
    response = send(review, {"decision": "reject", "reason": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    send(review, {"decision": "reject", "reason": "Geen medewerker van onze gemeente."})
    request.refresh_from_db()
    assert request.status == AccountRequestStatus.REJECTED
    assert "Geen medewerker van onze gemeente." in mailoutbox[-1].body
    assert AuditEvent.objects.get(action="accounts.request_rejected").reason


def test_admin_of_another_organisation_cannot_see_the_request(
    client, organisations, personas, login
):
    request = pending_request(organisations["amersfoort"])
    login(client, personas[Role.ORGANISATION_ADMIN])  # admin of Utrecht
    assert "Kandidaat" not in client.get(reverse("accounts:review_list")).content.decode()
    review = reverse("accounts:request_review", args=[request.pk])
    assert client.get(review).status_code == 404
    assert (
        client.post(review, {"decision": "approve", "roles": ["professional"]}).status_code == 404
    )
    request.refresh_from_db()
    assert request.status == AccountRequestStatus.PENDING


def test_organisation_admin_cannot_grant_platform_roles(
    send, client, organisations, personas, login
):
    request = pending_request(organisations["utrecht"])
    login(client, personas[Role.ORGANISATION_ADMIN])
    review = reverse("accounts:request_review", args=[request.pk])
    response = send(review, {"decision": "approve", "roles": [Role.PLATFORM_ADMIN]})
    assert response.status_code == 200
    assert response.context["form"].errors["roles"]
    assert not User.objects.filter(email=request.email).exists()


def test_unknown_organisation_goes_to_the_platform_admin(
    client, send, organisations, personas, login, mailoutbox
):
    send(REQUEST, form_data(organisations, organisation="", organisation_name="Stichting X"))
    send(link_in(mailoutbox[-1]))
    assert mailoutbox[-1].to == [personas[Role.PLATFORM_ADMIN].email]
    request = AccountRequest.objects.get()
    login(client, personas[Role.PLATFORM_ADMIN])
    review = reverse("accounts:request_review", args=[request.pk])
    response = send(review, {"decision": "approve", "roles": [Role.PROFESSIONAL]})
    assert response.context["form"].errors["organisation"]
    send(
        review,
        {
            "decision": "approve",
            "organisation": organisations["riec"].pk,
            "roles": [Role.PROFESSIONAL],
        },
    )
    request.refresh_from_db()
    assert request.status == AccountRequestStatus.APPROVED
    assert request.organisation == organisations["riec"]


def test_organisation_or_its_name_is_required(send, organisations):
    response = send(REQUEST, form_data(organisations, organisation=""))
    assert response.context["form"].errors["organisation_name"]


HOSTILE = {
    "script": "<script>alert(1)</script>",
    "overlong": "x" * 5000,
    "rtl_override": "\u202egnp.exe",
    "emoji_and_accents": "Zoë 👩‍⚕️ Çelik",
    "sql": "'; DROP TABLE accounts_user; --",
    "template": "{{ settings.SECRET_KEY }} {% debug %}",
}


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_is_handled_on_every_field(send, organisations, settings, value):
    settings.SIGNAAL_ACCOUNT_REQUESTS_PER_ADDRESS = 100  # one address, many tries
    for field in ("full_name", "function", "motivation", "organisation_name"):
        response = send(REQUEST, form_data(organisations, **{field: value}))
        assert response.status_code == 200, field
        body = response.content.decode()
        assert "<script>alert(1)</script>" not in body
        assert "SECRET_KEY" not in body or "{{ settings.SECRET_KEY }}" in body
    response = send(REQUEST, form_data(organisations, email=value))
    assert response.status_code == 200
    assert response.context["form"].errors["email"]


def test_null_bytes_and_overlong_values_get_field_errors(send, organisations):
    response = send(REQUEST, form_data(organisations, full_name="a\x00b", motivation="m" * 2001))
    errors = response.context["form"].errors
    assert "full_name" in errors and "motivation" in errors
    body = response.content.decode()
    assert 'class="error-summary"' in body
    assert 'aria-invalid="true"' in body
    assert "Handhaver" in body, "what the user typed is kept"
    assert AccountRequest.objects.count() == 0


def test_empty_submit_lists_every_required_field(send, db):
    response = send(REQUEST, {})
    errors = response.context["form"].errors
    assert {"full_name", "email", "function", "motivation"} <= set(errors)


def test_errors_are_in_dutch_by_default(send, db):
    body = send(REQUEST, {}).content.decode()
    assert "verplicht" in body and "This field is required" not in body


def test_wrong_csrf_token_gets_a_clear_page_not_a_500(organisations):
    client = Client(enforce_csrf_checks=True)
    response = client.post(REQUEST, form_data(organisations))
    assert response.status_code == 403
    assert "error-summary" not in response.content.decode()
    assert AccountRequest.objects.count() == 0


def test_people_page_and_revoking_a_role(client, organisations, personas, login, make_user):
    colleague = make_user(Role.PROFESSIONAL, organisation="utrecht", email="collega@test.example")
    login(client, personas[Role.ORGANISATION_ADMIN])
    body = client.get(reverse("accounts:people")).content.decode()
    assert "collega@test.example" in body
    assert personas[Role.ANALYST].email not in body, "only their own organisation"
    membership = Membership.objects.get(user=colleague)
    url = reverse("accounts:revoke_role", args=[membership.pk])
    client.post(url, {"reason": ""})
    assert Membership.objects.filter(pk=membership.pk).exists(), "a reason is required"
    client.post(url, {"reason": "Uit dienst"})
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert AuditEvent.objects.get(action="accounts.role_revoked").reason == "Uit dienst"
    other = Membership.objects.get(user=personas[Role.ANALYST])
    response = client.post(reverse("accounts:revoke_role", args=[other.pk]), {"reason": "x"})
    assert response.status_code == 404


def test_admin_resets_two_factor_of_their_own_people_only(
    client, organisations, personas, login, make_user
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    colleague = make_user(Role.PROFESSIONAL, organisation="utrecht", email="collega@test.example")
    login(client, personas[Role.ORGANISATION_ADMIN])
    url = reverse("accounts:reset_two_factor", args=[colleague.pk])
    client.post(url, {"reason": ""})
    assert TOTPDevice.objects.filter(user=colleague).exists(), "a reason is required"
    client.post(url, {"reason": "Telefoon kwijt"})
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert AuditEvent.objects.get(action="accounts.two_factor_reset").reason == "Telefoon kwijt"
    outsider = personas[Role.ANALYST]
    url = reverse("accounts:reset_two_factor", args=[outsider.pk])
    assert client.post(url, {"reason": "x"}).status_code == 404
    assert TOTPDevice.objects.filter(user=outsider).exists()
