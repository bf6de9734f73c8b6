"""The privacy officer's pages in Debian's chromium: no axe violations, and a data subject
request from search to correction. The officer signs in with a demo backup code (each works once
per fresh server), so no authenticator code is reused within its 30-second window."""

# ruff: noqa: F811
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from core.management.commands.load_demo_data import DEMO_PASSWORD, demo_backup_codes
from core.tests.test_browser import (  # noqa: F401 - pytest picks up the imported fixtures
    LOGOUT_FORM,
    assert_no_csp_errors,
    browser,
    console_errors,
    server,
)

pytestmark = pytest.mark.browser
OFFICER = "privacy@vtu.demo.test"


def run_axe(page):
    page.wait_for_load_state("load")
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


@pytest.fixture(scope="module")
def officer(browser, server):
    context = browser.new_context(base_url=server.base_url)
    page = context.new_page()
    page.goto("/account/inloggen/")
    page.fill('input[name="email"]', OFFICER)
    page.fill('input[name="password"]', DEMO_PASSWORD)
    page.press('input[name="password"]', "Enter")
    page.wait_for_url("**/account/inloggen/code/")
    page.fill('input[name="token"]', demo_backup_codes(OFFICER)[0])
    page.press('input[name="token"]', "Enter")
    expect(page.locator(LOGOUT_FORM)).to_be_attached()
    yield page
    context.close()


def test_privacy_pages_have_no_axe_violations(officer):
    errors = console_errors(officer)
    officer.goto("/gegevensbescherming/")
    expect(officer.locator("h1")).to_be_visible()
    run_axe(officer)
    officer.goto("/gegevensbescherming/betrokkenen/")
    run_axe(officer)
    officer.locator("main form button[type=submit]").first.click()  # nothing filled in
    expect(officer.locator(".error-summary")).to_be_visible()
    run_axe(officer)
    officer.fill('input[name="phone"]', "06 1234 5678")
    officer.fill('input[name="reason"]', "Verzoek V-2026-01")
    officer.locator("main form button[type=submit]").first.click()
    expect(officer.locator('main table a[href*="/toegang/"]').first).to_be_visible()
    run_axe(officer)
    correct = officer.locator('main table a[href*="/melder/"]').first
    correct.click()
    expect(officer.locator('input[name="reporter_phone"]')).to_have_value("0612345678")
    run_axe(officer)
    officer.fill('input[name="reporter_phone"]', "0612345679")
    officer.fill('input[name="reason"]', "Correctie V-2026-01")
    officer.locator("main form button[type=submit]").first.click()
    expect(officer.locator(".message-success")).to_be_visible()
    run_axe(officer)
    reference = officer.locator("h1").inner_text().split()[-1]
    officer.goto(f"/gegevensbescherming/melding/{reference}/toegang/")
    expect(officer.locator("main table")).to_contain_text("privacy.reporter_corrected")
    run_axe(officer)
    officer.goto(f"/gegevensbescherming/melding/{reference}/bewaren/")
    run_axe(officer)
    officer.locator("main form button[type=submit]").click()  # no reason: an error
    expect(officer.locator(".error-summary")).to_be_visible()
    run_axe(officer)
    assert_no_csp_errors(errors)
