"""The tour: every role signed in once, every page its navigation offers plus the admin screens
(/cms/ and /beheer/), each at 1280 px and at 390 px in chromium. On every page: no axe violation,
no console or CSP error (a 404 stylesheet counts), no page wider than the screen (WCAG 1.4.10)
and no telltale English word in the visible texts of menus, buttons and labels.

The problems of all pages are collected and reported together; the checker itself is tested on a
page widened on purpose, a page with an English button and a page with a console error.
"""

import re
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from core.tests.test_browser import (  # noqa: F401 - fixtures
    browser,
    new_page,
    server,
    signed_in_context,
)

pytestmark = pytest.mark.browser

WIDTHS = [(1280, 900), (390, 844)]
EDITOR = "redacteur@riec.demo.test"
PLATFORM_ADMIN = "platformbeheer@riec.demo.test"
ROLES = [
    "meldpunt@vtu.demo.test",  # reporting point
    "rechercheur@politie.demo.test",  # partner
    "analist@riec.demo.test",  # analyst
    EDITOR,
    "privacy@vtu.demo.test",  # privacy officer
    PLATFORM_ADMIN,
    "beheerder@utrecht.demo.test",  # organisation admin
    "aandachtsfunctionaris@amersfoort.demo.test",  # professional
]
# English UI words that never belong in a Dutch interface (whole words, case-sensitive as
# they appear on buttons and labels).
ENGLISH_WORDS = [
    "Save",
    "Delete",
    "Search",
    "Edit",
    "Cancel",
    "Add",
    "Choose",
    "Upload",
    "Close",
    "Submit",
    "Next",
    "Previous",
    "Settings",
    "Remove",
    "Select",
    "Create",
    "Update",
    "View",
    "Log out",
    "Sign out",
]
ENGLISH = re.compile(r"\b(" + "|".join(re.escape(word) for word in ENGLISH_WORDS) + r")\b")

# The visible texts of menus, buttons, labels and headings (with their accessible names), except
# parts marked as another language (the language choice names each language in itself).
VISIBLE_UI_TEXT = """() => {
  const selector = 'nav a, nav button, button, label, legend, th, summary, h1, h2, h3, '
    + '[role=button], [role=tab], [role=menuitem], a.button, a.button-secondary, '
    + 'input[type=submit], input[type=button]';
  const texts = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const marked = el.closest('[lang]');
    if (marked && !marked.lang.toLowerCase().startsWith('nl')) continue;
    const text = (el.tagName === 'INPUT' ? el.value : el.innerText) || '';
    texts.push(text.replace(/\\s+/g, ' ').trim());
    const label = el.getAttribute('aria-label');
    if (label) texts.push(label);
  }
  return texts;
}"""


def admin_pages(page, email_address):
    """The admin screens editors and platform admins use, found from the admin's own lists."""
    paths = []
    if email_address == EDITOR:  # /cms/ is for editors only (the platform admin gets 403)
        paths += [
            "/cms/",
            "/cms/pages/",
            "/cms/documents/",
            "/cms/documents/multiple/add/",
            "/cms/documents/add/",
            "/cms/collections/",
            "/cms/snippets/",
        ]
        # The dashboard's site summary links to the home page's explorer, which lists the
        # content pages below it; the last edit link there is one of them.
        home = _links(page, "/cms/", r"^/cms/pages/\d+/$", "the home page's explorer")[0]
        paths += [home, _links(page, home, r"^/cms/pages/\d+/edit/$", "a page's edit screen")[-1]]
        paths += _first_link(page, "/cms/documents/", r"^/cms/documents/edit/\d+/$", "a document")
        snippets = _first_link(
            page, "/cms/snippets/", r"^/cms/snippets/indicators/[^/]+/$", "catalogue"
        )
        paths += snippets
        paths += _first_link(
            page, snippets[0], r"^/cms/snippets/indicators/[^/]+/edit/\d+/$", "an item"
        )
    if email_address == PLATFORM_ADMIN:
        paths += ["/beheer/"]
        paths += _first_link(page, "/beheer/", r"^/beheer/\w+/\w+/$", "a changelist")
        paths += _first_link(page, paths[-1], r"^/beheer/\w+/\w+/\d+/change/$", "a change form")
    return paths


def _links(page, on_path, pattern, what):
    page.goto(on_path)
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    paths = [urlsplit(href).path for href in hrefs if re.match(pattern, urlsplit(href).path)]
    if not paths:
        pytest.fail(f"no link to {what} ({pattern}) on {on_path}")
    return paths


def _first_link(page, on_path, pattern, what):
    return _links(page, on_path, pattern, what)[:1]


def navigation_paths(page):
    """Every page the header and work menu offer to the signed-in person (own site only)."""
    page.goto("/account/")
    hrefs = page.eval_on_selector_all(
        "header a[href], nav a[href]", "els => els.map(e => e.getAttribute('href'))"
    )
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.netloc or not parts.path.startswith("/") or parts.path in paths:
            continue
        paths.append(parts.path)
    return paths


def deeper_paths(page, paths):
    """Beyond the menus: the monitor's own pages (quarterly overview, policy monitor, ...) and the
    first case or referral of a list, where the widest tables are."""
    found = []
    for list_path, selector in [
        ("/monitor/", "main .quick-links a[href]"),
        ("/meldpunt/", "main table a[href]"),
        ("/ketenpartner/", "main table a[href], main li a[href]"),
    ]:
        if list_path not in paths:
            continue
        page.goto(list_path)
        hrefs = page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('href'))")
        own = [
            urlsplit(href).path
            for href in hrefs
            if not urlsplit(href).netloc
            and "export" not in href
            and urlsplit(href).path != list_path
        ]
        found += own if list_path == "/monitor/" else own[:1]
    return [path for path in dict.fromkeys(found) if path not in paths]


def check_page(page, errors, width):
    """The problems of the page as it is now, as readable lines."""
    page.wait_for_load_state("load")
    # axe measures colours as they are: let fade-ins (Wagtail's messages) finish first
    page.evaluate(
        """Promise.all(document.getAnimations()
            .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
            .map(a => a.finished.catch(() => null)))"""
    )
    problems = [f"console: {error}" for error in errors]
    errors.clear()
    results = Axe().run(page)
    for violation in results.response["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"]][:3]
        problems.append(f"axe {violation['id']}: {violation['help']} at {targets}")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        problems.append(f"{scroll_width} px wide at a {width} px screen")
    english = sorted(
        {match for text in page.evaluate(VISIBLE_UI_TEXT) for match in ENGLISH.findall(text)}
    )
    if english:
        problems.append(f"English: {', '.join(english)}")
    return problems


def watch_console(page):
    errors = []

    def console(message):
        if message.type == "error":
            text = message.text
            if text.startswith("Failed to load resource"):  # name the resource
                text += f" [{(message.location or {}).get('url')}]"
            errors.append(text)

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def tour(page, paths):
    errors = watch_console(page)
    found = []
    for width, height in WIDTHS:
        page.set_viewport_size({"width": width, "height": height})
        for path in paths:
            errors.clear()
            response = page.goto(path)
            if response is None or response.status >= 400:
                found.append(f"{path} @{width}: HTTP {response and response.status}")
                continue
            found += [f"{path} @{width}: {problem}" for problem in check_page(page, errors, width)]
    return found


@pytest.mark.parametrize("email_address", ROLES)
def test_tour(browser, server, email_address):  # noqa: F811
    context, page = signed_in_context(browser, server, email_address, 0, timeout=30_000)
    try:
        paths = navigation_paths(page)
        assert "/account/" in paths  # the menu was read
        paths += deeper_paths(page, paths)
        if email_address in (EDITOR, PLATFORM_ADMIN):
            paths += [path for path in admin_pages(page, email_address) if path not in paths]
        # a late failed load of the last page read must not be counted against the tour's first
        # (CI once saw an unnamed 404 on "/" right after the admin pages)
        page.wait_for_load_state("networkidle")
        found = tour(page, paths)
    finally:
        context.close()
    assert not found, f"{len(found)} problems for {email_address}:\n" + "\n".join(found)


def test_the_checker_finds_problems(new_page, server):  # noqa: F811
    page = new_page()
    errors = watch_console(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    assert check_page(page, errors, 390) == []
    page.evaluate(
        """() => {
        const wide = document.createElement('div');
        wide.style.width = '1000px';
        wide.textContent = 'breed';
        document.querySelector('main').append(wide);
        const button = document.createElement('button');
        button.textContent = 'Save';
        document.querySelector('main').append(button);
        const unnamed = document.createElement('button');
        document.querySelector('main').append(unnamed);
        console.error('kapot');
    }"""
    )
    problems = check_page(page, errors, 390)
    assert any(re.fullmatch(r"1\d{3} px wide at a 390 px screen", p) for p in problems), problems
    assert "English: Save" in problems
    assert "console: kapot" in problems
    assert any(p.startswith("axe button-name") for p in problems), problems
