"""Session fixation, CSRF and logout (ASVS V3.2, V3.3, V4.2.2). Two-factor login and lockout are
tested in accounts/tests/test_login.py; this adds what those tests do not prove."""

import re

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role
from conftest import PASSWORD, totp_code

LOGIN = reverse("accounts:login")
CODE = reverse("accounts:two_factor")
PROFILE = reverse("accounts:profile")


def _session_key(client):
    return client.cookies["sessionid"].value if "sessionid" in client.cookies else None


def test_the_session_key_changes_at_the_password_and_at_the_second_factor(client, make_user):
    user = make_user(Role.REPORTING_POINT_STAFF)
    # An attacker's session planted in the victim's browser.
    session = client.session
    session["planted"] = True
    session.save()
    planted = session.session_key
    client.cookies["sessionid"] = planted
    client.post(LOGIN, {"email": user.email, "password": PASSWORD})
    halfway = _session_key(client)
    assert halfway and halfway != planted
    response = client.post(CODE, {"token": totp_code(TOTPDevice.objects.get(user=user))})
    assert response.status_code == 302
    signed_in = _session_key(client)
    assert signed_in not in (planted, halfway)
    assert client.get(PROFILE).status_code == 200
    # The planted key is worth nothing: it was not promoted to the signed-in session.
    attacker = Client()
    attacker.cookies["sessionid"] = planted
    assert attacker.get(PROFILE).status_code == 302
    attacker.cookies["sessionid"] = halfway
    assert attacker.get(PROFILE).status_code == 302


def test_a_password_alone_gives_a_session_without_access(client, make_user):
    user = make_user(Role.PRIVACY_OFFICER)
    client.post(LOGIN, {"email": user.email, "password": PASSWORD})
    assert client.get(reverse("audit:log")).status_code == 302


def _csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_csrf_is_enforced_for_a_signed_in_user(personas, login):
    from reports.tests.conftest import make_report

    report = make_report()
    client = Client(enforce_csrf_checks=True)
    login(client, personas[Role.REPORTING_POINT_STAFF])
    url = reverse("reports:add_note", args=[report.reference])
    data = {"note-body": "Notitie via een vervalst formulier"}
    response = client.post(url, data)
    assert response.status_code == 403
    assert report.notes.count() == 0
    response = client.post(url, {**data, "csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403
    html = client.get(reverse("reports:detail", args=[report.reference])).content.decode()
    response = client.post(url, {**data, "csrfmiddlewaretoken": _csrf_token(html)})
    assert response.status_code == 302
    assert report.notes.count() == 1


def test_csrf_on_logout_and_on_the_login_form(make_user, login):
    user = make_user(Role.ANALYST)
    client = Client(enforce_csrf_checks=True)
    login(client, user)
    assert client.post(reverse("accounts:logout")).status_code == 403
    assert client.get(PROFILE).status_code == 200, "a forged logout does nothing"
    anonymous = Client(enforce_csrf_checks=True)
    assert anonymous.post(LOGIN, {"email": user.email, "password": PASSWORD}).status_code == 403


def test_logout_ends_the_session_on_the_server(client, make_user, login):
    user = make_user(Role.REPORTING_POINT_STAFF)
    login(client, user)
    assert client.get(PROFILE).status_code == 200
    key = _session_key(client)
    assert Session.objects.filter(session_key=key).exists()
    client.post(reverse("accounts:logout"))
    assert not Session.objects.filter(session_key=key).exists()
    # A copy of the old cookie (stolen before the logout) no longer works.
    thief = Client()
    thief.cookies["sessionid"] = key
    assert thief.get(PROFILE).status_code == 302
    assert thief.get(reverse("reports:inbox")).status_code == 302


def test_logout_by_get_is_not_possible(client, make_user, login):
    user = make_user(Role.ANALYST)
    login(client, user)
    client.get(reverse("accounts:logout"))
    assert client.get(PROFILE).status_code == 200, "a link or image cannot log someone out"
