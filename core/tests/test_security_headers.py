"""Security headers and cookie flags as production serves them (NCSC web guidelines, ASVS V14.4
and V3.4): the production settings are read from config/settings.py itself, in a separate process
with SIGNAAL_ENV=production, and then applied to real responses."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from accounts.models import Role
from conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
NAMES = [
    "DEBUG",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
]
SCRIPT = f"""
import json
from django.conf import settings
print(json.dumps({{name: getattr(settings, name) for name in {NAMES!r}}}))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """The settings a production installation gets from the environment it must provide."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SIGNAAL_", "DEBUG", "SESSION_", "DATABASE_URL"))
    }
    env.update(
        SIGNAAL_ENV="production",
        SECRET_KEY="a-production-secret-key-for-this-test-only-0123456789",
        DJANGO_SETTINGS_MODULE="config.settings",
        # a directory of its own: settings close the var directory to others (mode 700), which
        # must never be the machine's /tmp
        SIGNAAL_VAR_DIR=str(tmp_path_factory.mktemp("production")),
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_defaults_are_secure(production):
    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["SESSION_COOKIE_HTTPONLY"] is True
    assert production["SESSION_COOKIE_SAMESITE"] in ("Lax", "Strict")
    assert production["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SAMESITE"] in ("Lax", "Strict")
    assert production["X_FRAME_OPTIONS"] == "DENY"


@pytest.fixture
def as_production(production):
    with override_settings(**production):
        yield


def _csp(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize(
    "url", ["/", "/melden/", "/account/inloggen/", "/kennisbank/zoeken/?q=x", "/bestaat-niet/"]
)
def test_security_headers_on_public_pages(client, db, as_production, url):
    response = client.get(url, secure=True)
    assert response.status_code == (404 if url == "/bestaat-niet/" else 200), url
    csp = _csp(response)
    scripts = csp.get("script-src", csp["default-src"])
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert "*" not in scripts and "data:" not in scripts
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in csp.get("style-src", [])
    hsts = response["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] in ("same-origin", "no-referrer", "strict-origin")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    for leak in ("Server", "X-Powered-By", "X-AspNet-Version"):
        assert leak not in response, leak
    if "Permissions-Policy" in response:
        assert "camera=()" in response["Permissions-Policy"]


def test_plain_http_is_redirected_to_https(client, db, as_production):
    response = client.get("/melden/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_cookies_are_secure_httponly_and_samesite(client, make_user, as_production):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from conftest import totp_code

    user = make_user(Role.ANALYST)
    page = client.get(reverse("accounts:login"), secure=True)
    csrf = page.cookies["csrftoken"]
    assert csrf["secure"] and csrf["samesite"] in ("Lax", "Strict") and csrf["httponly"]
    client.post(reverse("accounts:login"), {"email": user.email, "password": PASSWORD}, secure=True)
    response = client.post(
        reverse("accounts:two_factor"),
        {"token": totp_code(TOTPDevice.objects.get(user=user))},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    assert session["samesite"] in ("Lax", "Strict")
    assert not session["max-age"] and not session["expires"], "gone when the browser closes"


def test_error_pages_reveal_no_versions(client, db, as_production):
    body = client.get("/bestaat-niet/", secure=True).content.decode()
    assert "Django" not in body and "Traceback" not in body and "Python" not in body


def test_permissions_policy_and_no_caching_for_signed_in_users(client, login, personas):
    from accounts.models import Role

    response = client.get("/")
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    login(client, personas[Role.ANALYST])
    response = client.get("/monitor/")
    assert "no-store" in response["Cache-Control"]
