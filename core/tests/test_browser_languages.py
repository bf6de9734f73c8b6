"""The six languages in Chromium: the language choice on the home page and in the header works
without JavaScript, the public pages read in the chosen language (signals, kinds of place, dates)
and axe finds nothing in any of them."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from core.tests.test_browser import browser, new_page, server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


def no_axe_violations(page):
    page.wait_for_load_state("load")
    results = Axe().run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def test_a_polish_visitor_finds_their_language_on_the_home_page_without_javascript(new_page):  # noqa: F811
    page = new_page(java_script_enabled=False)
    page.goto("/")
    choice = page.locator("main form.language-form")
    expect(choice.locator('button[lang="pl"]')).to_have_text("Polski")
    choice.locator('button[lang="pl"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.locator("h1")).to_have_text("Signaal: razem przeciw handlowi ludźmi")
    expect(page.locator('header [aria-current="true"]')).to_have_text("Polski")
    # axe runs as a script: the same pages again with JavaScript on.
    page = new_page()
    page.goto("/")
    page.locator('main form.language-form button[lang="pl"]').click()
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    no_axe_violations(page)
    page.goto("/wat-zie-je/?subject=location")
    expect(page.locator("h1")).to_have_text("Co widzisz?")
    expect(page.locator("#id_premises option", has_text="Plantacja konopi")).to_have_count(1)
    no_axe_violations(page)


@pytest.mark.parametrize(
    "language, signal, heading",
    [
        ("ro", "Angajatorul sau recrutorul îi ține pașaportul", "Ce vezi?"),
        ("bg", "Работодателят или посредникът задържа паспорта", "Какво виждаш?"),
        ("uk", "Роботодавець або вербувальник тримає в себе паспорт", "Що ти бачиш?"),
    ],
)
def test_the_header_choice_turns_the_guide_and_the_form_into_the_language(
    new_page,  # noqa: F811
    language,
    signal,
    heading,
):
    page = new_page()
    page.goto("/wat-zie-je/?s=AU-01&s=AU-03")
    page.locator(f'header button[lang="{language}"]').click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.get_by_text(signal).first).to_be_visible()
    no_axe_violations(page)
    page.goto(f"/melden/?taal={language}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_text(signal).first).to_be_attached()
    no_axe_violations(page)
    page.goto("/wat-zie-je/signaalkaart/labour/")
    expect(page.get_by_text(signal).first).to_be_visible()
    no_axe_violations(page)
