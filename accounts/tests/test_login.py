"""Password, then a second factor, for every role; lockout; backup codes; enrolment; reset."""

import re

import pytest
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import access
from accounts.models import Role
from audit.models import AuditEvent
from conftest import PASSWORD, totp_code

LOGIN = reverse("accounts:login")
CODE = reverse("accounts:two_factor")
ENROL = reverse("accounts:enrol")
PROFILE = reverse("accounts:profile")


def password_step(client, email, password=PASSWORD, **extra):
    return client.post(LOGIN, {"email": email, "password": password, **extra})


def is_logged_in(client):
    return client.get(PROFILE).status_code == 200


@pytest.mark.parametrize("role", Role.values)
def test_every_role_needs_the_second_factor(client, make_user, role):
    user = make_user(role)
    response = password_step(client, user.email)
    assert response.status_code == 302
    assert response["Location"] == CODE
    assert not is_logged_in(client), "a password alone must not log in"
    device = TOTPDevice.objects.get(user=user)
    response = client.post(CODE, {"token": totp_code(device)})
    assert response.status_code == 302
    assert is_logged_in(client)
    login_event = AuditEvent.objects.filter(action="accounts.login").last()
    assert login_event.actor == user
    assert login_event.details == {"second_factor": "totp"}


def test_wrong_password_is_refused_and_audited(client, make_user):
    user = make_user(Role.ANALYST)
    response = password_step(client, user.email, "wrong-password-123")
    assert response.status_code == 200
    assert "Er is geen account met dit e-mailadres en dit wachtwoord." in response.content.decode()
    assert response.context["form"]["email"].value() == user.email, "input is kept"
    event = AuditEvent.objects.get(action="accounts.login_failed")
    assert event.object_id == str(user.pk)
    assert event.details == {"stage": "password", "locked_out": False}


def test_unknown_address_gives_the_same_message(client, db):
    known = password_step(client, "nobody@test.example", "whatever-password")
    assert known.status_code == 200
    assert known.context["form"].non_field_errors()


def test_lockout_after_repeated_failures(client, make_user, settings):
    user = make_user(Role.ANALYST)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert password_step(client, user.email, "wrong-password-123").status_code == 200
    assert password_step(client, user.email, "wrong-password-123").status_code == 429
    # Now even the right password is refused.
    response = password_step(client, user.email)
    assert response.status_code == 429
    assert AuditEvent.objects.filter(
        action="accounts.login_failed", details__locked_out=True
    ).exists()


def test_wrong_codes_end_the_attempt(client, make_user):
    user = make_user(Role.ANALYST)
    password_step(client, user.email)
    device = TOTPDevice.objects.get(user=user)
    for attempt in range(4):
        TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
        response = client.post(CODE, {"token": "000000"})
        assert response.status_code == 200, attempt
        assert response.context["form"].errors["token"]
    response = client.post(CODE, {"token": "000000"})
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert client.get(CODE)["Location"] == LOGIN, "the half-finished login is gone"


def test_backup_code_works_once(client, make_user):
    user = make_user(Role.EDITOR)
    device = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
    StaticToken.objects.create(device=device, token="abcd2345")
    password_step(client, user.email)
    assert client.post(CODE, {"token": " abcd 2345 "}).status_code == 302
    assert is_logged_in(client)
    client.post(reverse("accounts:logout"))
    password_step(client, user.email)
    assert client.post(CODE, {"token": "abcd2345"}).status_code == 200
    assert not is_logged_in(client)


def test_second_factor_step_expires(client, make_user, monkeypatch):
    user = make_user(Role.ANALYST)
    password_step(client, user.email)
    import accounts.views

    later = accounts.views.time.time() + 301
    monkeypatch.setattr(accounts.views.time, "time", lambda: later)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(CODE, {"token": totp_code(device)})
    assert response["Location"] == LOGIN
    assert not is_logged_in(client)


def test_first_login_enrols_an_authenticator(client, make_user):
    user = make_user(Role.PROFESSIONAL, two_factor=False)
    response = password_step(client, user.email)
    assert response["Location"] == ENROL
    page = client.get(ENROL)
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert client.post(ENROL, {"token": "12345a"}).context["form"].errors["token"]
    response = client.post(ENROL, {"token": totp_code(device)})
    assert response["Location"] == reverse("accounts:backup_codes")
    codes_page = client.get(response["Location"]).content.decode()
    codes = StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    assert len(codes) == 10
    assert all(code in codes_page for code in codes)
    assert client.get(reverse("accounts:backup_codes"))["Location"] == PROFILE, "shown once"
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(action="accounts.two_factor_enrolled", actor=user).exists()


def test_resetting_two_factor_ends_sessions(client, make_user, login):
    from accounts.actions import reset_two_factor

    user = make_user(Role.ANALYST)
    login(client, user)
    assert is_logged_in(client)
    reset_two_factor(user, actor=None, reason="telefoon kwijt", request=None)
    assert not is_logged_in(client)


def test_regenerate_backup_codes(client, make_user, login):
    user = make_user(Role.ANALYST)
    login(client, user)
    response = client.post(reverse("accounts:regenerate_backup_codes"))
    assert response["Location"] == reverse("accounts:backup_codes")
    assert StaticToken.objects.filter(device__user=user).count() == 10
    assert AuditEvent.objects.filter(action="accounts.backup_codes_regenerated").exists()


def test_no_open_redirect_after_login(client, make_user):
    user = make_user(Role.ANALYST)
    password_step(client, user.email, next="https://evil.example/")
    device = TOTPDevice.objects.get(user=user)
    response = client.post(CODE, {"token": totp_code(device)})
    assert response["Location"] == reverse("accounts:start")


def test_next_is_followed_within_the_site(client, make_user):
    user = make_user(Role.PRIVACY_OFFICER)
    password_step(client, user.email, next=reverse("audit:log"))
    device = TOTPDevice.objects.get(user=user)
    assert client.post(CODE, {"token": totp_code(device)})["Location"] == reverse("audit:log")


def test_logout_is_audited(client, make_user, login):
    user = make_user(Role.ANALYST)
    login(client, user)
    client.post(reverse("accounts:logout"))
    assert not is_logged_in(client)
    assert AuditEvent.objects.filter(action="accounts.logout", actor=user).exists()


def test_session_is_an_idle_timeout(settings):
    assert settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_AGE <= 60 * 60


def test_password_reset_by_mail(client, make_user, mailoutbox, django_capture_on_commit_callbacks):
    user = make_user(Role.ANALYST)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)
    path = link.split("8000", 1)[1] if "8000" in link else link
    response = client.get(path)
    assert response.status_code == 302  # Django swaps the token for a session marker
    response = client.post(
        response["Location"],
        {"new_password1": "Nieuw-lang-wachtwoord-1", "new_password2": "Nieuw-lang-wachtwoord-1"},
    )
    assert response["Location"] == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("Nieuw-lang-wachtwoord-1")
    assert AuditEvent.objects.filter(action="accounts.password_changed", actor=user).exists()
    assert not is_logged_in(client), "a reset does not log in: two-factor still applies"


def test_password_reset_does_not_reveal_accounts(client, db, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@test.example"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mailoutbox == []


def test_verified_session_is_what_access_checks(client, make_user):
    user = make_user(Role.ANALYST)
    client.force_login(user)  # a session without the second factor
    assert client.get(PROFILE).status_code == 302
    assert not access.is_verified(user)


HOSTILE = [
    "<script>alert(1)</script>",
    "x" * 5000,
    "\u202eevil",
    "👩‍⚕️ Zoë",
    "' OR 1=1 --",
    "a\x00b",
    "",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_input_on_the_login_forms_never_breaks(client, make_user, value):
    user = make_user(Role.ANALYST)
    for data in ({"email": value, "password": value}, {"email": user.email, "password": value}):
        response = client.post(LOGIN, data)
        assert response.status_code in (200, 429)
        assert "<script>alert(1)</script>" not in response.content.decode()
    password_step(client, user.email)
    response = client.post(CODE, {"token": value})
    assert response.status_code in (200, 302)
    assert not is_logged_in(client)
    response = client.post(reverse("accounts:password_reset"), {"email": value})
    assert response.status_code in (200, 302)
