"""End-to-end tests of case handling in Debian's chromium: the reporting point's work list and
case screen (triage, status, persons, referrals, notes, timeline), the case summary, and the pages
of a partner's case worker who receives a referral.

They reuse the dev-server and browser fixtures of core/tests/test_browser.py: one server with the
demo data per module, on its own temporary SQLite database (never pytest-django's live_server).
A TOTP code cannot be used twice by the same user within 30 s, so the reporting-point staff member
and the police case worker each log in once, in a browser context shared by the whole module.

The six demo reports (reports/demo.py) are divided between the tests so that each test works on
its own report and the tests do not depend on their order.
"""

# The fixtures imported from core.tests.test_browser are the parameters of the tests and helpers.
# ruff: noqa: F811

import io
import json
import re

import pypdfium2
import pytest
from playwright.sync_api import expect

from core.tests.test_browser import (  # noqa: F401 - pytest picks up the imported fixtures
    assert_no_csp_errors,
    browser,
    console_errors,
    log_in,
    new_page,
    server,
)
from reports.tests.test_browser_reports import (
    STAFF,
    assert_focus_visible,
    is_focused,
    run_axe,
    tab_to,
)

pytestmark = pytest.mark.browser

PARTNER = "rechercheur@politie.demo.test"  # partner case worker at the police
POLICE = "Politie eenheid Midden-Nederland"
STAFF_NAME = "Yusuf Demir"
LEGAL_BASIS = "Melding van een concreet vermoeden aan politie, KMar of NLA"

# Which demo report (index in reports/demo.py REPORTS) each test works on.
LABOUR_CASE = 0  # Polish greenhouse workers: the whole handling flow
MINOR_CASE = 1  # the girl picked up at the station; the reporter left a name and phone number
SALON_CASE = 2  # massage salon: triage and status without JavaScript
NAIL_BAR_CASE = 3  # accessibility checks; its referral is accepted by the police
ADVICE_CASE = 4  # an advice request
CLEANERS_CASE = 5  # accessibility checks; its referral stays unanswered

DEMO_REFERENCES = (
    "import json, uuid\n"
    "from reports.models import Report\n"
    "keys = [uuid.uuid5(uuid.NAMESPACE_URL, f'signaal-demo-report-{i}') for i in range(6)]\n"
    "print(json.dumps([Report.objects.get(idempotency_key=key).reference for key in keys]))\n"
)

# Selectors of the forms on the case screen (independent of the language).
TRIAGE_FORM = 'form[action$="/triage/"]'
STATUS_FORM = 'form[action$="/status/"]'
PERSON_FORM = 'form[action$="/personen/"]'
NOTE_FORM = 'form[action$="/notitie/"]'
LINK_FORM = 'form.row-form[action$="/koppelen/"]'
MAIN_SUBMIT = "main form button[type=submit]"
ACCEPT = 'form[action$="/accept/"] button[type=submit]'
DECLINE_FORM = 'form[action$="/decline/"]'
OUTCOME_FORM = 'form[action$="/complete/"]'


# --- fixtures ------------------------------------------------------------------------------------


def _logged_in_context(browser, server, email):
    context = browser.new_context(base_url=server.base_url, locale="nl-NL")
    context.set_default_timeout(15_000)
    log_in(context.new_page(), server, email)
    return context


@pytest.fixture(scope="module")
def staff_context(browser, server):
    """The reporting-point staff member, logged in once for the whole module."""
    context = _logged_in_context(browser, server, STAFF)
    yield context
    context.close()


@pytest.fixture(scope="module")
def partner_context(browser, server):
    """The police case worker, logged in once for the whole module."""
    context = _logged_in_context(browser, server, PARTNER)
    yield context
    context.close()


@pytest.fixture
def staff_page(staff_context):
    page = staff_context.new_page()
    yield page
    page.close()


@pytest.fixture
def partner_page(partner_context):
    page = partner_context.new_page()
    yield page
    page.close()


@pytest.fixture(scope="module")
def references(server):
    """The references of the six demo reports, in the order of reports/demo.py."""
    output = server.manage("shell", "-c", DEMO_REFERENCES)
    found = json.loads(output.strip().splitlines()[-1])
    assert len(found) == 6, found
    return found


@pytest.fixture(scope="module")
def axe_referrals(staff_context, references):
    """Two referrals to the police for the accessibility checks: one that stays unanswered (on the
    cleaners' report) and one the police accept (on the nail bar report)."""
    page = staff_context.new_page()
    referrals = {
        name: refer(page, references[index], summary=f"Samenvatting voor de politie ({name}).")
        for name, index in (("open", CLEANERS_CASE), ("accepted", NAIL_BAR_CASE))
    }
    page.close()
    return referrals


# --- helpers -------------------------------------------------------------------------------------


def open_case(page, reference, anchor=""):
    response = page.goto(f"/meldpunt/{reference}/{anchor}")
    assert response.status == 200, response.status
    expect(page.locator("main h1")).to_contain_text(reference)


def open_filters(page):
    """The quick links and filters of the work list sit in a folded "Filters" bar (issue 19)."""
    details = page.locator("form.filter-bar details.filter-more")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    expect(details).to_have_attribute("open", "")


def expect_message(page):
    """The green "done" message after a successful post (role=status): on the case screen in the
    section that was saved, with the focus (issue 19); elsewhere at the top of the page."""
    expect(page.locator(".message-success").first).to_be_visible()


def meta(page, label):
    """The value of one line of the case screen's overview (<dl class="meta">)."""
    return page.locator("dl.meta div", has=page.locator(f'dt:text-is("{label}")')).locator("dd")


def refer(page, reference, *, summary, share_persons=False, share_attachments=False):
    """Refer a report to the police through the referral form; returns the referral's pk."""
    page.goto(f"/meldpunt/{reference}/doorverwijzen/")
    page.select_option('select[name="organisation"]', label=POLICE)
    page.get_by_label(LEGAL_BASIS, exact=False).check()
    page.fill('textarea[name="summary"]', summary)
    # Sharing is decided per item: tick every person or attachment the report has.
    if share_persons:
        for box in page.locator('input[name="persons"]').all():
            box.check()
    if share_attachments:
        for box in page.locator('input[name="attachments"]').all():
            box.check()
    page.click(MAIN_SUBMIT)
    page.wait_for_url(f"**/meldpunt/{reference}/#referrals")
    expect_message(page)
    return newest_referral_pk(page)


def newest_referral_pk(page):
    """The pk of the newest referral on the case screen, from its "Revoke" link."""
    hrefs = [
        link.get_attribute("href")
        for link in page.locator('#referrals ~ table a[href$="/intrekken/"]').all()
    ]
    pks = [int(re.search(r"/doorverwijzing/(\d+)/intrekken/", href).group(1)) for href in hrefs]
    assert pks, "no active referral on the case screen"
    return max(pks)


def accept_if_sent(page, pk):
    page.goto(f"/ketenpartner/{pk}/")
    if page.locator(ACCEPT).count():
        page.click(ACCEPT)
        page.wait_for_url(f"**/ketenpartner/{pk}/")
        expect_message(page)
    expect(page.locator(OUTCOME_FORM)).to_be_visible()


def add_note(page, reference, text):
    open_case(page, reference)
    page.fill(f'{NOTE_FORM} textarea[name="note-body"]', text)
    page.locator(f"{NOTE_FORM} button[type=submit]").click()
    page.wait_for_url(f"**/meldpunt/{reference}/#notes")
    expect_message(page)
    expect(page.locator("section.case-section", has=page.locator("h2#notes"))).to_contain_text(text)


def add_person(page, reference, *, role, name, phone=""):
    open_case(page, reference)
    details = page.locator("details", has=page.locator(PERSON_FORM))
    details.locator("summary").click()
    page.select_option('select[name="person-role"]', role)
    page.fill('input[name="person-name"]', name)
    if phone:
        page.fill('input[name="person-phone"]', phone)
    page.locator(f"{PERSON_FORM} button[type=submit]").click()
    page.wait_for_url(f"**/meldpunt/{reference}/#persons")
    expect_message(page)


def selected_label(locator):
    return locator.evaluate("select => select.selectedOptions[0].textContent.trim()")


def pdf_text(response):
    assert response.status == 200, response.status
    assert response.headers["content-type"] == "application/pdf"
    body = response.body()
    assert body.startswith(b"%PDF"), body[:20]
    document = pypdfium2.PdfDocument(io.BytesIO(body))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def post_failed_status(page, reference):
    """Close without an outcome: the case screen comes back with 400 and an error summary."""
    open_case(page, reference)
    page.select_option('select[name="status-to_status"]', "closed")
    with page.expect_navigation() as navigation:
        page.locator(f"{STATUS_FORM} button[type=submit]").click()
    assert navigation.value.status == 400, navigation.value.status
    summary = page.locator(f"{STATUS_FORM} .error-summary")
    expect(summary).to_be_visible()
    link = summary.locator('a[href="#id_status-outcome"]')
    expect(link).to_have_count(1)
    expect(page.locator("#id_status-outcome")).to_have_count(1)
    expect(page.locator('select[name="status-to_status"]')).to_have_value("closed")


# --- 1. accessibility: axe on every page ---------------------------------------------------------


def _work_list(staff, partner, references, referrals):
    staff.goto("/meldpunt/")
    expect(staff.locator("table.inbox")).to_contain_text(references[LABOUR_CASE])


def _work_list_filtered(staff, partner, references, referrals):
    """Filters chosen in the form itself, then one of the quick links."""
    staff.goto("/meldpunt/")
    # The filters are folded under the search bar until opened.
    expect(staff.locator('select[name="kind"]')).to_be_hidden()
    staff.locator("details.filter-more summary").click()
    staff.select_option('select[name="kind"]', "report")
    staff.check('input[name="open"]')
    staff.select_option('select[name="sort"]', "deadline")
    staff.locator("details.filter-more button[type=submit]").click()
    staff.wait_for_url("**/meldpunt/?*kind=report*")
    expect(staff.locator('select[name="kind"]')).to_have_value("report")
    expect(staff.locator('input[name="open"]')).to_be_checked()
    expect(staff.locator("table.inbox")).not_to_contain_text(references[ADVICE_CASE])
    run_axe(staff)
    open_filters(staff)
    staff.locator('ul.quick-links a[href*="assigned=nobody"]').click()
    staff.wait_for_url("**/meldpunt/?assigned=nobody*")
    expect(staff.locator('select[name="assigned"]')).to_have_value("nobody")


def _work_list_filter_error(staff, partner, references, referrals):
    response = staff.goto("/meldpunt/?received_from=nonsense&status=new")
    assert response.status == 400, response.status
    expect(staff.locator(".error-summary a[href='#id_received_from']")).to_be_visible()
    expect(staff.locator("table.inbox")).to_have_count(0)


def _case(staff, partner, references, referrals):
    open_case(staff, references[NAIL_BAR_CASE])
    expect(staff.locator(TRIAGE_FORM)).to_be_visible()


def _case_advice(staff, partner, references, referrals):
    open_case(staff, references[ADVICE_CASE])


def _case_status_error(staff, partner, references, referrals):
    post_failed_status(staff, references[NAIL_BAR_CASE])


def _referral_form(staff, partner, references, referrals):
    staff.goto(f"/meldpunt/{references[NAIL_BAR_CASE]}/doorverwijzen/")
    expect(staff.locator('select[name="organisation"]')).to_be_visible()


def _referral_form_errors(staff, partner, references, referrals):
    staff.goto(f"/meldpunt/{references[NAIL_BAR_CASE]}/doorverwijzen/")
    staff.check('input[name="share_contact"]')
    with staff.expect_navigation() as navigation:
        staff.click(MAIN_SUBMIT)
    assert navigation.value.status == 400, navigation.value.status
    summary = staff.locator(".error-summary")
    expect(summary).to_be_visible()
    # organisation, legal basis and the missing reason for sharing contact details (the
    # summary comes prefilled from the report)
    expect(summary.locator("li")).to_have_count(3)
    for link in summary.locator("a").all():
        expect(staff.locator(link.get_attribute("href"))).to_have_count(1)


def _revoke(staff, partner, references, referrals):
    response = staff.goto(
        f"/meldpunt/{references[CLEANERS_CASE]}/doorverwijzing/{referrals['open']}/intrekken/"
    )
    assert response.status == 200, response.status
    expect(staff.locator('input[name="reason"]')).to_be_visible()


def _revoke_errors(staff, partner, references, referrals):
    _revoke(staff, partner, references, referrals)
    with staff.expect_navigation() as navigation:
        staff.click(MAIN_SUBMIT)
    assert navigation.value.status == 400, navigation.value.status
    expect(staff.locator(".error-summary")).to_be_visible()


def _summary(staff, partner, references, referrals):
    staff.goto(f"/meldpunt/{references[NAIL_BAR_CASE]}/samenvatting/")
    expect(staff.locator("main h1")).to_contain_text(references[NAIL_BAR_CASE])


def _partner_list(staff, partner, references, referrals):
    partner.goto("/ketenpartner/")
    expect(partner.locator("main table")).to_contain_text(references[CLEANERS_CASE])


def _partner_detail(staff, partner, references, referrals):
    partner.goto(f"/ketenpartner/{referrals['open']}/")
    expect(partner.locator(ACCEPT)).to_be_visible()
    expect(partner.locator(DECLINE_FORM)).to_be_visible()


def _partner_decline_error(staff, partner, references, referrals):
    partner.goto(f"/ketenpartner/{referrals['open']}/")
    with partner.expect_navigation() as navigation:
        partner.locator(f"{DECLINE_FORM} button[type=submit]").click()
    assert navigation.value.status == 400, navigation.value.status
    expect(partner.locator(f"{DECLINE_FORM} .error-summary")).to_be_visible()
    expect(partner.locator("#id_decline-reason")).to_have_attribute("aria-invalid", "true")


def _partner_detail_accepted(staff, partner, references, referrals):
    accept_if_sent(partner, referrals["accepted"])


def _partner_outcome_error(staff, partner, references, referrals):
    accept_if_sent(partner, referrals["accepted"])
    with partner.expect_navigation() as navigation:
        partner.locator(f"{OUTCOME_FORM} button[type=submit]").click()
    assert navigation.value.status == 400, navigation.value.status
    expect(partner.locator(f"{OUTCOME_FORM} .error-summary")).to_be_visible()


def _post_case_form(staff, reference, form, before=None):
    """Send one of the case screen's forms as it is (empty); the case screen comes back (400)."""
    open_case(staff, reference)
    if before:
        before(staff)
    with staff.expect_navigation() as navigation:
        staff.locator(f"{form} button[type=submit]").click()
    assert navigation.value.status == 400, navigation.value.status
    expect(staff.locator("main h1")).to_contain_text(reference)


def _case_note_error(staff, partner, references, referrals):
    _post_case_form(staff, references[ADVICE_CASE], NOTE_FORM)


def _case_person_error(staff, partner, references, referrals):
    def open_details(page):
        page.locator("details", has=page.locator(PERSON_FORM)).locator("summary").click()

    _post_case_form(staff, references[ADVICE_CASE], PERSON_FORM, before=open_details)
    expect(staff.locator("details", has=staff.locator(PERSON_FORM))).to_have_attribute("open", "")


def _case_link_error(staff, partner, references, referrals):
    _post_case_form(staff, references[ADVICE_CASE], LINK_FORM)


def _case_triage_error(staff, partner, references, referrals):
    """A confirmed signal that is no longer in the catalogue when the triage is saved (an
    administrator deactivated it while the page was open): the triage comes back with an error."""

    def tick_withdrawn_signal(page):
        page.locator(f'{TRIAGE_FORM} input[name="triage-indicators"]').first.evaluate(
            "box => { box.value = 'XX-99'; box.checked = true; }"
        )

    _post_case_form(staff, references[ADVICE_CASE], TRIAGE_FORM, before=tick_withdrawn_signal)
    expect(staff.locator(f"{TRIAGE_FORM} .error-summary")).to_contain_text("XX-99")


def _work_list_two_filter_errors(staff, partner, references, referrals):
    """An error in a filter of each of the two filter forms (dates and work-list filters)."""
    response = staff.goto("/meldpunt/?received_from=nonsense&priority=urgent")
    assert response.status == 400, response.status
    expect(staff.locator(".error-summary").first).to_be_visible()


# name -> (who is looking, how to get there)
AXE_PAGES = {
    "work-list": ("staff", _work_list),
    "work-list-filtered": ("staff", _work_list_filtered),
    "work-list-filter-error": ("staff", _work_list_filter_error),
    "case": ("staff", _case),
    "case-advice": ("staff", _case_advice),
    "case-status-error": ("staff", _case_status_error),
    "case-person-error": ("staff", _case_person_error),
    "case-note-error": ("staff", _case_note_error),
    "case-link-error": ("staff", _case_link_error),
    "referral-form": ("staff", _referral_form),
    "referral-form-errors": ("staff", _referral_form_errors),
    "revoke": ("staff", _revoke),
    "revoke-errors": ("staff", _revoke_errors),
    "summary": ("staff", _summary),
    "partner-list": ("partner", _partner_list),
    "partner-detail": ("partner", _partner_detail),
    "partner-decline-error": ("partner", _partner_decline_error),
    "partner-detail-accepted": ("partner", _partner_detail_accepted),
    "partner-outcome-error": ("partner", _partner_outcome_error),
}


def _on(name, pages, staff_page, partner_page, references, referrals):
    who, setup = pages[name]
    page = staff_page if who == "staff" else partner_page
    errors = console_errors(page)
    setup(staff_page, partner_page, references, referrals)
    return page, errors


@pytest.mark.parametrize("name", list(AXE_PAGES))
def test_no_axe_violations(staff_page, partner_page, references, axe_referrals, name):
    page, errors = _on(name, AXE_PAGES, staff_page, partner_page, references, axe_referrals)
    run_axe(page)
    assert_no_csp_errors(errors)


# --- 1b. error pages: one error summary whose links reach the fields -----------------------------

ERROR_PAGES = {
    "case-triage-error": ("staff", _case_triage_error),
    "case-status-error": ("staff", _case_status_error),
    "case-person-error": ("staff", _case_person_error),
    "case-link-error": ("staff", _case_link_error),
    "case-note-error": ("staff", _case_note_error),
    "referral-form-errors": ("staff", _referral_form_errors),
    "revoke-errors": ("staff", _revoke_errors),
    "work-list-filter-error": ("staff", _work_list_filter_error),
    "work-list-two-filter-errors": ("staff", _work_list_two_filter_errors),
    "partner-decline-error": ("partner", _partner_decline_error),
    "partner-outcome-error": ("partner", _partner_outcome_error),
}


@pytest.mark.parametrize("name", list(ERROR_PAGES))
def test_error_summary_leads_to_the_fields(
    staff_page, partner_page, references, axe_referrals, name
):
    """Every page that comes back with errors has one error summary, announced (role=alert),
    whose links lead to an element on the page; the ids on the page stay unique."""
    page, errors = _on(name, ERROR_PAGES, staff_page, partner_page, references, axe_referrals)
    summaries = page.locator(".error-summary")
    expect(summaries).to_have_count(1)
    expect(summaries).to_have_attribute("role", "alert")
    for link in summaries.locator("a").all():
        target = link.get_attribute("href")
        assert page.locator(target).count() == 1, f"{target} is not on the page"
    duplicates = page.evaluate(
        """() => {
            const ids = [...document.querySelectorAll("[id]")].map(element => element.id);
            return ids.filter((id, index) => ids.indexOf(id) !== index);
        }"""
    )
    assert not duplicates, duplicates
    assert_no_csp_errors(errors)


@pytest.mark.parametrize(
    "name",
    [
        "referral-form-errors",
        "revoke-errors",
        "case-status-error",
        "partner-decline-error",
        "work-list-filter-error",
    ],
)
def test_error_page_title_says_error(staff_page, partner_page, references, axe_referrals, name):
    """After a full page load a screen reader reads the title first: it must say the post failed,
    as on the public report form and the referral form."""
    page, _errors = _on(name, ERROR_PAGES, staff_page, partner_page, references, axe_referrals)
    assert page.title().startswith("Fout: "), page.title()


# --- 2. the whole handling flow, by keyboard as far as practical --------------------------------


def _press_and_navigate(page, key):
    with page.expect_navigation():
        page.keyboard.press(key)


def _focus_and_check(page, locator, limit=10):
    tab_to(page, locator, limit=limit)
    assert_focus_visible(page)


def test_handling_flow_by_keyboard(staff_page, partner_page, references):
    reference = references[LABOUR_CASE]
    staff, partner = staff_page, partner_page
    staff_errors, partner_errors = console_errors(staff), console_errors(partner)

    # The work list: Tab to the report (the newest, so on the first page) and open it with Enter.
    staff.goto("/meldpunt/")
    link = staff.locator(f'table.inbox a:text-is("{reference}")')
    tab_to(staff, link, limit=150)
    assert_focus_visible(staff)
    _press_and_navigate(staff, "Enter")
    staff.wait_for_url(f"**/meldpunt/{reference}/")
    expect(staff.locator("main h1")).to_contain_text(reference)

    # The in-page menu leads to the triage; the next Tab is the form of exploitation.
    to_triage = staff.locator('nav.page-actions a[href="#triage"]')
    tab_to(staff, to_triage, limit=80)
    assert_focus_visible(staff)
    staff.keyboard.press("Enter")
    staff.wait_for_url(f"**/meldpunt/{reference}/#triage")
    primary = staff.locator('select[name="triage-primary_form"]')
    _focus_and_check(staff, primary, limit=3)
    staff.keyboard.type("Arb")  # type-ahead on the closed select: no popup to handle
    expect(primary).to_have_value("labour")

    # "Other forms" is a closed <details>: Space opens it, Tab walks to "criminal", Space ticks.
    other_forms = staff.locator(f"{TRIAGE_FORM} details").nth(0)
    _focus_and_check(staff, other_forms.locator("summary"), limit=2)
    staff.keyboard.press("Space")
    expect(other_forms).to_have_attribute("open", "")
    criminal = other_forms.locator('input[name="triage-secondary_forms"][value="criminal"]')
    _focus_and_check(staff, criminal, limit=len(other_forms.locator("input").all()))
    staff.keyboard.press("Space")
    expect(criminal).to_be_checked()

    # The confirmed signals stay closed: one Tab stop for the summary, then the priority.
    signals = staff.locator(f"{TRIAGE_FORM} details").nth(1)
    _focus_and_check(staff, signals.locator("summary"))
    priority = staff.locator('select[name="triage-priority"]')
    _focus_and_check(staff, priority, limit=2)
    staff.keyboard.type("H")
    expect(priority).to_have_value("high")
    assigned = staff.locator('select[name="triage-assigned_to"]')
    _focus_and_check(staff, assigned, limit=2)
    staff.keyboard.type(STAFF_NAME[:3])
    assert selected_label(assigned) == STAFF_NAME
    save = staff.locator(f"{TRIAGE_FORM} button[type=submit]")
    _focus_and_check(staff, save, limit=2)
    _press_and_navigate(staff, "Enter")
    staff.wait_for_url(f"**/meldpunt/{reference}/#triage")
    expect_message(staff)
    expect(meta(staff, "Prioriteit")).to_have_text("Hoog")
    expect(meta(staff, "Toegewezen aan")).to_have_text(STAFF_NAME)
    expect(meta(staff, "Uitbuitingsvorm")).to_contain_text("Arbeidsuitbuiting")
    expect(meta(staff, "Uitbuitingsvorm")).to_contain_text("Criminele uitbuiting")
    expect(meta(staff, "Status")).to_have_text("In triage")

    # "My tasks" now lists it.
    staff.goto("/meldpunt/")
    open_filters(staff)
    staff.locator('ul.quick-links a[href*="assigned=me"]').click()
    staff.wait_for_url("**/meldpunt/?assigned=me*")
    expect(staff.locator(f'table.inbox a:text-is("{reference}")')).to_be_visible()

    # A person to share with the police (the mouse is fine here).
    add_person(staff, reference, role="suspect", name="Big Jan Kowalczyk", phone="0687654321")

    # Refer to the police, by keyboard: the native selects answer to type-ahead.
    open_case(staff, reference)
    to_referrals = staff.locator('nav.page-actions a[href="#referrals"]')
    tab_to(staff, to_referrals, limit=80)
    staff.keyboard.press("Enter")
    refer_link = staff.locator('a[href$="/doorverwijzen/"]')
    _focus_and_check(staff, refer_link, limit=10)
    _press_and_navigate(staff, "Enter")
    staff.wait_for_url(f"**/meldpunt/{reference}/doorverwijzen/")
    organisation = staff.locator('select[name="organisation"]')
    _focus_and_check(staff, organisation, limit=80)
    staff.keyboard.type("P")  # the only partner starting with P
    assert selected_label(organisation) == POLICE
    # The legal bases are radios, each explained: Tab into the group, arrows to the fourth.
    first_basis = staff.locator('input[name="legal_basis"]').first
    _focus_and_check(staff, first_basis, limit=2)
    for _ in range(3):
        staff.keyboard.press("ArrowDown")
    expect(staff.get_by_label(LEGAL_BASIS, exact=False)).to_be_checked()
    summary_field = staff.locator('textarea[name="summary"]')
    _focus_and_check(staff, summary_field, limit=2)
    # Prefilled from the report; staff write their own here.
    expect(summary_field).to_contain_text(reference)
    summary = "Twaalf Poolse arbeiders in een garage; de baas houdt hun paspoorten."
    staff.keyboard.press("Control+A")
    staff.keyboard.type(summary)
    share_persons = staff.get_by_label("Big Jan Kowalczyk", exact=False)
    _focus_and_check(staff, share_persons, limit=8)
    staff.keyboard.press("Space")
    expect(share_persons).to_be_checked()
    send = staff.locator(MAIN_SUBMIT)
    _focus_and_check(staff, send, limit=10)
    _press_and_navigate(staff, "Enter")
    staff.wait_for_url(f"**/meldpunt/{reference}/#referrals")
    expect_message(staff)
    expect(meta(staff, "Status")).to_have_text("Doorverwezen")
    referral_pk = newest_referral_pk(staff)

    # The police see it in their list; before accepting only the summary, no persons.
    partner.goto("/ketenpartner/")
    partner.locator(f'main table a:text-is("{reference}")').click()
    partner.wait_for_url(f"**/ketenpartner/{referral_pk}/")
    main = partner.locator("main")
    expect(main).to_contain_text(summary)
    expect(main).not_to_contain_text("Big Jan Kowalczyk")
    partner.click(ACCEPT)
    partner.wait_for_url(f"**/ketenpartner/{referral_pk}/")
    expect_message(partner)
    expect(main).to_contain_text("Big Jan Kowalczyk")  # shared, and now accepted
    outcome = "Verhoor afgenomen; proces-verbaal opgemaakt en zaak overgedragen aan het OM."
    partner.fill('textarea[name="outcome-outcome"]', outcome)
    partner.locator(f"{OUTCOME_FORM} button[type=submit]").click()
    partner.wait_for_url("**/ketenpartner/")
    expect_message(partner)
    # Completed referrals leave the partner's list, and the partner's access with them.
    expect(partner.locator(f'main a:text-is("{reference}")')).to_have_count(0)
    assert partner.goto(f"/ketenpartner/{referral_pk}/").status == 404

    # The reporting point sees the outcome and the timeline.
    open_case(staff, reference)
    row = staff.locator("#referrals ~ table tbody tr", has_text=POLICE)
    expect(row).to_contain_text(outcome)
    expect(row).to_contain_text("Afgerond")
    expect(row).to_contain_text("samenvatting, 1 persoon")
    timeline = staff.locator("ol.timeline")
    expect(timeline).to_contain_text(f"Doorverwezen naar {POLICE}")
    expect(timeline).to_contain_text(f"{POLICE}: Geaccepteerd")
    expect(timeline).to_contain_text(f"{POLICE} heeft de uitkomst doorgegeven")
    expect(timeline).to_contain_text("In triage")

    # Close the report: referred to the police.
    staff.select_option('select[name="status-to_status"]', "closed")
    staff.select_option('select[name="status-outcome"]', "referred_police")
    staff.fill('input[name="status-reason"]', "Politie heeft de zaak overgenomen.")
    staff.locator(f"{STATUS_FORM} button[type=submit]").click()
    staff.wait_for_url(f"**/meldpunt/{reference}/#status")
    expect_message(staff)
    expect(meta(staff, "Status")).to_have_text("Afgesloten")
    expect(meta(staff, "Uitkomst")).to_have_text("Doorverwezen naar de politie")
    expect(timeline.locator("li").first).to_contain_text("Afgesloten")

    for errors in (staff_errors, partner_errors):
        assert_no_csp_errors(errors)


# --- 3. without JavaScript -----------------------------------------------------------------------


def test_triage_and_status_without_javascript(new_page, staff_context, references):
    """The staff member's session in a second browser context with JavaScript switched off."""
    reference = references[SALON_CASE]
    page = new_page(java_script_enabled=False, storage_state=staff_context.storage_state())
    open_case(page, reference)

    # Triage: <details> open natively, the selects and checkboxes need no script.
    page.select_option('select[name="triage-primary_form"]', "sexual")
    signals = page.locator(f"{TRIAGE_FORM} details").nth(1)
    signals.locator("summary").click()
    expect(signals).to_have_attribute("open", "")
    signal = signals.locator('input[name="triage-indicators"]').first
    code = signal.get_attribute("value")
    signal.check()
    page.select_option('select[name="triage-priority"]', "high")
    page.select_option('select[name="triage-assigned_to"]', label=STAFF_NAME)
    page.locator(f"{TRIAGE_FORM} button[type=submit]").click()
    page.wait_for_url(f"**/meldpunt/{reference}/#triage")
    expect_message(page)
    expect(meta(page, "Uitbuitingsvorm")).to_contain_text("Seksuele uitbuiting")
    expect(meta(page, "Prioriteit")).to_have_text("Hoog")
    expect(meta(page, "Toegewezen aan")).to_have_text(STAFF_NAME)
    expect(meta(page, "Status")).to_have_text("In triage")
    expect(page.locator(f'input[name="triage-indicators"][value="{code}"]')).to_be_checked()

    # Status: closing without an outcome is refused with an error summary; then it works.
    post_failed_status(page, reference)
    page.select_option('select[name="status-to_status"]', "handling")
    page.fill('input[name="status-reason"]', "Eerst zelf navragen bij de gemeente.")
    page.locator(f"{STATUS_FORM} button[type=submit]").click()
    page.wait_for_url(f"**/meldpunt/{reference}/#status")
    expect_message(page)
    expect(meta(page, "Status")).to_have_text("In behandeling")
    page.select_option('select[name="status-to_status"]', "closed")
    page.select_option('select[name="status-outcome"]', "no_indication")
    page.locator(f"{STATUS_FORM} button[type=submit]").click()
    page.wait_for_url(f"**/meldpunt/{reference}/#status")
    expect(meta(page, "Status")).to_have_text("Afgesloten")
    expect(meta(page, "Uitkomst")).to_have_text("Geen aanwijzingen voor mensenhandel")
    expect(page.locator("ol.timeline")).to_contain_text(
        "In behandeling – Eerst zelf navragen bij de gemeente."
    )


# --- 4. what a partner never sees ----------------------------------------------------------------


def test_partner_never_sees_notes_or_contact_details(
    staff_page, partner_page, partner_context, references
):
    reference = references[MINOR_CASE]
    staff, partner = staff_page, partner_page
    errors = console_errors(partner)
    note = "Interne notitie 4711: de buurvrouw weet meer, niet delen."
    secrets = [note, "Demo Melder", "0612345678"]

    add_note(staff, reference, note)
    add_person(staff, reference, role="victim", name="Meisje uit Amersfoort")
    # The staff member looks at the contact details (recorded), then refers without them.
    open_case(staff, reference)
    staff.locator('form[action$="/contactgegevens/"] button[type=submit]').click()
    expect(staff.locator("dl.contact-details")).to_contain_text("0612345678")
    pk = refer(
        staff,
        reference,
        summary="Meisje van ongeveer 15 wordt bij het station opgehaald door oudere mannen.",
        share_persons=True,
        share_attachments=True,
    )
    # The case summary for a case meeting leaves the contact details out as well.
    staff.goto(f"/meldpunt/{reference}/samenvatting/")
    expect(staff.locator("main")).not_to_contain_text("0612345678")
    staff_pdf = pdf_text(staff.request.get(f"/meldpunt/{reference}/samenvatting/?format=pdf"))
    assert reference in staff_pdf
    assert "0612345678" not in staff_pdf and "Demo Melder" not in staff_pdf

    def partner_sees_no_secrets():
        html = partner.content()
        for secret in secrets:
            assert secret not in html, secret
        pdf = pdf_text(partner_context.request.get(f"/ketenpartner/{pk}/samenvatting.pdf"))
        assert reference in pdf
        for secret in secrets:
            assert secret not in pdf, secret

    partner.goto(f"/ketenpartner/{pk}/")
    expect(partner.locator("main h1")).to_contain_text(reference)
    partner_sees_no_secrets()
    partner.click(ACCEPT)
    partner.wait_for_url(f"**/ketenpartner/{pk}/")
    expect(partner.locator("main")).to_contain_text("Meisje uit Amersfoort")  # persons shared
    partner_sees_no_secrets()
    # The case screen itself stays closed to the partner.
    assert partner.goto(f"/meldpunt/{reference}/").status in (403, 404)
    assert partner.goto(f"/meldpunt/{reference}/samenvatting/").status in (403, 404)
    assert_no_csp_errors(errors)


# --- 5. no CSP errors ----------------------------------------------------------------------------


def test_no_console_errors_on_case_pages(staff_page, partner_page, references, axe_referrals):
    """Every page of this module with JavaScript on: no CSP violation, no script error at all."""
    staff_errors, partner_errors = console_errors(staff_page), console_errors(partner_page)
    reference = references[CLEANERS_CASE]
    for path in (
        "/meldpunt/",
        "/meldpunt/?assigned=me&open=on&sort=deadline",
        "/meldpunt/?overdue=on&sort=deadline",
        "/meldpunt/?status=new",
        f"/meldpunt/{reference}/",
        f"/meldpunt/{reference}/doorverwijzen/",
        f"/meldpunt/{reference}/doorverwijzing/{axe_referrals['open']}/intrekken/",
        f"/meldpunt/{reference}/samenvatting/",
    ):
        assert staff_page.goto(path).status == 200, path
        staff_page.wait_for_load_state("load")
    for path in ("/ketenpartner/", f"/ketenpartner/{axe_referrals['open']}/"):
        assert partner_page.goto(path).status == 200, path
        partner_page.wait_for_load_state("load")
    for errors in (staff_errors, partner_errors):
        assert_no_csp_errors(errors)
        assert not errors, errors


def test_past_the_deadline_lists_old_untouched_demo_reports(staff_page, references):
    """The advice request was received 21 days ago, has a minor involved (high priority: one
    working day) and was never handled: "Past the deadline" must list it."""
    reference = references[ADVICE_CASE]
    staff_page.goto("/meldpunt/")
    open_filters(staff_page)
    staff_page.locator('ul.quick-links a[href*="overdue=on"]').click()
    staff_page.wait_for_url("**/meldpunt/?overdue=on*")
    expect(staff_page.locator('input[name="overdue"]')).to_be_checked()
    staff_page.wait_for_load_state("load")
    assert staff_page.locator(f'table.inbox a:text-is("{reference}")').count() == 1


def test_in_page_menu_moves_the_keyboard_to_the_section(staff_page, references):
    """The in-page menu's links move the keyboard to the section (the next Tab lands inside)."""
    reference = references[ADVICE_CASE]
    open_case(staff_page, reference)
    to_notes = staff_page.locator('nav.page-actions a[href="#notes"]')
    tab_to(staff_page, to_notes, limit=80)
    staff_page.keyboard.press("Enter")
    staff_page.wait_for_url(f"**/meldpunt/{reference}/#notes")
    note = staff_page.locator('textarea[name="note-body"]')
    tab_to(staff_page, note, limit=3)
    assert is_focused(note)
    assert_focus_visible(staff_page)


def test_the_first_report_is_a_few_tab_presses_from_the_top(staff_page, references):
    """From the top of the work list: the skip link, then the search bar and the folded filters,
    then the first report (issue 19: it took 54 presses behind 17 unfolded filters)."""
    staff_page.goto("/meldpunt/")
    first_report = staff_page.locator("table.inbox tbody a").first
    staff_page.keyboard.press("Tab")
    assert is_focused(staff_page.locator("a.skip-link"))
    staff_page.keyboard.press("Enter")
    presses = 1
    while not is_focused(first_report):
        staff_page.keyboard.press("Tab")
        presses += 1
        assert presses <= 8, f"the first report needs more than 8 Tab presses ({presses})"
    assert_focus_visible(staff_page)
    # Most urgent first: nothing closed comes before an open report.
    statuses = staff_page.locator("table.inbox tbody tr td:nth-child(5)").all_inner_texts()
    closed = [n for n, status in enumerate(statuses) if status in ("Afgesloten", "Gesloten")]
    open_ = [n for n, status in enumerate(statuses) if status not in ("Afgesloten", "Gesloten")]
    assert open_ and (not closed or max(open_) < min(closed)), statuses


def test_a_saved_note_answers_in_its_section_with_the_focus(staff_page, references):
    reference = references[ADVICE_CASE]
    open_case(staff_page, reference)
    staff_page.fill('textarea[name="note-body"]', "Teruggebeld, geen nieuws.")
    with staff_page.expect_navigation():
        staff_page.locator('form[action$="/notitie/"] button[type=submit]').click()
    staff_page.wait_for_url(f"**/meldpunt/{reference}/#notes")
    feedback = staff_page.locator("section.case-section:has(h2#notes) .section-feedback")
    expect(feedback).to_have_text("De notitie is opgeslagen.")
    expect(feedback).to_be_focused()
    expect(feedback).to_be_in_viewport()
    # Not repeated at the top of the page, out of sight.
    expect(staff_page.locator("main > .messages .message-success")).to_have_count(0)


def test_a_form_error_puts_the_focus_on_the_error_summary(staff_page, references):
    reference = references[ADVICE_CASE]
    open_case(staff_page, reference)
    with staff_page.expect_navigation():
        staff_page.locator('form[action$="/notitie/"] button[type=submit]').click()
    summary = staff_page.locator(".error-summary")
    expect(summary).to_be_focused()
    summary.locator("a").first.click()
    expect(staff_page.locator('textarea[name="note-body"]')).to_be_focused()
