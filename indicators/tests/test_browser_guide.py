"""'Wat zie je?' in Debian's chromium: the live update never shows a stale outcome, and on a
phone the outcome stays in view while ticking. Uses the dev-server and browser fixtures of
core/tests/test_browser.py (one server with the demo data per module)."""

# The fixtures imported from core.tests.test_browser are the parameters of the tests.
# ruff: noqa: F811

import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from core.tests.test_browser import (  # noqa: F401 - pytest picks up the imported fixtures
    assert_no_csp_errors,
    browser,
    console_errors,
    new_page,
    page,
    run_axe,
    running_server,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server():
    """A server without the demo data: the guide needs only the catalogue, which the migrations
    load."""
    with running_server(
        "signaal-guide-", [("migrate", "--noinput")], demo=False, ready_path="/wat-zie-je/"
    ) as srv:
        yield srv


SUMMARY = "#guide-summary"
SEXUAL_OUTCOME = '#guide-result .suggestion[data-form="sexual"]'


def tick(page, code):
    page.check(f'input[name="s"][value="{code}"]')


def report_links(page):
    return page.locator("[data-report-link]").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize("abort", [True, False], ids=["abort-controller", "sequence-only"])
def test_a_late_answer_to_an_earlier_tick_is_ignored(new_page, abort):
    """The first update is held back and answered only after the second one: the page, the
    summary and both report links must still show what is ticked now (SU-01 and SU-02: two
    strong signals, 'strong'), not the first answer (SU-01 alone, 'possible'). Without an
    AbortController the late answer really arrives, so the sequence number is what stops it."""
    page = new_page()
    errors = console_errors(page)
    if not abort:
        page.add_init_script("window.AbortController = undefined;")
    held = []

    def hold_the_first(route):
        if not held and "SU-02" not in route.request.url:
            held.append(route)  # answered later, after the newer one
        else:
            route.continue_()

    page.goto("/wat-zie-je/")
    page.route(re.compile(r".*/wat-zie-je/\?.*"), hold_the_first)
    tick(page, "SU-01")
    page.wait_for_function("() => true")
    tick(page, "SU-02")
    expect(page.locator(SEXUAL_OUTCOME)).to_have_attribute("data-level", "strong")
    assert held, "the first update was sent and held back"
    # Now the stale answer (one signal) comes in.
    try:
        stale = held[0].fetch()
        assert "SU-02" not in held[0].request.url
        held[0].fulfill(response=stale)
    except PlaywrightError:
        assert abort, "only an aborted request can no longer be answered"
    page.wait_for_timeout(700)
    expect(page.locator(SEXUAL_OUTCOME)).to_have_attribute("data-level", "strong")
    expect(page.locator(f'{SUMMARY} [data-form="sexual"]')).to_have_attribute(
        "data-level", "strong"
    )
    links = report_links(page)
    assert len(links) == 2
    for link in links:
        assert "s=SU-01" in link and "s=SU-02" in link, link
    assert "s=SU-02" in page.url
    assert_no_csp_errors(errors)


def test_a_phone_sees_the_outcome_change_without_scrolling(new_page):
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto("/wat-zie-je/")
    summary = page.locator(SUMMARY)
    assert summary.get_attribute("aria-live") == "polite"
    # A signal far down the list: after ticking it, the summary is on screen and tells the form.
    last = page.locator('input[name="s"]').last
    last.scroll_into_view_if_needed()
    code = last.get_attribute("value")
    last.check()
    page.wait_for_function(f"() => location.search.includes('{code}')")
    expect(summary).to_be_in_viewport()
    expect(summary.locator("[data-report-link]")).to_be_in_viewport()
    assert code in summary.locator("[data-report-link]").get_attribute("href")
    expect(summary).not_to_contain_text("Vink aan wat je is opgevallen")
    # ticking more changes what the summary says, still in view
    before = summary.inner_text()
    values = page.locator('input[name="s"]:not(:checked)').evaluate_all(
        "inputs => inputs.map(i => i.value)"
    )
    for value in values[-3:]:
        tick(page, value)
    expect(summary).not_to_have_text(before)
    expect(summary).to_be_in_viewport()
    run_axe(page)


def test_without_javascript_the_summary_comes_with_the_button(new_page):
    page = new_page(java_script_enabled=False)
    page.goto("/wat-zie-je/?subject=location")
    for code in ("LC-02", "LC-03", "LC-05"):
        tick(page, code)
    page.locator("main button[type=submit]").last.click()
    page.wait_for_url("**/wat-zie-je/?*")
    expect(page.locator(f'{SUMMARY} [data-form="criminal"]')).to_have_attribute(
        "data-level", "strong"
    )
    expect(page.locator("#guide-result .route li", has_text="RIEC")).to_be_visible()
