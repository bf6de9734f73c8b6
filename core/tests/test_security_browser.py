"""Stored XSS in a real browser: script payloads go in through the public report form and the
advice form, then reporting-point staff open the inbox, the case screen and the case summary.
No dialog may open and no payload may run (each sets `window.__xss`), and no payload may turn
into markup: the staff browser ignores the Content-Security-Policy here (bypass_csp), so that
the escaping is tested on its own and the CSP stays a second line of defence."""

# The fixtures imported from core.tests.test_browser are the parameters of the tests.
# ruff: noqa: F811

import pytest
from playwright.sync_api import expect

from core.tests import hostile
from core.tests.test_browser import (  # noqa: F401 - pytest picks up the imported fixtures
    browser,
    log_in,
    new_page,
    page,
    server,
)

pytestmark = pytest.mark.browser
STAFF = "meldpunt@vtu.demo.test"
NEXT = 'button[name="action"][value="next"]'
SEND = 'button[name="action"][value="send"]'
PASSPHRASE = "rode fiets bij de brug"

SCRIPTS = [value for value in hostile.CATEGORIES["xss"] if "__xss" in value and len(value) < 150]
SHORT = [value for value in SCRIPTS if len(value) <= 100]
# Everything a page could do when markup got through.
INJECTED = """() => ({
    flag: window.__xss,
    inline: document.querySelectorAll('script:not([src])').length,
    handlers: [...document.querySelectorAll('*')].filter(
        (element) => [...element.attributes].some((a) => a.name.startsWith('on'))
    ).length,
    frames: document.querySelectorAll('iframe, object, embed').length,
})"""


def _description(start):
    return "\n".join(SCRIPTS[start : start + 20])[:4900]


def _watch(page):
    events = []
    page.on("dialog", lambda dialog: (events.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: events.append(f"error: {error}"))
    return events


def _assert_clean(page, events):
    state = page.evaluate(INJECTED)
    assert state == {"flag": None, "inline": 0, "handlers": 0, "frames": 0}, (page.url, state)
    assert events == [], (page.url, events)


@pytest.fixture(scope="module")
def stored(browser, server):
    """One report and one advice request full of payloads; returns the report's reference."""
    context = browser.new_context(base_url=server.base_url, locale="nl-NL")
    context.set_default_timeout(10_000)
    reporter = context.new_page()
    events = _watch(reporter)
    reporter.goto("/melden/")
    reporter.fill('textarea[name="description"]', _description(0))
    reporter.check('input[name="acute_danger"][value="no"]')
    reporter.click(NEXT)
    reporter.select_option('select[name="municipality"]', "GM0344")
    reporter.fill('input[name="street"]', SHORT[1])
    reporter.fill('input[name="house_number"]', "12")
    reporter.fill('input[name="postcode"]', "3511ab")
    reporter.fill('textarea[name="place"]', SHORT[2])
    reporter.fill('input[name="occurred_period"]', SHORT[3])
    reporter.click(NEXT)
    reporter.check('input[name="age_group"][value="adult"]')
    reporter.fill('input[name="nationality"]', SHORT[4])
    reporter.fill('textarea[name="exploiters"]', _description(20))
    reporter.fill('input[name="company_name"]', SHORT[5])
    reporter.click(NEXT)
    reporter.check('input[name="identity"][value="anonymous"]')
    reporter.click(NEXT)
    _assert_clean(reporter, events)  # the summary before sending shows every payload
    # The mailbox passphrase is chosen on the last step, next to "Send".
    reporter.fill('input[name="passphrase"]', PASSPHRASE)
    reporter.fill('input[name="passphrase_again"]', PASSPHRASE)
    reporter.click(SEND)
    reporter.wait_for_url("**/melden/ontvangen/*/")
    reference = reporter.locator(".reference").inner_text().strip()
    _assert_clean(reporter, events)
    advice = context.new_page()
    advice_events = _watch(advice)
    advice.goto("/melden/advies/")
    advice.fill('textarea[name="description"]', _description(40))
    advice.check('input[name="acute_danger"][value="no"]')
    advice.fill('input[name="reporter_organisation_text"]', SHORT[6])
    advice.fill('input[name="reporter_function"]', SHORT[7][:150])
    advice.fill('input[name="passphrase"]', PASSPHRASE)
    advice.fill('input[name="passphrase_again"]', PASSPHRASE)
    advice.locator("main form button[type=submit]").click()
    advice.wait_for_url("**/melden/ontvangen/*/")
    _assert_clean(advice, advice_events)
    context.close()
    return reference


@pytest.fixture(scope="module")
def staff(browser, server):
    context = browser.new_context(base_url=server.base_url, locale="nl-NL", bypass_csp=True)
    context.set_default_timeout(10_000)
    staff_page = context.new_page()
    log_in(staff_page, server, STAFF)
    yield staff_page
    context.close()


def test_stored_payloads_do_not_run_for_the_reporting_point(staff, stored):
    events = _watch(staff)
    staff.goto("/meldpunt/")
    expect(staff.locator("main")).to_contain_text(stored)
    _assert_clean(staff, events)
    for path in ("", "samenvatting/"):
        staff.goto(f"/meldpunt/{stored}/{path}")
        expect(staff.locator("main")).to_contain_text("__xss")  # shown, as text
        _assert_clean(staff, events)
    # The advice request: the newest item of the inbox (the default order is by urgency).
    staff.goto("/meldpunt/?kind=advice&sort=newest")
    link = staff.locator('main td a[href^="/meldpunt/"]').first
    link.click()
    expect(staff.locator("main")).to_contain_text("__xss")
    _assert_clean(staff, events)
