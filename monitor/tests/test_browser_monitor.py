"""The monitor in Debian's chromium: no axe violations on the dashboard (protected and exact, with
and without errors) and the quarterly overview; the period form works by keyboard; the charts are
inline SVG that the Content-Security-Policy allows."""

# ruff: noqa: F811
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
STAFF = "meldpunt@vtu.demo.test"


@pytest.fixture(scope="module")
def analyst(browser, server):
    context, page = signed_in_context(browser, server, ANALYST, 5)
    yield page
    context.close()


@pytest.fixture(scope="module")
def staff(browser, server):
    context, page = signed_in_context(browser, server, STAFF, 5)
    yield page
    context.close()


def test_the_dashboard_and_overview_have_no_axe_violations(analyst):
    errors = console_errors(analyst)
    analyst.goto("/monitor/")
    expect(analyst.locator("h1")).to_have_text("Monitor: aard en omvang")
    expect(analyst.locator("svg[role=img]").first).to_be_visible()
    run_axe(analyst)
    analyst.goto("/monitor/?period=quarter&year=2026")  # no quarter chosen
    expect(analyst.locator(".error-summary")).to_be_visible()
    run_axe(analyst)
    analyst.goto("/monitor/kwartaal/")
    expect(analyst.locator("h1")).to_contain_text("Kwartaaloverzicht")
    run_axe(analyst)
    assert_no_csp_errors(errors)


def test_the_period_form_works_by_keyboard(analyst):
    analyst.goto("/monitor/")
    analyst.locator("#id_period_0").focus()  # "Jaar", checked
    analyst.keyboard.press("ArrowDown")  # "Kwartaal"
    expect(analyst.locator("#id_period_1")).to_be_checked()
    analyst.keyboard.press("Tab")  # the year
    analyst.keyboard.press("Tab")  # the quarter
    expect(analyst.locator("#id_quarter")).to_be_focused()
    analyst.keyboard.type("K2")
    expect(analyst.locator("#id_quarter")).to_have_value("2")
    analyst.keyboard.press("Tab")
    expect(analyst.get_by_role("button", name="Tonen")).to_be_focused()
    analyst.keyboard.press("Enter")
    analyst.wait_for_url("**period=quarter**")
    expect(analyst.locator("h2").nth(1)).to_contain_text("K2")


def test_the_reporting_point_sees_exact_figures_and_month_ranges(staff):
    staff.goto("/monitor/")
    expect(staff.locator("main")).to_contain_text("Je ziet exacte aantallen")
    staff.get_by_label("Maanden van … tot en met …").check()
    staff.get_by_label("Van maand").fill("2026-01")
    staff.get_by_label("Tot en met maand").fill("2026-13")
    staff.get_by_role("button", name="Tonen").click()
    expect(staff.locator(".error-summary")).to_be_visible()
    expect(staff.get_by_label("Tot en met maand")).to_have_value("2026-13")
    run_axe(staff)
    staff.get_by_label("Tot en met maand").fill("2026-06")
    staff.get_by_role("button", name="Tonen").click()
    expect(staff.locator("h2").nth(1)).to_contain_text("januari 2026 tot en met juni 2026")
    run_axe(staff)
