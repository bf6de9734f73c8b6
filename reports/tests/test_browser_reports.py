"""End-to-end tests of the public report form ("Melden") in Debian's chromium.

They reuse the dev-server and browser fixtures of core/tests/test_browser.py: one server with the
demo data per module, on its own temporary SQLite database (never pytest-django's live_server).
The report form carries its draft in an encrypted hidden field, so every step is a real POST and
the whole form must also work without JavaScript and with the keyboard alone.
"""

# The fixtures imported from core.tests.test_browser are the parameters of the tests and helpers.
# ruff: noqa: F811

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from core.tests.test_browser import (  # noqa: F401 - pytest picks up the imported fixtures
    assert_no_csp_errors,
    browser,
    console_errors,
    log_in,
    new_page,
    page,
    server,
)

pytestmark = pytest.mark.browser

LANGUAGES = ["nl", "en", "pl", "ro", "bg", "uk"]
STEPS = ["what", "where", "who", "you", "check"]
STAFF = "meldpunt@vtu.demo.test"  # the reporting-point staff member of Veilig Thuis Utrecht
PASSPHRASE = "rode fiets bij de brug"
REFERENCE = re.compile(r"MH-\d{4}-\d{6}")
FOLLOW_UP_CODE = re.compile(r"[A-Z2-9]{4}(?:-[A-Z2-9]{4})+")

NEXT = 'button[name="action"][value="next"]'
BACK = 'button[name="action"][value="back"]'
SEND = 'button[name="action"][value="send"]'
ACUTE_ALERT = "[data-acute-alert]"
DESCRIPTION = 'textarea[name="description"]'


# --- helpers -------------------------------------------------------------------------------------


def run_axe(page):
    page.wait_for_load_state("load")
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def expect_step(page, step):
    """The step indicator marks `step` as the current one (independent of the language)."""
    expect(page.locator("ol.steps li").nth(STEPS.index(step))).to_have_attribute(
        "aria-current", "step"
    )
    expect(page.locator(".error-summary")).to_have_count(0)


def fill_what(page, *, description="Twaalf arbeiders slapen in een garage.", acute="no"):
    page.fill(DESCRIPTION, description)
    page.check(f'input[name="acute_danger"][value="{acute}"]')
    # The signals are grouped in closed <details>: open one (native, no JavaScript) and tick one.
    group = page.locator("details.signal-details").first
    group.locator("summary").click()
    group.locator('input[name="indicators"]').first.check()


def fill_where(page):
    page.select_option('select[name="municipality"]', "GM0344")
    page.fill('input[name="street"]', "Kanaalweg")
    page.fill('input[name="house_number"]', "12a")
    page.fill('input[name="postcode"]', "3511ab")
    page.fill('textarea[name="place"]', "De garage achter de bakkerij")
    page.select_option('select[name="premises_type"]', index=1)
    page.fill('input[name="occurred_on"]', "2025-11-03")
    page.fill('input[name="occurred_period"]', "Elk weekend sinds maart")


def fill_who(page):
    page.fill('input[name="victim_count"]', "12")
    page.check('input[name="age_group"][value="adult"]')
    page.fill('input[name="approximate_age"]', "30")
    page.check('input[name="gender"][value="male"]')
    page.fill('input[name="nationality"]', "Pools")
    page.fill('textarea[name="exploiters"]', "Een man met een witte bus, bijnaam Big Jan")
    page.fill('input[name="company_name"]', "Bouw B.V.")
    page.fill('input[name="kvk_number"]', "12345678")


def fill_you(page, *, contact_email=None):
    if contact_email:
        page.check('input[name="identity"][value="contact"]')
        page.fill('input[name="reporter_name"]', "Jan Jansen")
        page.fill('input[name="reporter_email"]', contact_email)
        page.check('input[name="may_contact"]')
    else:
        page.check('input[name="identity"][value="anonymous"]')


def fill_passphrase(page, passphrase=PASSPHRASE):
    """The mailbox passphrase is chosen on the last step, next to "Send" (never in the draft)."""
    if passphrase:
        page.fill('input[name="passphrase"]', passphrase)
        page.fill('input[name="passphrase_again"]', passphrase)


FILL = {"what": fill_what, "where": fill_where, "who": fill_who, "you": fill_you}


def walk_to_check(page, *, language="nl", on_step=None, passphrase=PASSPHRASE, **you):
    """Open the form in `language` and fill in every step; `on_step(step)` runs on each page."""
    page.goto(f"/melden/?taal={language}")
    for step in STEPS[:-1]:
        expect_step(page, step)
        if on_step:
            on_step(step)
        if step == "you":
            fill_you(page, **you)
        else:
            FILL[step](page)
        page.click(NEXT)
    expect_step(page, "check")
    # The summary shows the four parts, each with a button to change it.
    expect(page.locator("section.summary-part")).to_have_count(4)
    fill_passphrase(page, passphrase)
    if on_step:
        on_step("check")


def send(page):
    """Press "Send report" on the last step; returns the reference from the received page."""
    page.click(SEND)
    page.wait_for_url("**/melden/ontvangen/*/")
    reference = page.locator(".reference").inner_text().strip()
    assert REFERENCE.fullmatch(reference), reference
    return reference


def follow_up_code(page):
    text = page.locator(".code-box").inner_text()
    match = FOLLOW_UP_CODE.search(text)
    assert match, text
    return match.group(0)


def open_mailbox(page, code, passphrase=PASSPHRASE, language=None):
    page.goto("/melden/postbus/" + (f"?taal={language}" if language else ""))
    page.fill('input[name="code"]', code)
    page.fill('input[name="passphrase"]', passphrase)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/melden/postbus/berichten/")


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, limit=120):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if is_focused(locator):
            return
    pytest.fail(f"{locator} was not reached with Tab in {limit} presses")


def assert_focus_visible(page):
    """The focused element matches :focus-visible and gets a real outline from the CSS."""
    style = page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {
                tag: element.tagName,
                focusVisible: element.matches(":focus-visible"),
                outlineStyle: style.outlineStyle,
                outlineWidth: parseFloat(style.outlineWidth),
            };
        }"""
    )
    assert style["focusVisible"], style
    assert style["outlineStyle"] != "none" and style["outlineWidth"] >= 2, style


@pytest.fixture(scope="module")
def staff_context(browser, server):
    """One browser context logged in as reporting-point staff for the whole module: a TOTP code
    cannot be used twice in the same 30 s window, so the staff member logs in only once."""
    context = browser.new_context(base_url=server.base_url, locale="nl-NL")
    context.set_default_timeout(10_000)
    log_in(context.new_page(), server, STAFF)
    yield context
    context.close()


@pytest.fixture
def staff_page(staff_context):
    staff = staff_context.new_page()
    yield staff
    staff.close()


@pytest.fixture(scope="module")
def sent_report(browser, server):
    """One report sent with a passphrase, shared by the tests that only need one to exist."""
    context = browser.new_context(base_url=server.base_url, locale="nl-NL")
    context.set_default_timeout(10_000)
    reporter = context.new_page()
    walk_to_check(reporter)
    reference = send(reporter)
    code = follow_up_code(reporter)
    context.close()
    return {"reference": reference, "code": code}


# --- 1. accessibility: axe on every page of the form ----------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_axe_violations_on_every_step(page, server, language):
    """Walk the whole form once per language and run axe on each step, the received page, the
    mailbox sign-in page and the mailbox itself. Console CSP errors are collected on the way."""
    errors = console_errors(page)

    def check(step):
        assert page.locator("html").get_attribute("lang") == language, step
        run_axe(page)

    walk_to_check(page, language=language, on_step=check)
    send(page)
    assert page.locator("html").get_attribute("lang") == language
    run_axe(page)

    code = follow_up_code(page)
    page.goto(f"/melden/postbus/?taal={language}")
    assert page.locator("html").get_attribute("lang") == language
    run_axe(page)
    open_mailbox(page, code, language=language)
    assert page.locator("html").get_attribute("lang") == language
    run_axe(page)
    assert_no_csp_errors(errors)


def _step_one_errors(page, server):
    page.goto("/melden/")
    page.click(NEXT)
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator(".error-summary a[href='#id_description']")).to_be_visible()


def _step_two_errors(page, server):
    page.goto("/melden/")
    fill_what(page)
    page.click(NEXT)
    expect_step(page, "where")
    page.fill('input[name="postcode"]', "12345")
    page.fill('input[name="house_number"]', "twaalf")
    page.fill('input[name="occurred_on"]', "2099-01-01")
    page.click(NEXT)
    expect(page.locator(".error-summary li")).to_have_count(3)


def _acute_notice(page, server):
    """Acute danger answered "yes": the following steps repeat the 112 notice."""
    page.goto("/melden/")
    fill_what(page, acute="yes")
    page.click(NEXT)
    expect_step(page, "where")
    expect(page.locator(".urgent[role=alert]")).to_be_visible()


def _advice_errors(page, server):
    page.goto("/melden/advies/")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()


def _mailbox_sign_in_error(page, server):
    page.goto("/melden/postbus/")
    page.fill('input[name="code"]', "ABCD-EFGH-JKLM")
    page.fill('input[name="passphrase"]', "niet de goede wachtzin")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()


AXE_PAGES = {
    "step-errors": _step_one_errors,
    "where-errors": _step_two_errors,
    "acute-notice": _acute_notice,
    "advice": lambda page, server: page.goto("/melden/advies/"),
    "advice-errors": _advice_errors,
    "mailbox-sign-in": lambda page, server: page.goto("/melden/postbus/"),
    "mailbox-sign-in-error": _mailbox_sign_in_error,
}


@pytest.mark.parametrize("name", list(AXE_PAGES))
def test_no_axe_violations(page, server, name):
    errors = console_errors(page)
    AXE_PAGES[name](page, server)
    run_axe(page)
    assert_no_csp_errors(errors)


def test_no_axe_violations_for_staff(staff_page, sent_report):
    """The reporting point's inbox and the detail page of a report."""
    staff_page.goto("/meldpunt/")
    expect(staff_page.locator("table.inbox")).to_contain_text(sent_report["reference"])
    run_axe(staff_page)
    staff_page.goto(f"/meldpunt/{sent_report['reference']}/")
    expect(staff_page.locator("main h1")).to_contain_text(sent_report["reference"])
    run_axe(staff_page)


def test_no_axe_violations_for_staff_errors(staff_page, sent_report):
    """A question to the reporter sent empty comes back with an error summary."""
    staff_page.goto(f"/meldpunt/{sent_report['reference']}/")
    staff_page.locator('form[action$="/bericht/"] button[type=submit]').click()
    expect(staff_page.locator(".error-summary")).to_be_visible()
    run_axe(staff_page)


# --- 2. without JavaScript -----------------------------------------------------------------------


def test_whole_form_without_javascript(new_page, server):
    page = new_page(java_script_enabled=False)
    page.goto("/melden/")
    expect_step(page, "what")
    # Without JavaScript the 112 notice cannot appear at once; the next step shows it instead.
    fill_what(
        page, description="Een meisje moet elke nacht in een massagesalon werken.", acute="yes"
    )
    expect(page.locator(ACUTE_ALERT)).to_be_hidden()
    page.click(NEXT)
    expect_step(page, "where")
    expect(page.locator(".urgent[role=alert]")).to_contain_text("112")

    # "Previous" keeps what was typed.
    page.click(BACK)
    expect_step(page, "what")
    expect(page.locator(DESCRIPTION)).to_have_value(
        "Een meisje moet elke nacht in een massagesalon werken."
    )
    expect(page.locator('input[name="acute_danger"][value="yes"]')).to_be_checked()
    page.click(NEXT)

    expect_step(page, "where")
    fill_where(page)
    page.click(NEXT)
    expect_step(page, "who")
    fill_who(page)
    page.click(NEXT)
    expect_step(page, "you")
    fill_you(page, contact_email="jan.jansen@example.test")
    page.click(NEXT)
    expect_step(page, "check")
    summary = page.locator("main .report-form")
    expect(summary).to_contain_text("Kanaalweg")
    expect(summary).to_contain_text("3511 AB")  # cleaned up
    expect(summary).to_contain_text("jan.jansen@example.test")

    reference = send(page)
    expect(page.locator(".urgent[role=alert]")).to_contain_text("112")
    # No passphrase: no mailbox and no code, but a confirmation by e-mail with the reference.
    expect(page.locator(".code-box")).to_have_count(0)
    mails = [m for m in server.mails() if "jan.jansen@example.test" in str(m["To"])]
    assert mails, [str(m["To"]) for m in server.mails()]
    body = mails[-1].get_body(("plain",)).get_content()
    assert reference in body
    assert "massagesalon" not in body, "the confirmation must not contain the report itself"


# --- 3. keyboard only ----------------------------------------------------------------------------


def test_step_one_with_keyboard_only(page):
    page.goto("/melden/")
    description = page.locator(DESCRIPTION)
    tab_to(page, description)
    assert_focus_visible(page)
    page.keyboard.type("Op de camping wonen arbeiders in kapotte caravans.")

    # Tab enters the radio group at the checked answer ("I don't know"); arrows choose another.
    page.keyboard.press("Tab")
    unknown = page.locator('input[name="acute_danger"][value="unknown"]')
    expect(unknown).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("ArrowUp")
    no = page.locator('input[name="acute_danger"][value="no"]')
    expect(no).to_be_focused()
    expect(no).to_be_checked()
    expect(page.locator(ACUTE_ALERT)).to_be_hidden()

    # Open the first group of signals with the space bar and tick its first signal.
    summary = page.locator("details.signal-details summary").first
    tab_to(page, summary, limit=10)
    assert_focus_visible(page)
    page.keyboard.press("Space")
    expect(page.locator("details.signal-details").first).to_have_attribute("open", "")
    signal = page.locator("details.signal-details").first.locator('input[name="indicators"]').first
    page.keyboard.press("Tab")
    expect(signal).to_be_focused()
    assert_focus_visible(page)
    page.keyboard.press("Space")
    expect(signal).to_be_checked()

    next_button = page.locator(NEXT)
    tab_to(page, next_button, limit=60)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect_step(page, "where")

    # What was typed travelled along: go back with the keyboard and find it again.
    tab_to(page, page.locator(BACK), limit=60)
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    expect_step(page, "what")
    expect(description).to_have_value("Op de camping wonen arbeiders in kapotte caravans.")
    expect(no).to_be_checked()
    expect(page.locator('input[name="indicators"]:checked')).to_have_count(1)


def test_error_summary_links_move_focus_to_the_field(page):
    page.goto("/melden/")
    page.click(NEXT)
    link = page.locator(".error-summary a[href='#id_description']")
    tab_to(page, link, limit=60)
    page.keyboard.press("Enter")
    expect(page.locator(DESCRIPTION)).to_be_focused()


# --- 4. JavaScript: the 112 notice ---------------------------------------------------------------


def test_acute_danger_shows_112_at_once(page):
    errors = console_errors(page)
    requests = []
    page.goto("/melden/")
    page.on(
        "request",
        lambda request: (
            requests.append(request.url)
            if request.is_navigation_request() or request.method != "GET"
            else None
        ),
    )
    alert = page.locator(ACUTE_ALERT)
    expect(alert).to_be_hidden()
    page.fill(DESCRIPTION, "Er wordt iemand vastgehouden.")

    page.check('input[name="acute_danger"][value="yes"]')
    expect(alert).to_be_visible()
    expect(alert.locator('a[href="tel:112"]')).to_be_visible()
    page.check('input[name="acute_danger"][value="no"]')
    expect(alert).to_be_hidden()
    page.check('input[name="acute_danger"][value="yes"]')
    expect(alert).to_be_visible()

    assert requests == [], "choosing an answer must not submit the form"
    expect(page.locator(DESCRIPTION)).to_have_value("Er wordt iemand vastgehouden.")
    assert_no_csp_errors(errors)


def test_acute_danger_notice_is_shown_when_coming_back(page):
    """A reporter who answered "yes" and returns to step 1 sees the notice straight away."""
    page.goto("/melden/")
    fill_what(page, acute="yes")
    page.click(NEXT)
    expect_step(page, "where")
    page.click(BACK)
    expect_step(page, "what")
    expect(page.locator(ACUTE_ALERT)).to_be_visible()


# --- 5. anonymous follow-up through the mailbox --------------------------------------------------


def test_anonymous_follow_up_through_the_mailbox(new_page, staff_page, server):
    reporter = new_page()
    reporter_errors = console_errors(reporter)
    staff_errors = console_errors(staff_page)

    # The reporter sends an anonymous report with a passphrase and writes down the code.
    walk_to_check(reporter, language="pl")
    reference = send(reporter)
    code = follow_up_code(reporter)
    expect(reporter.locator(".code-box")).to_be_visible()

    # The reporting point opens it from the inbox and asks a question.
    staff_page.goto("/meldpunt/")
    staff_page.locator(f'table.inbox a:text-is("{reference}")').click()
    staff_page.wait_for_url(f"**/meldpunt/{reference}/")
    expect(staff_page.locator("main")).to_contain_text("Twaalf arbeiders slapen in een garage.")
    question = "Hoeveel mensen slapen er precies in de garage?"
    staff_page.fill('form[action$="/bericht/"] textarea[name="body"]', question)
    staff_page.locator('form[action$="/bericht/"] button[type=submit]').click()
    staff_page.wait_for_url(f"**/meldpunt/{reference}/#berichten")
    expect(staff_page.locator(".thread")).to_contain_text(question)

    # The reporter signs in with the code and passphrase (in a fresh browser), reads and answers.
    mailbox = new_page()
    mailbox_errors = console_errors(mailbox)
    mailbox.goto(reporter.locator('.callout a[href*="/melden/postbus/"]').get_attribute("href"))
    mailbox.fill('input[name="code"]', code)
    mailbox.fill('input[name="passphrase"]', PASSPHRASE)
    mailbox.locator("main form button[type=submit]").click()
    mailbox.wait_for_url("**/melden/postbus/berichten/")
    assert mailbox.locator("html").get_attribute("lang") == "pl"
    expect(mailbox.locator("main")).to_contain_text(reference)
    expect(mailbox.locator(".thread-staff")).to_contain_text(question)
    answer = "Twaalf mannen, en er komen er elke week meer bij."
    mailbox.fill('textarea[name="body"]', answer)
    mailbox.locator("main form[enctype] button[type=submit]").click()
    mailbox.wait_for_url("**/melden/postbus/berichten/")
    expect(mailbox.locator(".messages")).to_be_visible()
    expect(mailbox.locator(".thread-reporter")).to_contain_text(answer)

    # The inbox flags the new message; the detail page shows the answer.
    staff_page.goto("/meldpunt/")
    row = staff_page.locator("table.inbox tr", has=staff_page.locator(f'a:text-is("{reference}")'))
    expect(row.locator(".flag")).to_contain_text("1")
    staff_page.goto(f"/meldpunt/{reference}/")
    expect(staff_page.locator(".thread-reporter")).to_contain_text(answer)

    # The mailbox can be closed; afterwards it needs the code again.
    mailbox.locator('form[action$="/melden/postbus/afmelden/"] button').click()
    mailbox.wait_for_url("**/melden/postbus/")
    mailbox.goto("/melden/postbus/berichten/")
    mailbox.wait_for_url("**/melden/postbus/")

    for errors in (reporter_errors, staff_errors, mailbox_errors):
        assert_no_csp_errors(errors)


# --- 6. no CSP errors ----------------------------------------------------------------------------


def test_no_csp_errors_while_filling_in_the_form(page):
    """Walk the form with JavaScript on, switch language half-way and go back and forth."""
    errors = console_errors(page)
    page.goto("/melden/")
    fill_what(page, acute="yes")
    expect(page.locator(ACUTE_ALERT)).to_be_visible()
    page.click(NEXT)
    expect_step(page, "where")
    fill_where(page)
    # Switching language keeps the step and what was typed.
    page.click('button[name="action"][value="lang:en"]')
    expect_step(page, "where")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator('input[name="street"]')).to_have_value("Kanaalweg")
    page.click(NEXT)
    expect_step(page, "who")
    fill_who(page)
    page.click(NEXT)
    expect_step(page, "you")
    fill_you(page)
    page.click(NEXT)
    expect_step(page, "check")
    # "Change" on the summary goes back to that step with what was typed.
    page.locator('button[name="action"][value="goto:where"]').click()
    expect_step(page, "where")
    expect(page.locator('input[name="postcode"]')).to_have_value("3511ab")
    page.goto("/melden/advies/")
    page.goto("/melden/postbus/")
    assert_no_csp_errors(errors)
    assert not errors, errors


# --- regressions found in review -----------------------------------------------------------------


def _no_errors_shown(page):
    page.wait_for_load_state("load")
    assert page.locator(".error-summary").count() == 0, page.locator(".error-summary").inner_text()
    assert page.locator(".field-error").count() == 0


def test_arriving_from_the_guide_shows_no_errors(page):
    page.goto("/wat-zie-je/?subject=person&minor=on&s=SU-01&s=SU-04")
    # The outcome has a report button at the top and one below the routes; both carry the signals.
    buttons = page.locator("main a.button[href^='/melden/']")
    expect(buttons).to_have_count(2)
    assert buttons.nth(0).get_attribute("href") == buttons.nth(1).get_attribute("href")
    buttons.first.click()
    page.wait_for_url("**/melden/?*")
    expect(page.locator("#id_indicators_SU-01")).to_be_checked()
    _no_errors_shown(page)
    page.fill(DESCRIPTION, "Twee meisjes van een jaar of vijftien werken 's nachts.")
    page.click(NEXT)
    expect(page.locator("ol.steps li").nth(1)).to_have_attribute("aria-current", "step")
    page.click(NEXT)
    expect(page.locator("ol.steps li").nth(2)).to_have_attribute("aria-current", "step")
    expect(page.locator('input[name="age_group"][value="minor"]')).to_be_checked()
    _no_errors_shown(page)
    expect(page.locator('input[name="gender"][value="unknown"]')).to_be_checked()


def test_changing_language_on_an_untouched_step_shows_no_errors(page):
    page.goto("/melden/")
    page.click('button[name="action"][value="lang:pl"]')
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    _no_errors_shown(page)
    assert not page.title().startswith("Błąd"), page.title()


def test_error_summary_link_reaches_a_radio_question(page):
    """Any way a radio answer can go missing (an old draft, the guide's prefill) leaves the
    reporter with a link in the error summary that must lead to the question."""
    page.goto("/melden/")
    fill_what(page)
    page.click(NEXT)
    expect_step(page, "where")
    page.click(NEXT)
    expect_step(page, "who")
    page.evaluate(
        "() => document.querySelectorAll('input[name=gender]').forEach(r => { r.checked = false })"
    )
    page.click(NEXT)
    link = page.locator(".error-summary li a")
    expect(link).to_have_count(1)
    href = link.get_attribute("href")
    assert href != "#" and page.locator(href).count() == 1, href
    link.click()
    expect(page.locator('input[name="gender"]').first).to_be_focused()


def _language_of(locator):
    return locator.evaluate("element => element.closest('[lang]').getAttribute('lang')")


def _first_signal_and_place(page, language):
    page.goto(f"/melden/?taal={language}")
    signal = page.locator('input[name="indicators"]').first.locator("xpath=..").locator("span")
    signal_text = signal.text_content().strip()  # in a closed <details>: not rendered yet
    assert signal_text
    fill_what(page)
    page.click(NEXT)
    expect_step(page, "where")
    option = page.locator('select[name="premises_type"] option').nth(1)
    place_text = option.text_content().strip()
    assert place_text
    return signal, signal_text, option, place_text


def test_catalogue_texts_are_in_the_readers_language(page):
    """Issue 18: a Polish reader got the signals and kinds of place in English. They are now in
    Polish, inherit the page's language (no lang="en" islands), and differ from the English ones."""
    _, english_signal, _, english_place = _first_signal_and_place(page, "en")
    signal, polish_signal, option, polish_place = _first_signal_and_place(page, "pl")
    assert polish_signal != english_signal, polish_signal
    assert polish_place != english_place, polish_place
    assert _language_of(option) == "pl", polish_place
    page.goto("/melden/?taal=pl")
    signal = page.locator('input[name="indicators"]').first.locator("xpath=..").locator("span")
    assert _language_of(signal) == "pl", polish_signal
    fill_what(page)
    page.click(NEXT)
    fill_where(page)
    page.click(NEXT)
    fill_who(page)
    page.click(NEXT)
    fill_you(page)
    page.click(NEXT)
    expect_step(page, "check")
    shown = page.locator("dl.summary-list dd", has_text=polish_place)
    expect(shown).to_have_count(1)
    assert _language_of(shown) == "pl", polish_place


def test_112_notice_is_announced_to_screen_readers(page):
    page.goto("/melden/")
    page.check('input[name="acute_danger"][value="yes"]')
    alert = page.locator(ACUTE_ALERT)
    expect(alert).to_be_visible()
    assert alert.evaluate(
        "element => Boolean(element.closest('[role=alert], [role=status], [aria-live]'))"
    )
