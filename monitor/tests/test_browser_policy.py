"""The municipal policy monitor in Debian's chromium: no axe violations on the overview, a
municipality and the record form (also with errors), and the form used with the keyboard alone.
The RIEC analyst signs in with a demo backup code (each works once per fresh server)."""

# ruff: noqa: F811
import re

import pytest
from playwright.sync_api import expect

from core.tests.test_browser import (  # noqa: F401 - pytest picks up the imported fixtures
    assert_no_csp_errors,
    browser,
    console_errors,
    run_axe,
    server,
    signed_in_context,
)

pytestmark = pytest.mark.browser
ANALYST = "analist@riec.demo.test"
LOAD_DEMO_POLICY = (
    "from accounts.models import User; from monitor.policy import load_demo_policy; "
    f"load_demo_policy(actor=User.objects.get(email={ANALYST!r}))"
)


@pytest.fixture(scope="module")
def analyst(browser, server):
    # A no-op once the demo loader records the policy statuses itself.
    server.manage("shell", "-c", LOAD_DEMO_POLICY)
    context, page = signed_in_context(browser, server, ANALYST, 7)
    yield page
    context.close()


def test_policy_pages_have_no_axe_violations(analyst):
    page = analyst
    errors = console_errors(page)
    page.goto("/monitor/beleid/")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator('main svg[role="img"]')).to_be_visible()
    expect(page.locator("main table").last).to_contain_text("Utrecht")
    run_axe(page)

    # The situation at the end of an earlier quarter.
    select = page.locator('select[name="quarter"]')
    earlier = select.locator("option").nth(2).get_attribute("value")
    select.select_option(earlier)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/monitor/beleid/?quarter={earlier}")
    expect(select).to_have_value(earlier)
    run_axe(page)

    page.goto("/monitor/beleid/?quarter=1999-9")  # not a quarter one can choose
    expect(page.locator(".error-summary")).to_be_visible()
    run_axe(page)

    page.goto("/monitor/beleid/")
    page.locator("main table").last.get_by_role("link", name="Utrecht", exact=True).click()
    page.wait_for_url("**/monitor/beleid/GM0344/")
    run_axe(page)

    page.locator('main a[href="/monitor/beleid/GM0344/bijwerken/"]').click()
    page.wait_for_url("**/monitor/beleid/GM0344/bijwerken/")
    run_axe(page)

    page.fill('input[name="policy-as_of"]', "2099-01-01")
    page.fill('textarea[name="policy-note"]', "Te vroeg ingevuld")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator('input[name="policy-as_of"]')).to_have_value("2099-01-01")
    expect(page.locator('textarea[name="policy-note"]')).to_have_value("Te vroeg ingevuld")
    expect(page.locator(".field-error")).to_have_count(1)
    run_axe(page)
    assert_no_csp_errors(errors)


def focus_by_tab(page, selector, limit=80):
    """Press Tab until the element matching `selector` has the focus."""
    target = page.locator(selector)
    for _ in range(limit):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"{selector} was not reached with Tab")


def test_record_form_works_with_the_keyboard_alone(analyst):
    page = analyst
    page.goto("/monitor/beleid/GM0307/bijwerken/")
    expect(page.locator("h1")).to_be_visible()
    select = 'select[name="direction-state"]'
    before = page.locator(select).input_value()
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Enter")
    focus_by_tab(page, select)
    page.keyboard.press("End")  # the last state: in place
    assert page.locator(select).input_value() == "in_place"
    if before == "in_place":
        page.keyboard.press("ArrowUp")
    chosen = page.locator(select).input_value()
    assert chosen != before
    label = page.locator(f"{select} option:checked").inner_text()
    focus_by_tab(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    # The skip link's #main stays in the address through the redirect.
    expect(page).to_have_url(re.compile(r"/monitor/beleid/GM0307/(#main)?$"))
    expect(page.locator(".message-success")).to_be_visible()
    expect(page.locator("#current-direction")).to_contain_text(label)
