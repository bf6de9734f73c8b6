"""End-to-end tests in Debian's chromium against a real development server with the demo data.

The server runs as a subprocess on its own fresh SQLite database in a temporary directory: the
tests never touch the test database (the audit table forbids DELETE, so flushing it after a
live_server test would fail). E-mail is written by Django's file backend into <var>/mail, sent at
once by the immediate task backend, so the tests read links from there like a person would.
"""

import email
import email.policy
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from base64 import b32decode
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import TOTP
from playwright.sync_api import expect, sync_playwright

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEMO_PASSWORD = "Signaal-demo-2026"
LOGOUT_FORM = 'form[action="/account/uitloggen/"]'
MAIN_SUBMIT = "main form button[type=submit]"
MAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"
# Environment variables of the test run that must not leak into the server.
NOT_INHERITED = [
    "DATABASE_URL",
    "SQLITE_PATH",
    "EMAIL_HOST",
    "EMAIL_FILE_PATH",
    "MEDIA_ROOT",
    "SECRET_KEY",
    "SITE_URL",
    "ALLOWED_HOSTS",
    "DEBUG",
]


@dataclass
class Server:
    base_url: str
    var_dir: Path
    env: dict
    # a fresh migrate and the demo data take minutes on a busy machine
    manage_timeout: int = 900

    @property
    def mail_dir(self):
        return self.var_dir / "mail"

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=self.manage_timeout,
        )
        assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stderr}"
        return result.stdout

    def demo_totp(self, email_address):
        code = self.manage("demo_totp", email_address).strip()
        assert re.fullmatch(r"\d{6}", code), code
        return code

    def mails(self):
        """Every e-mail written so far, oldest first."""
        messages = []
        if not self.mail_dir.exists():
            return messages
        for path in sorted(self.mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime_ns):
            for chunk in path.read_bytes().split(MAIL_SEPARATOR):
                if chunk.strip():
                    messages.append(email.message_from_bytes(chunk, policy=email.policy.default))
        return messages

    def wait_for_link(self, to, path_pattern, timeout=10):
        """The newest link matching `path_pattern` in an e-mail to `to`."""
        pattern = re.compile(re.escape(self.base_url) + path_pattern)
        deadline = time.monotonic() + timeout
        while True:
            for message in reversed(self.mails()):
                if to not in str(message["To"]):
                    continue
                match = pattern.search(message.get_body(("plain",)).get_content())
                if match:
                    return match
            if time.monotonic() > deadline:
                subjects = [(str(m["To"]), str(m["Subject"])) for m in self.mails()]
                pytest.fail(f"no e-mail to {to} with a link {path_pattern}; mails: {subjects}")
            time.sleep(0.2)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url, process, log_path, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server stopped:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own local server
                return
        except urllib.error.HTTPError:
            return  # it answers, even if not with 200
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server did not answer within {timeout} s:\n{log_path.read_text()}")


@contextmanager
def running_server(prefix, commands, *, demo=True, ready_path="/", ready_timeout=120):
    """A development server on a fresh SQLite database in a temporary var directory, after the
    manage.py `commands` (each a tuple of arguments); tasks run at once, e-mail goes to files."""
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
        )
    var_dir = Path(tempfile.mkdtemp(prefix=prefix))
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    env.update(
        SIGNAAL_ENV="development",
        SIGNAAL_VAR_DIR=str(var_dir),
        SIGNAAL_HTTPS="false",
        TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
        SITE_URL=base_url,
        DJANGO_SETTINGS_MODULE="config.settings",
        PYTHONUNBUFFERED="1",
    )
    if demo:
        env["SIGNAAL_DEMO"] = "true"
    srv = Server(base_url=base_url, var_dir=var_dir, env=env)
    for command in commands:
        srv.manage(*command)
    log_path = var_dir / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_up(base_url + ready_path, process, log_path, timeout=ready_timeout)
        yield srv
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(var_dir, ignore_errors=True)


DEMO_SETUP = [("migrate", "--noinput"), ("load_demo_data",), ("load_demo_content",)]


@pytest.fixture(scope="module")
def server():
    """A server with the demo data, one per test module."""
    with running_server("signaal-browser-", DEMO_SETUP) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser(server):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, server):
    """Pages in fresh browser contexts (no shared cookies), closed after the test."""
    contexts = []

    def make(**options):
        context = browser.new_context(base_url=server.base_url, locale="nl-NL", **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def console_errors(page):
    """Collect the page's console errors (CSP violations are reported there)."""
    errors = []

    def on_console(message):
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def assert_no_csp_errors(errors):
    csp = [error for error in errors if "Content Security Policy" in error]
    assert not csp, "\n".join(csp)


def run_axe(page):
    """No axe violations on the page as it is now."""
    page.wait_for_load_state("load")
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def signed_in_context(browser, server, email_address, backup_code, timeout=10_000):
    """A browser context of its own, signed in as a demo user with password and demo backup code
    number `backup_code` (each works once per fresh server, so modules pick different ones).
    Returns (context, page)."""
    from core.management.commands.load_demo_data import demo_backup_codes

    context = browser.new_context(base_url=server.base_url, locale="nl-NL")
    context.set_default_timeout(timeout)
    page = context.new_page()
    page.goto("/account/inloggen/")
    page.fill('input[name="email"]', email_address)
    page.fill('input[name="password"]', DEMO_PASSWORD)
    page.press('input[name="password"]', "Enter")
    page.wait_for_url("**/account/inloggen/code/")
    page.fill('input[name="token"]', demo_backup_codes(email_address)[backup_code])
    page.press('input[name="token"]', "Enter")
    signed_in(page)
    return context, page


def log_in(page, server, email_address):
    page.goto("/account/inloggen/")
    page.fill('input[name="email"]', email_address)
    page.fill('input[name="password"]', DEMO_PASSWORD)
    page.press('input[name="password"]', "Enter")
    page.wait_for_url("**/account/inloggen/code/")
    page.fill('input[name="token"]', server.demo_totp(email_address))
    page.press('input[name="token"]', "Enter")
    signed_in(page)


def signed_in(page):
    """Wait until the login has ended on the user's start screen (an editor's is the CMS, which
    has no logout form of ours)."""
    page.wait_for_url(lambda url: "/account/inloggen/" not in url)


def totp_from_secret(secret):
    compact = "".join(secret.split()).upper()
    key = b32decode(compact + "=" * (-len(compact) % 8))
    return f"{TOTP(key).token():06d}"


def test_login_with_two_factor(page, server):
    user = "meldpunt@vtu.demo.test"
    page.goto("/account/inloggen/")
    email_field = page.locator('input[name="email"]')
    expect(email_field).to_be_focused()  # autofocus: start typing straight away
    page.keyboard.type(user)
    page.keyboard.press("Tab")
    expect(page.locator('input[name="password"]')).to_be_focused()
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")

    page.wait_for_url("**/account/inloggen/code/")
    expect(page.locator('input[name="token"]')).to_be_focused()
    page.keyboard.type(server.demo_totp(user))
    page.keyboard.press("Enter")

    expect(page.locator(LOGOUT_FORM)).to_be_attached()
    assert "/account/inloggen/" not in page.url
    page.locator('header a[href="/account/"]').first.click()
    page.wait_for_url("**/account/")
    expect(page.locator("main")).to_contain_text(user)


def test_account_request_flow_by_mail(new_page, server):
    applicant = "n.dewit@utrecht.demo.test"
    page = new_page()
    errors = console_errors(page)

    # 1. The public request form.
    page.goto("/account/aanvragen/")
    page.fill('input[name="full_name"]', "Noor de Wit")
    page.fill('input[name="email"]', applicant)
    page.select_option('select[name="organisation"]', label="Gemeente Utrecht")
    page.fill('input[name="function"]', "Toezichthouder")
    page.fill('textarea[name="motivation"]', "Ik kom bij controles signalen van uitbuiting tegen.")
    page.click(MAIN_SUBMIT)
    expect(page.locator("main")).to_contain_text(applicant)
    expect(page.locator('input[name="full_name"]')).to_have_count(0)

    # 2. Confirm the address with the link from the e-mail.
    verify = server.wait_for_link(applicant, r"/account/aanvragen/(\d+)/bevestigen/[^\s/]+/")
    request_pk = verify.group(1)
    response = page.goto(verify.group(0))
    assert response.status == 200
    page.click(MAIN_SUBMIT)
    expect(page.locator("main h1")).to_be_visible()
    expect(page.locator("main form")).to_have_count(0)
    assert page.url == verify.group(0)
    # The organisation admin is told, and the link works only once.
    review_link = server.wait_for_link(
        "beheerder@utrecht.demo.test", rf"/account/aanvragen/beoordelen/{request_pk}/"
    )
    assert review_link
    assert page.goto(verify.group(0)).status == 400

    # 3. The organisation admin approves it.
    admin = new_page()
    admin_errors = console_errors(admin)
    log_in(admin, server, "beheerder@utrecht.demo.test")
    admin.goto("/account/aanvragen/beoordelen/")
    admin.click(f'a[href="/account/aanvragen/beoordelen/{request_pk}/"]')
    admin.wait_for_url(f"**/account/aanvragen/beoordelen/{request_pk}/")
    admin.check('input[name="decision"][value="approve"]')
    expect(admin.locator('input[name="roles"][value="professional"]')).to_be_checked()
    admin.click(MAIN_SUBMIT)
    admin.wait_for_url("**/account/aanvragen/beoordelen/")
    expect(admin.locator(f'a[href="/account/aanvragen/beoordelen/{request_pk}/"]')).to_have_count(0)

    # 4. The applicant activates the account: password, authenticator, backup codes.
    activate = server.wait_for_link(applicant, rf"/account/activeren/{request_pk}/[^\s/]+/")
    applicant_page = new_page()
    applicant_errors = console_errors(applicant_page)
    applicant_page.goto(activate.group(0))
    applicant_page.fill('input[name="new_password1"]', "Lange-wachtzin-voor-test-42")
    applicant_page.fill('input[name="new_password2"]', "Lange-wachtzin-voor-test-42")
    applicant_page.press('input[name="new_password2"]', "Enter")
    applicant_page.wait_for_url("**/account/inloggen/app-instellen/")
    expect(applicant_page.locator(".qr svg")).to_be_visible()
    secret = applicant_page.locator("code.secret").inner_text()
    applicant_page.fill('input[name="token"]', totp_from_secret(secret))
    applicant_page.press('input[name="token"]', "Enter")
    applicant_page.wait_for_url("**/account/back-upcodes/")
    expect(applicant_page.locator("ul.backup-codes li")).to_have_count(10)
    expect(applicant_page.locator(LOGOUT_FORM)).to_be_attached()

    for collected in (errors, admin_errors, applicant_errors):
        assert_no_csp_errors(collected)


def _empty_login(page, server):
    page.goto("/account/inloggen/")
    page.click(MAIN_SUBMIT)
    expect(page.locator(".error-summary")).to_be_visible()


def _profile(page, server):
    log_in(page, server, "aandachtsfunctionaris@amersfoort.demo.test")
    page.goto("/account/")


def _first_news_item(page, server):
    page.goto("/nieuws/")
    page.locator("main .card h2 a").first.click()
    page.wait_for_load_state("load")


def _my_knowledge(page, server):
    log_in(page, server, "zorgcoordinator@zorg.demo.test")
    page.goto("/kennisbank/")
    page.locator("main .document-item form button").first.click()
    page.wait_for_load_state("load")
    page.goto("/kennisbank/mijn/")


AXE_PAGES = {
    "home": lambda page, server: page.goto("/"),
    "login": lambda page, server: page.goto("/account/inloggen/"),
    "request-account": lambda page, server: page.goto("/account/aanvragen/"),
    "password-reset": lambda page, server: page.goto("/account/wachtwoord-vergeten/"),
    "login-errors": _empty_login,
    "profile": _profile,
    "theme": lambda page, server: page.goto("/mensenhandel/"),
    "library": lambda page, server: page.goto("/kennisbank/"),
    "library-filtered": lambda page, server: page.goto("/kennisbank/?type=report&form=labour"),
    "search": lambda page, server: page.goto("/kennisbank/zoeken/?q=uitbuiting"),
    "search-empty": lambda page, server: page.goto("/kennisbank/zoeken/?q=zzzqqq"),
    "news": lambda page, server: page.goto("/nieuws/"),
    "news-item": _first_news_item,
    "links": lambda page, server: page.goto("/links/"),
    "my-knowledge": _my_knowledge,
    "guide": lambda page, server: page.goto("/wat-zie-je/"),
    "guide-outcome": lambda page, server: page.goto(
        "/wat-zie-je/?subject=person&minor=on&acute=on&s=SU-01&s=SU-04&s=AU-01"
    ),
    "signal-card": lambda page, server: page.goto("/wat-zie-je/signaalkaart/labour/"),
    "guide-location": lambda page, server: page.goto(
        "/wat-zie-je/?subject=location&premises=massage_salon"
    ),
}


def _standalone(template):
    """A page rendered without the database (the error pages, the late confirmation), served as
    the server would; its stylesheet comes from the server."""

    def go(page, server):
        from django.template.loader import render_to_string
        from django.utils import translation

        with translation.override("nl"):
            html = render_to_string(template)
        page.route(
            "**/storing/",
            lambda route: route.fulfill(
                status=503, content_type="text/html; charset=utf-8", body=html
            ),
        )
        page.goto("/storing/")

    return go


AXE_PAGES.update(
    {
        "error-500": _standalone("errors/500.html"),
        "error-503": _standalone("errors/503.html"),
        "received-later": _standalone("reports/received_later.html"),
    }
)


@pytest.mark.parametrize("name", list(AXE_PAGES))
def test_no_axe_violations(page, server, name):
    AXE_PAGES[name](page, server)
    page.wait_for_load_state("load")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_keyboard_skip_link(page):
    errors = console_errors(page)
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()  # visible when focused, not only to screen readers
    page.keyboard.press("Enter")
    page.wait_for_url("**/#main")
    expect(page.locator("#main")).to_be_focused()
    assert_no_csp_errors(errors)


def test_pages_work_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/account/inloggen/")
    page.fill('input[name="email"]', "meldpunt@vtu.demo.test")
    page.fill('input[name="password"]', DEMO_PASSWORD)
    page.click(MAIN_SUBMIT)
    page.wait_for_url("**/account/inloggen/code/")
    expect(page.locator('input[name="token"]')).to_be_visible()


def test_keyboard_only_search(page):
    """Tab to the search field on the home page, type, press Enter, read the results."""
    page.goto("/")
    search = page.locator("#search-q-home")
    for _ in range(40):
        page.keyboard.press("Tab")
        if search.evaluate("element => element === document.activeElement"):
            break
    expect(search).to_be_focused()
    page.keyboard.type("slachtoffers")
    page.keyboard.press("Enter")
    page.wait_for_url("**/kennisbank/zoeken/?q=slachtoffers")
    expect(page.locator("main .search-hit").first).to_be_visible()
    expect(page.locator("main .search-hit mark").first).to_be_visible()


def test_restricted_documents_appear_after_login(new_page, server):
    page = new_page()
    page.goto("/kennisbank/")
    # 35 demo documents: 2 for logged-in professionals, 1 for the partner group only.
    assert page.locator("main .result-count").inner_text().startswith("32 ")
    expect(page.locator("main .notice")).to_contain_text("2")
    log_in(page, server, "inspecteur@nla.demo.test")
    page.goto("/kennisbank/")
    expect(page.locator("main .notice")).to_have_count(0)
    assert page.locator("main .result-count").inner_text().startswith("35 ")


def test_guide_without_javascript(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/wat-zie-je/")
    page.check('input[name="s"][value="SU-01"]')
    page.check('input[name="s"][value="SU-04"]')
    page.locator("main button[type=submit]").last.click()
    page.wait_for_url("**/wat-zie-je/?*")
    assert "s=SU-01" in page.url, "the selection lives in the URL"
    expect(page.locator("#guide-result h3").first).to_be_visible()
    expect(page.locator("#guide-result .route li").first).to_be_visible()


def test_guide_updates_as_you_tick_with_javascript(page):
    errors = console_errors(page)
    page.goto("/wat-zie-je/")
    expect(page.locator("#guide-result h3")).to_have_count(0)
    page.check('input[name="s"][value="SU-01"]')
    expect(page.locator("#guide-result h3").first).to_be_visible()
    page.wait_for_function("() => location.search.includes('SU-01')")
    assert_no_csp_errors(errors)


def test_guide_keyboard_only(new_page):
    """Tab to a signal, tick it with the space bar, Tab to the button and press Enter."""
    page = new_page(java_script_enabled=False)
    page.goto("/wat-zie-je/")
    first_signal = page.locator('input[name="s"]').first
    for _ in range(80):
        page.keyboard.press("Tab")
        if first_signal.evaluate("element => element === document.activeElement"):
            break
    expect(first_signal).to_be_focused()
    page.keyboard.press("Space")
    expect(first_signal).to_be_checked()
    submit = page.locator("main button[type=submit]").last
    for _ in range(200):
        page.keyboard.press("Tab")
        if submit.evaluate("element => element === document.activeElement"):
            break
    expect(submit).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/wat-zie-je/?*")
    expect(page.locator("#guide-result .route li").first).to_be_visible()
