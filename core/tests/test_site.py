"""Settings, security headers, error pages, language, templates and demo data."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.urls import reverse

from accounts.models import AccountRequest, Membership, Organisation, Role, User

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SIGNAAL_ENV", "SIGNAAL_DEMO", "TASKS_BACKEND"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "SIGNAAL_ENV": "production",
    "SECRET_KEY": "k" * 20 + "-production-secret-key-with-enough-variety-0123456789",
    "ALLOWED_HOSTS": "signaal.example.nl",
}


def test_production_settings_pass_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_demo_mode_debug_and_a_missing_key():
    assert run_manage("check", **PRODUCTION, SIGNAAL_DEMO="true").returncode != 0
    assert run_manage("check", **PRODUCTION, DEBUG="true").returncode != 0
    without_key = {**PRODUCTION, "SECRET_KEY": ""}
    result = run_manage("check", **without_key)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_bad_environment_values_fail_loudly():
    result = run_manage("check", SIGNAAL_ENV="development", SIGNAAL_HTTPS="perhaps")
    assert result.returncode != 0
    assert "SIGNAAL_HTTPS must be true or false" in result.stderr


def test_the_project_hashes_passwords_with_argon2():
    from config import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout():
    from config import settings as project_settings

    if project_settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        options = project_settings.DATABASES["default"]["OPTIONS"]
        assert "journal_mode=WAL" in options["init_command"]
        assert options["timeout"] >= 5


def test_security_headers(client, db):
    response = client.get(reverse("core:home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_cookies_are_http_only_and_strict_in_production(settings):
    from config import settings as project_settings

    assert project_settings.SESSION_COOKIE_HTTPONLY and project_settings.CSRF_COOKIE_HTTPONLY
    result = run_manage(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS > 0)",
        **PRODUCTION,
    )
    assert result.stdout.split() == ["True", "True", "True", "True"], result.stderr


TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]


def all_templates():
    for directory in TEMPLATE_DIRS:
        yield from directory.rglob("*.html")


def test_templates_have_no_inline_script_or_style():
    """The Content-Security-Policy allows no inline code; keep templates that way."""
    offenders = []
    for path in all_templates():
        text = path.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)", text) or re.search(r"\sstyle=", text):
            offenders.append(str(path.relative_to(ROOT)))
        if re.search(r"\son[a-z]+=", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_pages_have_landmarks_and_a_skip_link(client, db):
    body = client.get(reverse("core:home")).content.decode()
    assert '<html lang="nl">' in body
    assert 'class="skip-link" href="#main"' in body
    assert '<main id="main"' in body
    assert "<header" in body and "<footer" in body and "<nav" in body


def test_dutch_by_default_and_english_on_request(client, db):
    assert "Inloggen" in client.get(reverse("accounts:login")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("accounts:login")).content.decode()
    assert '<html lang="en">' in body
    assert "Forgot password?" in body


def test_the_dutch_translation_is_complete():
    po = (ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po").read_text()
    entries = po.split("\n\n")[1:]
    untranslated = [
        entry
        for entry in entries
        if re.search(r'^msgstr(\[0\])? ""\n(?!")', entry + "\n", re.MULTILINE)
        and not entry.lstrip().startswith("#~")
    ]
    assert untranslated == []
    assert "#, fuzzy" not in po


def test_not_found_is_a_dutch_page(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_media_files_are_not_served_directly(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "secret.txt").write_text("geheim")
    assert client.get("/media/secret.txt").status_code == 404


@override_settings(DEBUG=False)
def test_server_error_page_without_database(rf):
    from core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "112" in response.content.decode()


def test_demo_data_is_refused_outside_demo_mode(db, settings):
    settings.SIGNAAL_DEMO = False
    with pytest.raises(CommandError):
        call_command("load_demo_data")


def test_demo_data_is_idempotent_and_has_one_user_per_role(db, settings, capsys):
    settings.SIGNAAL_DEMO = True
    call_command("load_demo_data")
    counts = (
        User.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
        AccountRequest.objects.count(),
    )
    call_command("load_demo_data")
    assert counts == (
        User.objects.count(),
        Organisation.objects.count(),
        Membership.objects.count(),
        AccountRequest.objects.count(),
    )
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    out = capsys.readouterr().out
    assert "Signaal-demo-2026" in out
    assert "meldpunt@vtu.demo.test" in out


def test_demo_logins_work_with_a_printed_backup_code(client, db, settings, capsys):
    settings.SIGNAAL_DEMO = True
    call_command("load_demo_data")
    out = capsys.readouterr().out
    code = re.search(r"meldpunt@vtu\.demo\.test\s+.*?backup codes: (\w+)", out, re.S).group(1)
    client.post(
        reverse("accounts:login"),
        {"email": "meldpunt@vtu.demo.test", "password": "Signaal-demo-2026"},
    )
    response = client.post(reverse("accounts:two_factor"), {"token": code})
    assert response.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_mail_goes_through_the_database_task_queue(db, settings, mailoutbox, monkeypatch):
    """What `make run` does: the request queues, the worker sends."""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker recycles connections between tasks; inside the test's transaction that would
    # close the connection the test runs in.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    from core.mail import send_after_commit
    from core.models import OutgoingEmail

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_after_commit("accounts/email/verify", ["iemand@test.example"], {"link": "x"})
    assert mailoutbox == []
    assert DBTaskResult.objects.filter(task_path="core.tasks.deliver_email").count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].extra_headers["Message-ID"] == OutgoingEmail.objects.get().message_id
    assert OutgoingEmail.objects.get().sent_at is not None
